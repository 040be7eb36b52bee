import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { Notifier } from '../../../../libs/notifications/src/notifier.port';
import { InvitationNotifications } from '../../../../libs/notifications/src/invitation-notifications';
import { ProjectionRunner } from '../../../../libs/projections/src/projection-runner';
import { ensureReadModelIndexes } from '../../../../libs/projections/src/indexes';
import type { Clock } from '../../../../libs/shared/src/clock';
import type { ServiceConfig } from '../../../../libs/shared/src/config';
import { ReadStoreCheckpoints } from '../../../../libs/shared/src/checkpoint-store';
import { CheckpointedSubscription } from '../../../../libs/shared/src/checkpointed-subscription';
import { CLOCK, EVENT_STORE, NOTIFIER, READ_STORE, SERVICE_CONFIG } from './tokens';

/**
 * What runs beside the API in this process, driven by the log's subscription (never by the in-memory EventBus):
 * the projections that build the read models and the process manager that sends invitations. With
 * RUN_PROJECTIONS=false (several gateways and one projector on EventStoreDB + MongoDB) they run in the projector.
 */
@Injectable()
export class BackgroundService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Background');
  readonly projections: ProjectionRunner;
  private readonly notifications: CheckpointedSubscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(NOTIFIER) notifier: Notifier,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.projections = new ProjectionRunner(store, readStore, { logger: this.logger });
    const manager = new InvitationNotifications(store, notifier, { publicBaseUrl: config.publicBaseUrl, clock });
    this.notifications = new CheckpointedSubscription(
      'invitation-notifications',
      store,
      new ReadStoreCheckpoints(readStore),
      (event) => manager.handle(event),
      this.logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureReadModelIndexes(this.readStore);
    if (!this.config.runProjections) return;
    await this.projections.start();
    await this.notifications.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifications.stop();
    await this.projections.stop();
  }

  /** Waits (with a bound) until the read models include the given position; a mutation then answers with its own write. */
  async waitFor(position: bigint): Promise<void> {
    if (position < 0n) return;
    const reached = await this.projections.waitForPosition(position, this.config.consistencyWaitMs);
    if (!reached) this.logger.warn(`read models did not reach position ${position} within ${this.config.consistencyWaitMs} ms`);
  }
}
