import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { inviteeDecider } from '../../../../libs/invitations/src/invitee/invitee.decider';
import { inviteeStreamId } from '../../../../libs/invitations/src/reservation/stream-ids';
import type { InviteeDoc } from '../../../../libs/projections/src/read-model.docs';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { Clock } from '../../../../libs/shared/src/clock';
import type { ServiceConfig } from '../../../../libs/shared/src/config';
import { handleCommand } from '../../../../libs/shared/src/handle-command';
import { deriveId } from '../../../../libs/shared/src/ids';
import { CLOCK, EVENT_STORE, READ_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';

/**
 * Expires invitations whose time is up (ExpireInvitation), every EXPIRY_SWEEP_SECONDS. Accepting checks the expiry
 * itself, so a late sweep never lets an expired token through; the sweep moves people out of the Invited tab.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpirySweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runProjections) return;
    this.timer = setInterval(() => void this.sweep(), this.config.expirySweepSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Expires what is due now; answers how many invitations it expired. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.expireDue().finally(() => (this.running = null));
    return this.running;
  }

  private async expireDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.readStore
      .collection<InviteeDoc>('invitees')
      .find({ state: 'INVITED', expiresAt: { $lte: now.toISOString() } }, { projection: { _id: 1, organisationId: 1 } });
    let expired = 0;
    for (const { _id: inviteeId, organisationId } of due) {
      try {
        const { events } = await handleCommand(
          this.store,
          inviteeStreamId(inviteeId),
          inviteeDecider,
          () => ({ type: 'ExpireInvitation' as const, now: now.toISOString() }),
          { organisationId, actor: null, correlationId: deriveId('expiry', now.toISOString()), commandId: deriveId('expire', inviteeId, now.toISOString()), now },
        );
        expired += events.length > 0 ? 1 : 0;
      } catch (error) {
        this.logger.error(`could not expire invitee ${inviteeId}: ${(error as Error).message}`);
      }
    }
    return expired;
  }
}
