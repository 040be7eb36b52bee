import type { InviteeState } from '../../../../libs/invitations/src/invitee/invitee.state';
import type { InviteeDoc } from '../../../../libs/projections/src/read-model.docs';

/** The GraphQL `Invitee`, from the read model or from state rebuilt from the log. */
export interface InviteeView {
  id: string;
  batchId: string;
  email: string;
  dateOfBirth: string;
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  preferredName: string | null;
  mobile: string | null;
  jobRole: string | null;
  uploadStatus: string;
  discrepancies: string[];
  state: string;
  invitedAt: string | null;
  expiresAt: string | null;
  acceptedAt: string | null;
  autoAccepted: boolean;
}

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
  if (state.status === 'absent' || state.status === 'REMOVED') return null;
  return {
    id: state.inviteeId,
    batchId: state.batchId,
    ...state.person,
    uploadStatus: state.uploadStatus,
    discrepancies: state.discrepancies,
    state: state.status,
    invitedAt: state.invitedAt,
    expiresAt: state.invitation?.expiresAt ?? null,
    acceptedAt: state.acceptedAt,
    autoAccepted: state.autoAccepted,
  };
}
