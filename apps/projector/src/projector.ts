import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import type { Notifier } from '../../../libs/notifications/src/notifier.port';
import type { LeaseStore } from '../../../libs/read-store/src/mongo/mongo-lease';
import type { ReadStore } from '../../../libs/read-store/src/read-store.port';
import { BackgroundWork } from '../../../libs/shared/src/background/background-work';
import { systemClock, type Clock } from '../../../libs/shared/src/clock';
import type { ServiceConfig } from '../../../libs/shared/src/config';
import type { HealthReport } from './health-server';
import { LeasedWorker, type WorkerLogger, type WorkerRole } from './leased-worker';
import { checkReadiness } from './readiness';

export interface ProjectorStores {
  store: EventStore;
  readStore: ReadStore;
  leases: LeaseStore;
  notifier: Notifier;
}

export interface ProjectorOptions {
  config: Pick<ServiceConfig, 'publicBaseUrl' | 'expirySweepSeconds'>;
  holder: string;
  logger: WorkerLogger;
  clock?: Clock;
}

/**
 * The projector: the gateway's background work (projections, invitation notifications, expiry sweep) run on
 * its own, only while holding the lease, so that of several projectors exactly one works and the others stand by.
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
        new BackgroundWork(stores.store, stores.readStore, {
          notifier: stores.notifier,
          clock: options.clock ?? systemClock,
          publicBaseUrl: config.publicBaseUrl,
          logger,
          expirySweepMs: config.expirySweepSeconds * 1000,
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
      pingReadStore: () => this.stores.readStore.ping(),
      role: () => this.worker.role,
      caughtUp: () => this.worker.work?.caughtUp ?? false,
      details: () => ({ ...this.worker.work?.health() }),
    });
  }

  /** Stops the work, releases the lease, then closes the stores. */
  async stop(): Promise<void> {
    await this.worker.stop();
    await this.stores.notifier.close();
    await this.stores.readStore.close();
    await this.stores.store.close();
  }
}
