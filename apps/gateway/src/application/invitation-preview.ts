import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { resourcePoolDecider } from '@invitations/domain';
import { inviteeStreamId, poolStreamId } from '@invitations/domain';
import { DomainError, UNUSABLE_TOKEN_MESSAGE } from '@invitations/domain';
import { readInvitationToken } from '@invitations/notifications';
import type { Clock } from '@invitations/kernel';
import { loadStream } from '@invitations/event-store';
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
