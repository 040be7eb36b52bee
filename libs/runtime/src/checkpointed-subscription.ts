import { backoffDelayMs, type Backoff, type Logger } from '@invitations/kernel';
import type { EventStore, RecordedEvent, Subscription } from '@invitations/event-store';
import { NO_POSITION, type CheckpointStore } from './checkpoint-store';
import { ALWAYS_HELD, assertHeld, type Fence } from './fence';

/** Between resubscriptions after failures in a row: 200 ms, doubled, at most 30 s. */
const RESUBSCRIBE_BACKOFF: Backoff = { initialDelayMs: 200, maxDelayMs: 30_000 };

/**
 * Runs a handler over the global log from its checkpoint, then live. The checkpoint advances after each event is
 * handled, so delivery is at least once: handlers must be idempotent. When the subscription drops or a handler
 * fails, it resubscribes from the last processed position with exponential backoff. Its checkpoint is saved only
 * while the fence is held: a process that lost its lease leaves the checkpoint to the one holding it now.
 */
export class CheckpointedSubscription {
  private subscription: Subscription | null = null;
  private position: bigint | undefined;
  private stopped = true;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  caughtUp = false;

  constructor(
    private readonly name: string,
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly handler: (event: RecordedEvent) => Promise<void>,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly fence: Fence = ALWAYS_HELD,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const stored = (await this.checkpoints.load([this.name])).get(this.name) ?? NO_POSITION;
    this.position = stored === NO_POSITION ? undefined : stored;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    this.subscription = null;
  }

  get lastPosition(): bigint {
    return this.position ?? -1n;
  }

  private subscribe(): void {
    if (this.stopped) return;
    this.subscription = this.store.subscribeToAll(
      async (event) => {
        await this.handler(event);
        this.position = event.position;
        this.failures = 0;
        assertHeld(this.fence, `saving the checkpoint of ${this.name}`);
        await this.checkpoints.save([this.name], event.position);
      },
      {
        after: this.position,
        onCaughtUp: () => (this.caughtUp = true),
        onError: (error) => this.retry(error),
      },
    );
  }

  private retry(error: Error): void {
    if (this.stopped) return;
    this.caughtUp = false;
    this.failures += 1;
    const delay = backoffDelayMs(this.failures, RESUBSCRIBE_BACKOFF);
    this.logger.error(
      `${this.name}: subscription failed (${error.name}: ${error.message}); resubscribing in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => this.subscribe(), delay);
  }
}
