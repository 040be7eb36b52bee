import { inviteeView, type InviteeView } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import type { InviteeDoc } from '@invitations/read-models';

export type { InviteeView };

/** The GraphQL `Invitee` from the read model. */
export function inviteeFromDoc(doc: InviteeDoc): InviteeView {
  return {
    id: doc._id,
    batchId: doc.batchId,
    email: doc.email,
    dateOfBirth: doc.dateOfBirth,
    firstName: doc.firstName,
    middleNames: doc.middleNames,
    lastName: doc.lastName,
    preferredName: doc.preferredName,
    mobile: doc.mobile,
    jobRole: doc.jobRole,
    uploadStatus: doc.uploadStatus,
    discrepancies: doc.discrepancies,
    state: doc.state,
    invitedAt: doc.invitedAt,
    expiresAt: doc.expiresAt,
    acceptedAt: doc.acceptedAt,
    autoAccepted: doc.autoAccepted,
  };
}

/** Null for a removed invitee: it no longer shows anywhere. */
export function inviteeFromState(state: InviteeState): InviteeView | null {
  return state.status === 'REMOVED' ? null : inviteeView(state);
}
