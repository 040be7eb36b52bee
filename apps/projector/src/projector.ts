import type { EventStore, KeyStore } from '@invitations/event-store';
import type { Notifier } from '@invitations/notifications';
import { BackgroundWork } from '@invitations/application';
import { systemClock, type Clock, type Logger } from '@invitations/kernel';
import type { LeaseStore, ReadModelStores, ServiceConfig } from '@invitations/runtime';
import type { HealthReport } from './health-server';
import { LeasedWorker, type WorkerRole } from './leased-worker';
import { checkReadiness } from './readiness';

export interface ProjectorStores {
  store: EventStore;
  readModels: ReadModelStores;
  leases: LeaseStore;
  notifier: Notifier;
  /** The secret invitation tokens are derived with; the same for every projector (INVITATION_TOKEN_SECRET). */
  tokenSecret: Uint8Array;
  /** The keys personal data is encrypted under (upload shredding, retention). */
  keys?: KeyStore;
}

export interface ProjectorOptions {
  config: Pick<
    ServiceConfig,
    | 'publicBaseUrl'
    | 'expirySweepSeconds'
    | 'invitationTtlDays'
    | 'reminderDaysBeforeExpiry'
    | 'retentionDaysAfterClose'
  >;
  holder: string;
  logger: Logger;
  clock?: Clock;
}

/**
 * The projector: the gateway's background work (projections, invitation notifications, upload confirmation jobs,
 * expiry sweep) run on its own, only while holding the lease, so that of several projectors exactly one works and
 * the others stand by.
 */
export class Projector {
  private readonly worker: LeasedWorker<BackgroundWork>;

  constructor(
    private readonly stores: ProjectorStores,
    options: ProjectorOptions,
  ) {
    const { config, logger } = options;
    this.worker = new LeasedWorker({
      leases: stores.leases,
      holder: options.holder,
      logger,
      createWork: (fence) =>
        new BackgroundWork(stores.store, stores.readModels, {
          notifier: stores.notifier,
          clock: options.clock ?? systemClock,
          publicBaseUrl: config.publicBaseUrl,
          tokenSecret: stores.tokenSecret,
          logger,
          expirySweepMs: config.expirySweepSeconds * 1000,
          invitationTtlDays: config.invitationTtlDays,
          reminderDaysBeforeExpiry: config.reminderDaysBeforeExpiry,
          keys: stores.keys,
          retentionDaysAfterClose: config.retentionDaysAfterClose,
          fence,
        }),
    });
  }

  get role(): WorkerRole {
    return this.worker.role;
  }

  /** Runs until stopped. */
  run(): Promise<void> {
    return this.worker.run();
  }

  readiness(): Promise<HealthReport> {
    return checkReadiness({
      pingEventStore: () => this.stores.store.ping(),
      pingReadStore: () => this.stores.readModels.ping(),
      role: () => this.worker.role,
      caughtUp: () => this.worker.work?.caughtUp ?? false,
      details: () => ({ ...this.worker.work?.health() }),
    });
  }

  /** Stops the work, releases the lease, then closes the stores. */
  async stop(): Promise<void> {
    await this.worker.stop();
    await this.stores.notifier.close();
    await this.stores.readModels.close();
    await this.stores.store.close();
  }
}
