import { ServiceError } from '@invitations/kernel';
import { UNUSABLE_TOKEN_MESSAGE } from './invitee.messages';
import { isBefore } from '../shared/instants';
import type { AcceptInvitation } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import type { InviteeState, StagedInviteeState } from './invitee.state';

/** What a token can still do: accept an invitation, or nothing more (it was the one accepted). */
export type Acceptability = 'acceptable' | 'accepted-already';

/**
 * Whether the token (its SHA-256) may accept now: the token of the current invitation, before it expires; or the
 * token that was accepted, which accepts again harmlessly. Every other case gets one and the same refusal, whatever
 * the reason (unknown, superseded, revoked, expired, removed): the message must not tell a token holder anything.
 * Asked before accepting (nothing is written for an unusable token) and by the accept page.
 */
export function acceptabilityOf(state: InviteeState, tokenHash: string, now: string): Acceptability {
  if (state.status === 'absent' || state.status === 'REMOVED') throw unusableToken();
  const invitation = state.invitation;
  const tokenMatches =
    invitation !== null && invitation.tokenHash !== null && invitation.tokenHash === tokenHash;
  if (state.status === 'ACCEPTED' && tokenMatches) return 'accepted-already';
  if (state.status === 'INVITED' && tokenMatches && isBefore(now, invitation.expiresAt)) return 'acceptable';
  throw unusableToken();
}

/** The person accepts with the token of the current invitation (see acceptabilityOf); again, nothing happens. */
export function acceptInvitation(command: AcceptInvitation, state: InviteeState): InviteeEvent[] {
  if (acceptabilityOf(state, command.tokenHash, command.now) === 'accepted-already') return [];
  const invitee = state as StagedInviteeState;
  return [
    {
      type: 'InvitationAccepted',
      data: {
        inviteeId: invitee.inviteeId,
        batchId: invitee.batchId,
        poolId: invitee.poolId,
        passportId: command.passportId,
        invitationId: invitee.invitation!.invitationId,
        acceptedAt: command.now,
        autoAccepted: false,
      },
    },
  ];
}

export function unusableToken(): ServiceError {
  return new ServiceError('BAD_USER_INPUT', UNUSABLE_TOKEN_MESSAGE);
}
