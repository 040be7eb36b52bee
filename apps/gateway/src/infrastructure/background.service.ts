import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Notifier } from '@invitations/notifications';
import { allProjections } from '@invitations/read-models';
import type { ProjectionRunner, ReadModelStores } from '@invitations/runtime';
import type { Clock } from '@invitations/kernel';
import type { ServiceConfig } from '@invitations/runtime';
import { BackgroundWork } from '@invitations/application';
import { CheckpointWatcher } from '@invitations/runtime';
import { APPLICATION_PORTS, type ApplicationPorts } from './application-ports';
import { CLOCK, INVITATION_TOKEN_SECRET, NOTIFIER, READ_MODELS, SERVICE_CONFIG } from './tokens';

/**
 * What runs beside the API in this process, driven by the log's subscription (never by the in-memory EventBus):
 * the projections that build the read models, the process manager that sends invitations, the upload confirmation
 * jobs, and the expiry sweep (every EXPIRY_SWEEP_SECONDS). With RUN_PROJECTIONS=false (several gateways and one projector on
 * EventStoreDB + MongoDB) they run in the projector, and a mutation waits for the projector's checkpoints.
 */
@Injectable()
export class BackgroundService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Background');
  private readonly work: BackgroundWork;
  private readonly checkpoints: CheckpointWatcher;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    @Inject(NOTIFIER) notifier: Notifier,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(APPLICATION_PORTS) ports: ApplicationPorts,
    @Inject(INVITATION_TOKEN_SECRET) tokenSecret: Uint8Array,
  ) {
    // The background work runs on the use cases' store and keys.
    this.work = new BackgroundWork(ports.store, readModels, {
      notifier,
      clock,
      publicBaseUrl: config.publicBaseUrl,
      tokenSecret,
      logger: this.logger,
      expirySweepMs: config.expirySweepSeconds * 1000,
      invitationTtlDays: config.invitationTtlDays,
      reminderDaysBeforeExpiry: config.reminderDaysBeforeExpiry,
      uploadConfirmations: ports.confirmations,
      keys: ports.keys,
      retentionDaysAfterClose: config.retentionDaysAfterClose,
    });
    this.checkpoints = new CheckpointWatcher(readModels.checkpoints, { logger: this.logger });
  }

  get projections(): ProjectionRunner {
    return this.work.projections;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The projection runner makes the read models ready (indexes) as it starts; a gateway that only queries does.
    if (this.config.runProjections) await this.work.start();
    else await this.readModels.storage.prepare(allProjections.map((projection) => projection.name));
  }

  async onApplicationShutdown(): Promise<void> {
    this.checkpoints.stop();
    await this.work.stop();
  }

  /** Waits (with a bound) until the read models include the given position; a mutation then answers with its own write. */
  async waitFor(position: bigint, requestId: string): Promise<void> {
    if (position < 0n) return;
    const timeoutMs = this.config.consistencyWaitMs;
    const reached = this.config.runProjections
      ? await this.projections.waitForPosition(position, timeoutMs)
      : await this.checkpoints.waitFor(position, timeoutMs);
    if (!reached) {
      const msg = `read models did not reach position ${position} within ${timeoutMs} ms`;
      this.logger.warn({ msg, reqId: requestId });
    }
  }
}
