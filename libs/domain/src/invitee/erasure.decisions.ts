import { ServiceError } from '@invitations/kernel';
import type { EraseInvitee, InviteeCommand } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { INVITEE_MESSAGES } from './invitee.messages';
import type { InviteeState } from './invitee.state';

/**
 * Erases a person in any state, removed ones included (their details are in the log all the same). A pending
 * invitation is revoked with it: its link stops working, and no reminder or expiry acts on the person again.
 * Erasing twice changes nothing; erasing one whose key is already destroyed (an erasure cut short) records it.
 */
export function eraseInvitee(command: EraseInvitee, state: InviteeState): InviteeEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', INVITEE_MESSAGES.notFound);
  if (state.erasedAt !== undefined) return [];
  const { inviteeId, batchId, poolId, invitation } = state;
  const events: InviteeEvent[] = [];
  if (state.status === 'INVITED' && invitation) {
    events.push({
      type: 'InvitationRevoked',
      data: { inviteeId, invitationId: invitation.invitationId, revokedAt: command.now },
    });
  }
  events.push({
    type: 'InviteeErased',
    data: { inviteeId, batchId, poolId, erasedAt: command.now, reason: command.reason },
  });
  return events;
}

/** What an erased person still allows: erasing again, and leaving the batch or the pool. */
const ALLOWED_ONCE_ERASED: ReadonlySet<InviteeCommand['type']> = new Set([
  'EraseInvitee',
  'RemoveInvitee',
  'RemoveMember',
]);

/** Refuses every other command on an erased person: there is nobody left to invite, correct or remind. */
export function refuseIfErased(command: InviteeCommand, state: InviteeState): void {
  if (state.status !== 'absent' && state.erased && !ALLOWED_ONCE_ERASED.has(command.type)) {
    throw new ServiceError('CONFLICT', INVITEE_MESSAGES.erased);
  }
}
