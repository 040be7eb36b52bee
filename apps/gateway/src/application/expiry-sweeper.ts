import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { Clock } from '../../../../libs/shared/src/clock';
import type { ServiceConfig } from '../../../../libs/shared/src/config';
import { ExpirySweep } from '../../../../libs/shared/src/background/expiry-sweep';
import { CLOCK, EVENT_STORE, READ_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';

/**
 * The expiry sweep (see ExpirySweep) in the gateway's lifecycle: every EXPIRY_SWEEP_SECONDS, when this process
 * runs the background work (with RUN_PROJECTIONS=false the projector sweeps).
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly expiry: ExpirySweep;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.expiry = new ExpirySweep(store, readStore, clock, { logger: new Logger('ExpirySweeper') });
  }

  onApplicationBootstrap(): void {
    if (this.config.runProjections) this.expiry.start(this.config.expirySweepSeconds * 1000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.expiry.stop();
  }

  /** Expires what is due now; answers how many invitations it expired. One sweep at a time. */
  sweep(): Promise<number> {
    return this.expiry.sweep();
  }
}
