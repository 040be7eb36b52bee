import { performance } from 'node:perf_hooks';
import type { Lease, LeaseStore } from './lease';

/** Renewing three times per ttl leaves two chances to renew before the lease runs out. */
export function renewIntervalMs(ttlMs: number): number {
  return Math.max(1, Math.floor(ttlMs / 3));
}

/**
 * Until when, by the holder's own monotonic clock, it may act on a lease renewed by a request sent at `sentAtMs`.
 * The server started the ttl at some instant after the request was sent, so counting from the send is safe
 * whatever the clocks say; the margin covers timer lateness and the pause between checking and acting.
 */
export function heldUntilMs(
  sentAtMs: number,
  ttlMs: number,
  safetyMarginMs: number = defaultSafetyMarginMs(ttlMs),
): number {
  return sentAtMs + ttlMs - safetyMarginMs;
}

export function defaultSafetyMarginMs(ttlMs: number): number {
  return Math.floor(ttlMs / 10);
}

export type LeaseLoss = 'taken' | 'expired';

export interface LeaseKeeperOptions {
  /** Called once when the lease is lost: stop the work it guarded at once. */
  onLost: (reason: LeaseLoss, error?: unknown) => void;
  safetyMarginMs?: number;
  /** Monotonic milliseconds (performance.now by default). */
  clock?: () => number;
}

/**
 * Keeps a lease: renews it every ttl/3 and reports its loss, either because another holder has it (a renewal
 * answered null) or because no renewal succeeded in time (the store unreachable) — in that case the holder must
 * assume a standby has taken over, even before hearing so.
 */
export class LeaseKeeper {
  private current: Lease;
  private heldUntil: number;
  private lost = false;
  private stopped = false;
  private renewTimer: NodeJS.Timeout | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  private readonly clock: () => number;
  private readonly safetyMarginMs: number;

  /** Waits until `holder` gets the lease (trying every ttl/3), then keeps it. Null if the signal aborts first. */
  static async acquire(
    store: LeaseStore,
    holder: string,
    options: LeaseKeeperOptions & { signal?: AbortSignal },
  ): Promise<LeaseKeeper | null> {
    const clock = options.clock ?? (() => performance.now());
    while (!options.signal?.aborted) {
      const sentAt = clock();
      const lease = await store.acquire(holder);
      if (lease) return new LeaseKeeper(store, lease, sentAt, options);
      await delay(renewIntervalMs(store.ttlMs), options.signal);
    }
    return null;
  }

  /** Starts keeping a lease just acquired by a request sent at `acquiredAt` (by `clock`). */
  constructor(
    private readonly store: LeaseStore,
    lease: Lease,
    acquiredAt: number,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.current = lease;
    this.clock = options.clock ?? (() => performance.now());
    this.safetyMarginMs = options.safetyMarginMs ?? defaultSafetyMarginMs(store.ttlMs);
    this.heldUntil = heldUntilMs(acquiredAt, store.ttlMs, this.safetyMarginMs);
    this.scheduleRenewal();
    this.scheduleExpiry();
  }

  get lease(): Lease {
    return this.current;
  }

  /** Whether the holder may still act on the lease now: not lost, and within the time its last renewal bought. */
  isHeld(): boolean {
    return !this.lost && !this.stopped && this.clock() < this.heldUntil;
  }

  /** Stops renewing and gives the lease up, so a standby takes over at once. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    // A renewal still in flight cannot undo the release: both compare holder and token, and a renewal
    // that lands after the release finds the lease expired.
    if (!this.lost) await this.store.release(this.current);
  }

  private scheduleRenewal(): void {
    this.renewTimer = setTimeout(() => void this.renew(), renewIntervalMs(this.store.ttlMs));
  }

  /** Fires when the time bought by the last renewal runs out, renewals having failed meanwhile. */
  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => this.loseLease('expired'),
      Math.max(0, this.heldUntil - this.clock()),
    );
  }

  private async renew(): Promise<void> {
    const sentAt = this.clock();
    try {
      const renewed = await this.store.renew(this.current);
      if (this.stopped || this.lost) return;
      if (!renewed) return this.loseLease('taken');
      this.current = renewed;
      this.heldUntil = heldUntilMs(sentAt, this.store.ttlMs, this.safetyMarginMs);
      this.scheduleExpiry();
    } catch (error) {
      // The store may be back before the lease runs out: the expiry timer decides, not one failed request.
      if (this.stopped || this.lost) return;
      if (this.clock() >= this.heldUntil) return this.loseLease('expired', error);
    }
    if (!this.stopped && !this.lost) this.scheduleRenewal();
  }

  private loseLease(reason: LeaseLoss, error?: unknown): void {
    if (this.lost || this.stopped) return;
    this.lost = true;
    this.clearTimers();
    this.options.onLost(reason, error);
  }

  private clearTimers(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.renewTimer = null;
    this.expiryTimer = null;
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
