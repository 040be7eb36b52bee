import { backoffDelayMs, type Backoff, type Logger } from '@invitations/kernel';
import type { EventStore, RecordedEvent, Subscription } from '@invitations/event-store';
import { allProjections } from '@invitations/read-models';
import type { Projection, ProjectionName } from '@invitations/read-models';
import { NO_POSITION } from '../checkpoint-store';
import { ALWAYS_HELD, assertHeld, type Fence } from '../fence';
import { describeError } from './describe-error';
import { EventBatch } from './event-batch';
import type { ProjectionTarget } from './projection-target';

export interface ProjectionRunnerOptions {
  /** The projections to run (all by default). */
  projections?: readonly Projection[];
  /** Flush the gathered writes every this many events (default 1,000). */
  batchSize?: number;
  /** Flush once no event has arrived for this long (default 2 ms)... */
  idleFlushMs?: number;
  /** ...or once the oldest unflushed event has waited this long under a steady trickle (default 50 ms). */
  maxFlushDelayMs?: number;
  /** Backoff between resubscriptions after a failure: doubles from the first delay up to the last. */
  retry?: Backoff;
  /** Make the read models ready for their queries at start (MongoDB's indexes; default true). */
  prepare?: boolean;
  /**
   * Checked before every write of documents and of checkpoints (a projector's lease): once it is lost, what is
   * being written is refused, and the runner resubscribes, to be refused again until stopped.
   */
  fence?: Fence;
  logger?: Logger;
}

export interface ProjectionRunnerHealth {
  running: boolean;
  caughtUp: boolean;
  /** The last position the read models include, as a decimal string. */
  position: string;
  /** Events received but not yet written. */
  pendingEvents: number;
  lastFlushAt: string | null;
  /** Resubscriptions after failures since start. */
  restarts: number;
  /** The last failure, described without personal data. */
  lastError: string | null;
}

interface Waiter {
  position: bigint;
  resolve(included: boolean): void;
  timer: NodeJS.Timeout;
}

const defaultLogger: Logger = {
  log: () => undefined,
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

/**
 * Keeps the read models up to date from the event store's global log (never from the in-memory
 * EventBus): subscribes from the lowest checkpoint of its projections, gives every event to each
 * projection whose checkpoint is behind it, and at each batch folds the events over the documents
 * they touch (loaded in one call per projection), writes each changed document once, then records the
 * checkpoints. Delivery is at-least-once (a failure resubscribes from the last written checkpoint): a
 * document skips an event at or before its last applied position, so redelivery changes nothing.
 */
export class ProjectionRunner {
  private readonly projections: readonly Projection[];
  private readonly settings: Required<Omit<ProjectionRunnerOptions, 'projections'>>;
  /** Each projection's position as written to the checkpoint store. */
  private readonly checkpoints = new Map<ProjectionName, bigint>();
  private subscription: Subscription | null = null;
  /** Bumped at every subscription and at stop: what an older subscription still delivers is ignored. */
  private generation = 0;
  private running = false;
  private isCaughtUp = false;

  private batch = new EventBatch();
  private batchEvents = 0;
  private batchPosition = NO_POSITION;
  private batchStartedAt = 0;
  /** Events received since start, to tell an idle subscription from a busy one. */
  private received = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The chain of flushes: each starts when the previous one has finished, so checkpoints only move on. */
  private flushes: Promise<void> = Promise.resolve();

  private readonly waiters = new Set<Waiter>();
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private restarts = 0;
  private lastError: string | null = null;
  private lastFlushAt: Date | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly target: ProjectionTarget,
    options: ProjectionRunnerOptions = {},
  ) {
    this.projections = options.projections ?? allProjections;
    this.settings = {
      batchSize: options.batchSize ?? 1000,
      idleFlushMs: options.idleFlushMs ?? 2,
      maxFlushDelayMs: options.maxFlushDelayMs ?? 50,
      retry: options.retry ?? { initialDelayMs: 100, maxDelayMs: 30_000 },
      prepare: options.prepare ?? true,
      fence: options.fence ?? ALWAYS_HELD,
      logger: options.logger ?? defaultLogger,
    };
  }

  /** Loads the checkpoints and subscribes. Resolves once subscribed, not once caught up (see `caughtUp`). */
  async start(): Promise<void> {
    if (this.running) return;
    this.flushes = Promise.resolve();
    this.failures = 0;
    const names = this.projections.map((projection) => projection.name);
    const existing = new Set(await this.target.storage.collections());
    const stored = await this.target.checkpoints.load(names);
    for (const name of names) {
      // A checkpoint whose documents are gone (a collection dropped by hand) means nothing applied.
      this.checkpoints.set(name, existing.has(name) ? (stored.get(name) ?? NO_POSITION) : NO_POSITION);
    }
    if (this.settings.prepare) await this.target.storage.prepare(names);
    this.running = true;
    this.subscribe();
  }

  /** Stops the subscription and writes what it had delivered. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    // After a failed flush, what follows it must not be written (a gap): the next start replays it.
    let failed = false;
    await this.flushes.catch(() => (failed = true));
    if (!failed) await this.flush().catch((error: unknown) => this.reportStopFailure(error));
    this.generation += 1;
    this.isCaughtUp = false;
    this.settleWaiters();
  }

  /** The last position every projection's read model includes (-1 when none). */
  position(): bigint {
    const positions = [...this.checkpoints.values()];
    return positions.reduce(
      (lowest, position) => (position < lowest ? position : lowest),
      positions[0] ?? NO_POSITION,
    );
  }

  /** True once the read models include everything the log held when the subscription caught up. */
  get caughtUp(): boolean {
    return this.isCaughtUp;
  }

  /**
   * Resolves true as soon as the read models include `position` (a mutation's own append), false after
   * `timeoutMs` or if the runner stops first.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    if (!this.running) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** How far the read models are behind the log's head, in positions (not necessarily events). */
  async lag(): Promise<bigint> {
    const head = await this.store.headPosition();
    const position = this.position();
    return head > position ? head - position : 0n;
  }

  health(): ProjectionRunnerHealth {
    return {
      running: this.running,
      caughtUp: this.isCaughtUp,
      position: this.position().toString(),
      pendingEvents: this.batchEvents,
      lastFlushAt: this.lastFlushAt?.toISOString() ?? null,
      restarts: this.restarts,
      lastError: this.lastError,
    };
  }

  private subscribe(): void {
    const generation = ++this.generation;
    const after = this.position();
    this.isCaughtUp = false;
    this.subscription = this.store.subscribeToAll((event) => this.receive(event, generation), {
      after: after === NO_POSITION ? undefined : after,
      onCaughtUp: () => this.onCaughtUp(generation),
      onError: (error) => this.recover(error, generation),
    });
  }

  /** Gathers the event; returns a promise only when it flushes, so the log waits for the writes. */
  private receive(event: RecordedEvent, generation: number): Promise<void> | void {
    if (generation !== this.generation) return;
    this.batch.add(event, this.behind(event.position));
    if (this.batchEvents === 0) this.batchStartedAt = Date.now();
    this.batchEvents += 1;
    this.batchPosition = event.position;
    this.received += 1;
    if (this.batchEvents >= this.settings.batchSize) return this.flushBehind(generation);
    this.scheduleFlush();
  }

  /**
   * Starts writing the full batch and returns the write before it: the log is read on while a batch
   * is written (a remote store's round trips overlap the reading), with at most one batch in flight.
   */
  private flushBehind(generation: number): Promise<void> {
    const previous = this.flushes;
    this.flush().catch((error: unknown) => this.recover(error, generation));
    return previous;
  }

  private onCaughtUp(generation: number): void {
    if (generation !== this.generation) return;
    this.flush().then(
      () => {
        if (generation !== this.generation) return;
        this.isCaughtUp = true;
        this.settings.logger.log(`Projections caught up at position ${this.position()}`);
      },
      (error: unknown) => this.recover(error, generation),
    );
  }

  /** Flushes once events stop arriving for a moment, or once the oldest unflushed one has waited too long. */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const generation = this.generation;
    const receivedBefore = this.received;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (generation !== this.generation || this.batchEvents === 0) return;
      const idle = this.received === receivedBefore;
      const overdue = Date.now() - this.batchStartedAt >= this.settings.maxFlushDelayMs;
      if (idle || overdue) this.flush().catch((error: unknown) => this.recover(error, generation));
      else this.scheduleFlush();
    }, this.settings.idleFlushMs);
  }

  /** Writes the gathered batch after the flushes before it, then moves the checkpoints. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.batchEvents === 0) return this.flushes;
    const batch = this.batch;
    const upTo = this.batchPosition;
    const generation = this.generation;
    this.batch = new EventBatch();
    this.batchEvents = 0;
    this.flushes = this.flushes.then(() => this.write(batch, upTo, generation));
    return this.flushes;
  }

  private async write(batch: EventBatch, upTo: bigint, generation: number): Promise<void> {
    if (generation !== this.generation) return; // the next subscription delivers these events again
    const { storage, checkpoints } = this.target;
    await batch.apply((name) => storage.documents(name), this.settings.fence);
    const advanced = [...this.checkpoints].filter(([, position]) => position < upTo).map(([name]) => name);
    assertHeld(this.settings.fence, "saving the projections' checkpoints");
    await checkpoints.save(advanced, upTo);
    for (const name of advanced) this.checkpoints.set(name, upTo);
    this.lastFlushAt = new Date();
    this.failures = 0;
    this.settleWaiters();
  }

  /** After a failure: drop what was not written, and resubscribe from the checkpoints after a backoff. */
  private recover(error: unknown, generation: number): void {
    if (generation !== this.generation || !this.running) return;
    const current = ++this.generation;
    this.isCaughtUp = false;
    this.failures += 1;
    this.restarts += 1;
    this.lastError = describeError(error);
    const delay = backoffDelayMs(this.failures, this.settings.retry);
    this.settings.logger.error(
      `Projections: subscription failed (${this.lastError}); resubscribing after position ${this.position()} in ${delay} ms`,
    );
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.batch = new EventBatch();
    this.batchEvents = 0;
    const failed = this.subscription;
    this.subscription = null;
    // Not awaited: the failure may come from inside a handler, which stop() would wait for.
    void failed?.stop().catch(() => undefined);
    const settled = this.flushes.catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      void settled.then(() => {
        if (!this.running || this.generation !== current) return;
        this.flushes = Promise.resolve();
        this.subscribe();
      });
    }, delay);
  }

  private reportStopFailure(error: unknown): void {
    this.settings.logger.error(`Projections: the last writes failed at stop (${describeError(error)})`);
  }

  /** The projections whose checkpoint is behind a position: the others have applied its event already. */
  private behind(position: bigint): readonly Projection[] {
    let all = true;
    for (const checkpoint of this.checkpoints.values()) if (checkpoint >= position) all = false;
    if (all) return this.projections;
    return this.projections.filter(
      (projection) => position > (this.checkpoints.get(projection.name) ?? NO_POSITION),
    );
  }

  private settleWaiters(): void {
    const position = this.position();
    for (const waiter of this.waiters) {
      const included = waiter.position <= position;
      if (included || !this.running) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(included);
      }
    }
  }
}
