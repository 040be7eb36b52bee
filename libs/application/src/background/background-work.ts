import type { Logger, Clock } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import type { Notifier } from '@invitations/notifications';
import {
  ProjectionRunner,
  type ProjectionRunnerHealth,
  type ProjectionRunnerOptions,
  type ReadModelStores,
} from '@invitations/runtime';
import type { CheckpointedBatchSubscription } from '@invitations/runtime';
import { ExpirySweep } from '../expiry/expiry-sweep';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';
import { notificationSubscription } from '../notifications/notification-subscription';
import { ReminderSweep } from '../reminders/reminder-sweep';

export interface BackgroundWorkOptions {
  notifier: Notifier;
  clock: Clock;
  publicBaseUrl: string;
  /** The secret invitation tokens are derived with (resolveInvitationTokenSecret). */
  tokenSecret: Uint8Array;
  logger: Logger;
  /** How often to sweep expired invitations and reminders due; null for no sweep timer. */
  expirySweepMs: number | null;
  /** Guards every write of the three (a projector's lease); none by default. */
  fence?: Fence;
  /** Tuning of the projection runner (batch size, flush delays, retry backoff). */
  runner?: Omit<ProjectionRunnerOptions, 'logger' | 'fence'>;
}

export interface BackgroundWorkHealth {
  projections: ProjectionRunnerHealth;
  notifications: { caughtUp: boolean; position: string };
}

/**
 * The work that keeps the service's derived state up to date from the log, as plain objects (no Nest): the
 * projections that build the read models, the process manager that sends the messages, the expiry sweep and the
 * reminder sweep.
 * The gateway runs it in-process on the embedded stores; the projector runs it alone, under a lease, for
 * EventStoreDB + MongoDB deployments.
 */
export class BackgroundWork {
  readonly projections: ProjectionRunner;
  readonly notifications: CheckpointedBatchSubscription;
  readonly expiry: ExpirySweep;
  readonly reminders: ReminderSweep;
  private started = false;

  constructor(
    store: EventStore,
    readModels: ReadModelStores,
    private readonly options: BackgroundWorkOptions,
  ) {
    const fence = options.fence ?? ALWAYS_HELD;
    const { logger } = options;
    this.projections = new ProjectionRunner(store, readModels, { ...options.runner, logger, fence });
    this.notifications = notificationSubscription(store, readModels.checkpoints, { ...options, fence });
    this.expiry = new ExpirySweep(store, readModels.readModels.invitees, options.clock, { logger, fence });
    this.reminders = new ReminderSweep(store, readModels.readModels.invitees, options.clock, {
      logger,
      fence,
    });
  }

  /** Starts the projections, then the process manager, then the sweep timer. Resolves once subscribed. */
  async start(): Promise<void> {
    this.started = true;
    await this.projections.start();
    await this.notifications.start();
    if (this.options.expirySweepMs !== null) {
      this.expiry.start(this.options.expirySweepMs);
      this.reminders.start(this.options.expirySweepMs);
    }
  }

  /** Stops in the reverse order, each part finishing what it was doing. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.reminders.stop();
    await this.expiry.stop();
    await this.notifications.stop();
    await this.projections.stop();
  }

  /** The read models include everything the log held when the projections caught up. */
  get caughtUp(): boolean {
    return this.projections.caughtUp;
  }

  health(): BackgroundWorkHealth {
    return {
      projections: this.projections.health(),
      notifications: {
        caughtUp: this.notifications.caughtUp,
        position: this.notifications.lastPosition.toString(),
      },
    };
  }
}
