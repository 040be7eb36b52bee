import type { Decider } from '@invitations/kernel';
import { acceptInvitation, declineInvitation } from './acceptance.decisions';
import { eraseInvitee, refuseIfErased } from './erasure.decisions';
import { extendInvitation, reclassifyInvitee, remindInvitee, removeMember } from './lifecycle.decisions';
import {
  expireInvitation,
  issueInvitationToken,
  resendInvitation,
  revokeInvitation,
  sendInvitation,
} from './invitation.decisions';
import type { InviteeCommand } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { evolveInvitee, initialInviteeState } from './invitee.evolve';
import type { InviteeState } from './invitee.state';
import { correctInvitee, removeInvitee, stageInvitee } from './staging.decisions';

export function decideInvitee(command: InviteeCommand, state: InviteeState): InviteeEvent[] {
  refuseIfErased(command, state);
  switch (command.type) {
    case 'EraseInvitee':
      return eraseInvitee(command, state);
    case 'StageInvitee':
      return stageInvitee(command, state);
    case 'CorrectInvitee':
      return correctInvitee(command, state);
    case 'RemoveInvitee':
      return removeInvitee(command, state);
    case 'SendInvitation':
      return sendInvitation(command, state);
    case 'ResendInvitation':
      return resendInvitation(command, state);
    case 'IssueInvitationToken':
      return issueInvitationToken(command, state);
    case 'RevokeInvitation':
      return revokeInvitation(command, state);
    case 'ExpireInvitation':
      return expireInvitation(command, state);
    case 'AcceptInvitation':
      return acceptInvitation(command, state);
    case 'DeclineInvitation':
      return declineInvitation(command, state);
    case 'ExtendInvitation':
      return extendInvitation(command, state);
    case 'RemindInvitee':
      return remindInvitee(command, state);
    case 'ReclassifyInvitee':
      return reclassifyInvitee(command, state);
    case 'RemoveMember':
      return removeMember(command, state);
  }
}

/** Stream `invitee-<inviteeId>`: one person in one batch, through its lifecycle. */
export const inviteeDecider: Decider<InviteeCommand, InviteeEvent, InviteeState> = {
  decide: decideInvitee,
  evolve: evolveInvitee,
  initialState: initialInviteeState,
};
