import type { Backoff, Logger } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import { allProjections } from '@invitations/read-models';
import type { Projection, ProjectionName } from '@invitations/read-models';
import { NO_POSITION } from '../checkpoint-store';
import { BatchingSubscription, type BatchWriter } from '../batching-subscription';
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

/** A batch of events folded over the documents they touch, and the position its checkpoints move to. */
interface Written {
  batch: EventBatch;
  upTo: bigint;
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
  private readonly loop: BatchingSubscription<Written>;

  private batch = new EventBatch();
  private batchPosition = NO_POSITION;

  private readonly waiters = new Set<Waiter>();
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
    this.loop = new BatchingSubscription(store, this.writer(), this.settings);
  }

  /** Loads the checkpoints and subscribes. Resolves once subscribed, not once caught up (see `caughtUp`). */
  async start(): Promise<void> {
    if (this.loop.running) return;
    const names = this.projections.map((projection) => projection.name);
    const existing = new Set(await this.target.storage.collections());
    const stored = await this.target.checkpoints.load(names);
    for (const name of names) {
      // A checkpoint whose documents are gone (a collection dropped by hand) means nothing applied.
      this.checkpoints.set(name, existing.has(name) ? (stored.get(name) ?? NO_POSITION) : NO_POSITION);
    }
    if (this.settings.prepare) await this.target.storage.prepare(names);
    this.loop.start();
  }

  /** Stops the subscription and writes what it had delivered. */
  async stop(): Promise<void> {
    await this.loop.stop();
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
    return this.loop.caughtUp;
  }

  /**
   * Resolves true as soon as the read models include `position` (a mutation's own append), false after
   * `timeoutMs` or if the runner stops first.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    if (!this.loop.running) return Promise.resolve(false);
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
      running: this.loop.running,
      caughtUp: this.loop.caughtUp,
      position: this.position().toString(),
      pendingEvents: this.loop.gathered,
      lastFlushAt: this.lastFlushAt?.toISOString() ?? null,
      restarts: this.restarts,
      lastError: this.lastError,
    };
  }

  private writer(): BatchWriter<Written> {
    return {
      after: () => {
        const after = this.position();
        return after === NO_POSITION ? undefined : after;
      },
      add: (event) => {
        this.batch.add(event, this.behind(event.position));
        this.batchPosition = event.position;
        return this.loop.gathered >= this.settings.batchSize;
      },
      take: () => {
        const written = { batch: this.batch, upTo: this.batchPosition };
        this.batch = new EventBatch();
        return written;
      },
      drop: () => (this.batch = new EventBatch()),
      write: (written) => this.write(written),
      failed: (error, delayMs) => {
        this.restarts += 1;
        this.lastError = describeError(error);
        this.settings.logger.error(
          `Projections: subscription failed (${this.lastError}); resubscribing after position ${this.position()} in ${delayMs} ms`,
        );
      },
      failedAtStop: (error) =>
        this.settings.logger.error(`Projections: the last writes failed at stop (${describeError(error)})`),
      caughtUp: () => this.settings.logger.log(`Projections caught up at position ${this.position()}`),
    };
  }

  /** Writes a batch's documents, then moves the checkpoints of the projections it advanced. */
  private async write({ batch, upTo }: Written): Promise<void> {
    const { storage, checkpoints } = this.target;
    await batch.apply((name) => storage.documents(name), this.settings.fence);
    const advanced = [...this.checkpoints].filter(([, position]) => position < upTo).map(([name]) => name);
    assertHeld(this.settings.fence, "saving the projections' checkpoints");
    await checkpoints.save(advanced, upTo);
    for (const name of advanced) this.checkpoints.set(name, upTo);
    this.lastFlushAt = new Date();
    this.settleWaiters();
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
      if (included || !this.loop.running) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(included);
      }
    }
  }
}
