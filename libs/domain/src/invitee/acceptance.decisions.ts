import { ServiceError } from '@invitations/kernel';
import { DETAILS_DIFFER_FOR_INVITEE_MESSAGE, UNUSABLE_TOKEN_MESSAGE } from './invitee.messages';
import { isBefore } from '../shared/instants';
import type { AcceptInvitation, DeclineInvitation } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import type { InviteeState, StagedInviteeState } from './invitee.state';

/**
 * What a token can still do: answer the invitation (accept or decline), or nothing more (it was the one accepted,
 * or the one declined: the same answer again is harmless).
 */
export type Acceptability = 'acceptable' | 'accepted-already' | 'declined-already';

/**
 * Whether the token (its SHA-256) may answer now: the token of the current invitation, before it expires; or the
 * token that was accepted or declined, which gives the same answer again harmlessly. Every other case gets one and
 * the same refusal, whatever the reason (unknown, superseded, revoked, expired, removed): the message must not tell
 * a token holder anything. Asked before accepting or declining (nothing is written for an unusable token) and by
 * the accept page.
 */
export function acceptabilityOf(state: InviteeState, tokenHash: string, now: string): Acceptability {
  if (state.status === 'absent' || state.status === 'REMOVED') throw unusableToken();
  const invitation = state.invitation;
  const tokenMatches =
    invitation !== null && invitation.tokenHash !== null && invitation.tokenHash === tokenHash;
  if (state.status === 'ACCEPTED' && tokenMatches) return 'accepted-already';
  if (state.status === 'DECLINED' && tokenMatches) return 'declined-already';
  if (state.status === 'INVITED' && tokenMatches && isBefore(now, invitation.expiresAt)) return 'acceptable';
  throw unusableToken();
}

/**
 * The person accepts with the token of the current invitation (see acceptabilityOf); again, nothing happens. A
 * person whose details differ from the passport they would join (INVALID) cannot: they are told so, in words that
 * name nothing on record.
 */
export function acceptInvitation(command: AcceptInvitation, state: InviteeState): InviteeEvent[] {
  const acceptability = acceptabilityOf(state, command.tokenHash, command.now);
  if (acceptability === 'accepted-already') return [];
  if (acceptability === 'declined-already') throw unusableToken();
  const invitee = state as StagedInviteeState;
  if (invitee.uploadStatus === 'INVALID') throw detailsDifferForInvitee();
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

/** The person declines with the token of the current invitation; declining twice is harmless. */
export function declineInvitation(command: DeclineInvitation, state: InviteeState): InviteeEvent[] {
  const acceptability = acceptabilityOf(state, command.tokenHash, command.now);
  if (acceptability === 'declined-already') return [];
  if (acceptability === 'accepted-already') throw unusableToken();
  const invitee = state as StagedInviteeState;
  return [
    {
      type: 'InvitationDeclined',
      data: {
        inviteeId: invitee.inviteeId,
        invitationId: invitee.invitation!.invitationId,
        declinedAt: command.now,
      },
    },
  ];
}

export function unusableToken(): ServiceError {
  return new ServiceError('BAD_USER_INPUT', UNUSABLE_TOKEN_MESSAGE);
}

/** For the person: their details differ from the passport of their email. */
export function detailsDifferForInvitee(): ServiceError {
  return new ServiceError('BAD_USER_INPUT', DETAILS_DIFFER_FOR_INVITEE_MESSAGE);
}
