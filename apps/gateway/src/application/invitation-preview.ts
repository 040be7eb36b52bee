import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { inviteeDecider } from '../../../../libs/invitations/src/invitee/invitee.decider';
import { resourcePoolDecider } from '../../../../libs/invitations/src/resource-pool/resource-pool.decider';
import { inviteeStreamId, poolStreamId } from '../../../../libs/invitations/src/reservation/stream-ids';
import { DomainError, UNUSABLE_TOKEN_MESSAGE } from '../../../../libs/invitations/src/shared/domain-error';
import { readInvitationToken } from '../../../../libs/notifications/src/invitation-token';
import type { Clock } from '../../../../libs/shared/src/clock';
import { loadStream } from '../../../../libs/shared/src/handle-command';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';

export interface InvitationPreview {
  organisationName: string | null;
  poolName: string;
  firstName: string | null;
  expiresAt: string;
  state: 'INVITED' | 'ACCEPTED';
}

/**
 * What the holder of a token sees before accepting: the pool, their first name, the expiry. Only a token that
 * can still be accepted (or was the one accepted) shows anything; every other token gets the same generic error,
 * which says nothing about the person.
 */
@Injectable()
export class InvitationPreviews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(token: string): Promise<InvitationPreview> {
    const presented = readInvitationToken(token);
    if (!presented) throw unusableToken();
    const { state } = await loadStream(this.store, inviteeStreamId(presented.inviteeId), inviteeDecider);
    if (state.status === 'absent' || state.status === 'REMOVED' || !state.invitation) throw unusableToken();
    const acceptable = inviteeDecider.decide(
      {
        type: 'AcceptInvitation',
        tokenHash: presented.tokenHash,
        now: this.clock.now().toISOString(),
        passportId: '',
      },
      state,
    );
    const { state: pool } = await loadStream(this.store, poolStreamId(state.poolId), resourcePoolDecider);
    return {
      organisationName: null,
      poolName: pool.status === 'absent' ? 'a resource pool' : pool.name,
      firstName: state.person.preferredName ?? state.person.firstName,
      expiresAt: state.invitation.expiresAt,
      state: acceptable.length === 0 ? 'ACCEPTED' : 'INVITED',
    };
  }
}

export const unusableToken = () => new DomainError('BAD_USER_INPUT', UNUSABLE_TOKEN_MESSAGE);
