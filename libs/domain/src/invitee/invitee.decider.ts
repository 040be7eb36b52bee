import { decideByType, type Decider } from '@invitations/kernel';
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

/** Each command of an invitee's to the decision it asks for. */
const decideByCommand = decideByType<InviteeCommand, InviteeEvent, InviteeState>({
  EraseInvitee: eraseInvitee,
  StageInvitee: stageInvitee,
  CorrectInvitee: correctInvitee,
  RemoveInvitee: removeInvitee,
  SendInvitation: sendInvitation,
  ResendInvitation: resendInvitation,
  IssueInvitationToken: issueInvitationToken,
  RevokeInvitation: revokeInvitation,
  ExpireInvitation: expireInvitation,
  AcceptInvitation: acceptInvitation,
  DeclineInvitation: declineInvitation,
  ExtendInvitation: extendInvitation,
  RemindInvitee: remindInvitee,
  ReclassifyInvitee: reclassifyInvitee,
  RemoveMember: removeMember,
});

export function decideInvitee(command: InviteeCommand, state: InviteeState): InviteeEvent[] {
  refuseIfErased(command, state);
  return decideByCommand(command, state);
}

/** Stream `invitee-<inviteeId>`: one person in one batch, through its lifecycle. */
export const inviteeDecider: Decider<InviteeCommand, InviteeEvent, InviteeState> = {
  decide: decideInvitee,
  evolve: evolveInvitee,
  initialState: initialInviteeState,
};
