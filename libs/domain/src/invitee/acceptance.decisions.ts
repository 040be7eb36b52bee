import { DomainError, UNUSABLE_TOKEN_MESSAGE } from '../shared/domain-error';
import { isBefore } from '../shared/instants';
import type { AcceptInvitation } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import type { InviteeState } from './invitee.state';

/**
 * The person accepts with the token of the current invitation, before it expires. Accepting again with the
 * token that was accepted changes nothing. Every other case gets one and the same refusal, whatever the reason
 * (unknown, superseded, revoked, expired, removed): the message must not tell a token holder anything.
 */
export function acceptInvitation(command: AcceptInvitation, state: InviteeState): InviteeEvent[] {
  if (state.status === 'absent' || state.status === 'REMOVED') throw unusableToken();
  const invitation = state.invitation;
  const tokenMatches =
    invitation !== null && invitation.tokenHash !== null && invitation.tokenHash === command.tokenHash;
  if (state.status === 'ACCEPTED' && tokenMatches) return [];
  const usable = state.status === 'INVITED' && tokenMatches && isBefore(command.now, invitation.expiresAt);
  if (!usable) throw unusableToken();
  return [
    {
      type: 'InvitationAccepted',
      data: {
        inviteeId: state.inviteeId,
        batchId: state.batchId,
        poolId: state.poolId,
        passportId: command.passportId,
        invitationId: invitation.invitationId,
        acceptedAt: command.now,
        autoAccepted: false,
      },
    },
  ];
}

function unusableToken(): DomainError {
  return new DomainError('BAD_USER_INPUT', UNUSABLE_TOKEN_MESSAGE);
}
