import type { Logger } from '@invitations/kernel';
import { LeaseKeeper, type Fence, type LeaseLoss, type LeaseStore } from '@invitations/runtime';

/** What runs while the lease is held. A fresh one is made for each term of holding it. */
export interface Work {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * - standby: waiting for the lease (another process holds it, or the lease store is unreachable);
 * - starting: holding the lease, the work starting (catching up);
 * - active: holding the lease, the work running;
 * - stopping: the work stopping (lease lost, or shutting down);
 * - stopped: run() has returned.
 */
export type WorkerRole = 'standby' | 'starting' | 'active' | 'stopping' | 'stopped';

export interface LeasedWorkerOptions<W extends Work> {
  leases: LeaseStore;
  /** This process's name in the lease (no personal data: host, pid and a random suffix). */
  holder: string;
  /** Makes the work of one term; `fence` says whether the lease is still held, for the work to check before writing. */
  createWork: (fence: Fence) => W;
  logger: Logger;
  /** The pause after a failure (lease store unreachable, work failed to start) before trying again; ttl/3 by default. */
  retryDelayMs?: number;
  /** Monotonic milliseconds for timing the lease (performance.now by default). */
  clock?: () => number;
}

/** One term of holding the lease: how it ended, if the lease was lost. */
class Term {
  loss: { reason: LeaseLoss; error?: unknown } | null = null;
  private announceLoss: () => void = () => undefined;
  readonly lost = new Promise<void>((resolve) => (this.announceLoss = resolve));

  readonly onLost = (reason: LeaseLoss, error?: unknown): void => {
    this.loss = { reason, error };
    this.announceLoss();
  };
}

/**
 * Runs work only while holding a lease, so that of several processes exactly one works at a time: it waits for
 * the lease (a standby retries every ttl/3 and takes over once the holder releases it, or once the holder's lease
 * expires because it died), then starts the work and keeps the lease renewed. The moment the lease is lost
 * (taken, or not renewed in time) the work is stopped, and its fence has already turned: writes the work still
 * attempts are refused. Then it stands by again.
 */
export class LeasedWorker<W extends Work> {
  private currentRole: WorkerRole = 'standby';
  private currentWork: W | null = null;
  private readonly shutdown = new AbortController();
  private running: Promise<void> | null = null;
  private readonly retryDelayMs: number;

  constructor(private readonly options: LeasedWorkerOptions<W>) {
    this.retryDelayMs = options.retryDelayMs ?? Math.max(1, Math.floor(options.leases.ttlMs / 3));
  }

  get role(): WorkerRole {
    return this.currentRole;
  }

  /** The work of the current term, while there is one. */
  get work(): W | null {
    return this.currentWork;
  }

  /** Runs until stopped: resolves once the work is stopped and the lease given up. */
  run(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  /** Stops the work, gives the lease up (so a standby takes over at once) and ends run(). */
  async stop(): Promise<void> {
    this.shutdown.abort();
    await this.running;
    this.currentRole = 'stopped';
  }

  private async loop(): Promise<void> {
    const { signal } = this.shutdown;
    while (!signal.aborted) {
      this.currentRole = 'standby';
      const held = await this.acquire(signal);
      if (!held) break;
      const started = await this.serve(held.keeper, held.term, signal);
      if (!started) {
        this.currentRole = 'standby';
        await delay(this.retryDelayMs, signal);
      }
    }
    this.currentRole = 'stopped';
  }

  /** Waits for the lease; null once shutting down. A lease store that cannot be reached is tried again. */
  private async acquire(signal: AbortSignal): Promise<{ keeper: LeaseKeeper; term: Term } | null> {
    const { leases, holder, clock } = this.options;
    while (!signal.aborted) {
      const term = new Term();
      try {
        const keeper = await LeaseKeeper.acquire(leases, holder, { onLost: term.onLost, signal, clock });
        return keeper ? { keeper, term } : null;
      } catch (error) {
        this.options.logger.warn(
          `could not reach the lease store (${describe(error)}); trying again in ${this.retryDelayMs} ms`,
        );
        await delay(this.retryDelayMs, signal);
      }
    }
    return null;
  }

  /** Works while the term lasts. False when the work could not start (then the lease is given up for a while). */
  private async serve(keeper: LeaseKeeper, term: Term, signal: AbortSignal): Promise<boolean> {
    const { logger } = this.options;
    this.currentRole = 'starting';
    logger.log(`holding lease ${keeper.lease.name} (fencing token ${keeper.lease.token}): starting`);
    const work = this.options.createWork(keeper);
    this.currentWork = work;
    let started = true;
    try {
      if (!signal.aborted) await work.start();
    } catch (error) {
      started = false;
      logger.error(`the work could not start (${describe(error)}); giving the lease up for now`);
    }
    if (started && term.loss === null && !signal.aborted) {
      this.currentRole = 'active';
      await untilEither(term.lost, signal);
    }
    this.currentRole = 'stopping';
    if (term.loss !== null) {
      const cause = term.loss.error === undefined ? '' : ` (${describe(term.loss.error)})`;
      logger.warn(`lease ${term.loss.reason}${cause}: stopping at once, then standing by`);
    }
    await work
      .stop()
      .catch((error: unknown) => logger.error(`the work did not stop cleanly: ${describe(error)}`));
    this.currentWork = null;
    await keeper
      .stop()
      .catch((error: unknown) => logger.warn(`could not release the lease: ${describe(error)}`));
    return started;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Resolves when the promise settles or the signal aborts, whichever comes first. */
function untilEither(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done);
  });
}

/** Waits `ms`, or less if the signal aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
