import { ServiceError } from '@invitations/kernel';
import { INVITEE_MESSAGES } from './invitee.messages';
import type { CurrentInvitation, InviteeState, StagedInviteeState } from './invitee.state';

/** The invitee, refused with NOT_FOUND when it was never staged or has been removed. */
export function requireInvitee(state: InviteeState): StagedInviteeState {
  if (state.status === 'absent' || state.status === 'REMOVED') {
    throw new ServiceError('NOT_FOUND', INVITEE_MESSAGES.notFound);
  }
  return state;
}

/** The latest invitation of an invitee that has been invited (INVITED, EXPIRED, REVOKED, ACCEPTED by link). */
export function latestInvitation(invitee: StagedInviteeState): CurrentInvitation {
  // evolve sets the invitation on every event that enters those statuses: a missing one is a bug, not user input.
  if (invitee.invitation === null) throw new Error(`Invitee in status ${invitee.status} has no invitation`);
  return invitee.invitation;
}
