import type { InviteeState } from './invitee.state';

/** An invitee as it stood: the API's `Invitee` fields, and its state outside the tabs too (REMOVED). */
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
  declinedAt: string | null;
  remindedAt: string | null;
}

/** Null before the invitee was staged. */
export function inviteeView(state: InviteeState): InviteeView | null {
  if (state.status === 'absent') return null;
  return {
    id: state.inviteeId,
    batchId: state.batchId,
    email: state.person.email,
    dateOfBirth: state.person.dateOfBirth,
    firstName: state.person.firstName,
    middleNames: state.person.middleNames,
    lastName: state.person.lastName,
    preferredName: state.person.preferredName,
    mobile: state.person.mobile,
    jobRole: state.person.jobRole,
    uploadStatus: state.uploadStatus,
    discrepancies: state.discrepancies,
    state: state.status,
    invitedAt: state.invitedAt,
    expiresAt: state.invitation?.expiresAt ?? null,
    acceptedAt: state.acceptedAt,
    autoAccepted: state.autoAccepted,
    declinedAt: state.declinedAt ?? null,
    remindedAt: state.invitation?.remindedAt ?? null,
  };
}
