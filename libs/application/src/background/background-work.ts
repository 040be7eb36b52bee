import type { Logger, Clock } from '@invitations/kernel';
import type { EventStore, KeyStore } from '@invitations/event-store';
import { RetentionSweep, UploadShredding } from '../privacy/privacy-sweeps';
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
import { RunningJobs, type RunningJobsHealth } from '@invitations/runtime';
import { notificationSubscription } from '../notifications/notification-subscription';
import { readSideOf } from '../read-side';
import { UploadConfirmations } from '../uploads/upload-confirmations';
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
  /** The service's default invitation terms, for the invitations a confirmation job sends (as sendInvitations). */
  invitationTtlDays: number;
  reminderDaysBeforeExpiry: number | null;
  /**
   * Where upload confirmation jobs run in this process: given when the process also runs jobs inside requests
   * (a gateway confirming small files), so that a job never runs twice at once here; made here otherwise.
   */
  uploadConfirmations?: UploadConfirmations;
  /**
   * The keys personal data is encrypted under: given, the sweeps shred upload previews' rows nothing needs any more
   * and (with `retentionDaysAfterClose`) erase people who never accepted.
   */
  keys?: KeyStore;
  /** RETENTION_DAYS_AFTER_CLOSE; null or absent: no retention sweep. */
  retentionDaysAfterClose?: number | null;
}

export interface BackgroundWorkHealth {
  projections: ProjectionRunnerHealth;
  notifications: { caughtUp: boolean; position: string };
  uploadConfirmations: RunningJobsHealth;
}

/**
 * The work that keeps the service's derived state up to date from the log, as plain objects (no Nest): the
 * projections that build the read models, the process manager that sends the messages, the upload confirmation
 * jobs (started by confirmUpload; run while the uploads read model shows them running, from their last
 * checkpoint), the expiry sweep and the reminder sweep.
 * The gateway runs it in-process on the embedded stores; the projector runs it alone, under a lease, for
 * EventStoreDB + MongoDB deployments.
 */
export class BackgroundWork {
  readonly projections: ProjectionRunner;
  readonly notifications: CheckpointedBatchSubscription;
  readonly expiry: ExpirySweep;
  readonly uploadConfirmations: RunningJobs;
  readonly reminders: ReminderSweep;
  readonly uploadShredding: UploadShredding | null;
  readonly retention: RetentionSweep | null;
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
    const { keys, retentionDaysAfterClose } = options;
    this.uploadShredding = keys
      ? new UploadShredding({ store, keys }, readModels.readModels.uploads, options.clock, { logger, fence })
      : null;
    this.retention =
      keys && retentionDaysAfterClose != null
        ? new RetentionSweep(
            { store, keys },
            readModels.readModels.invitees,
            retentionDaysAfterClose,
            options.clock,
            {
              logger,
              fence,
            },
          )
        : null;
    const confirmations =
      options.uploadConfirmations ??
      new UploadConfirmations(
        {
          store,
          ...readSideOf(readModels.readModels),
          settings: {
            invitationTtlDays: options.invitationTtlDays,
            reminderDaysBeforeExpiry: options.reminderDaysBeforeExpiry,
            invitationTokenSecret: options.tokenSecret,
          },
        },
        { clock: options.clock, logger },
      );
    // The jobs the uploads read model shows running, once it has caught up with the log (at start it is rebuilt).
    this.uploadConfirmations = new RunningJobs({
      name: 'Upload confirmations',
      find: () => readModels.readModels.uploads.runningConfirmations(),
      run: (uploadId, control) => confirmations.run(uploadId, control),
      ready: () => this.projections.caughtUp,
      fence,
      logger,
    });
  }

  /** Starts the projections, the process manager, the confirmation jobs, then the sweep timer. Resolves once subscribed. */
  async start(): Promise<void> {
    this.started = true;
    await this.projections.start();
    await this.notifications.start();
    this.uploadConfirmations.start();
    if (this.options.expirySweepMs !== null) {
      this.expiry.start(this.options.expirySweepMs);
      this.reminders.start(this.options.expirySweepMs);
      this.uploadShredding?.start(this.options.expirySweepMs);
      this.retention?.start(this.options.expirySweepMs);
    }
  }

  /** Stops in the reverse order, each part finishing what it was doing. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.retention?.stop();
    await this.uploadShredding?.stop();
    await this.reminders.stop();
    await this.expiry.stop();
    await this.uploadConfirmations.stop();
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
      uploadConfirmations: this.uploadConfirmations.health(),
    };
  }
}
