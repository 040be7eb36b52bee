import type { PersonDetails } from '../person/person-details';
import { copyPersonDetails } from '../person/person-details-fields';
import type { InviteeState } from './invitee.state';

/** An invitee as it stood: the API's `Invitee` fields, and its state outside the tabs too (REMOVED). */
export interface InviteeView extends PersonDetails {
  id: string;
  batchId: string;
  uploadStatus: string;
  discrepancies: string[];
  state: string;
  invitedAt: string | null;
  expiresAt: string | null;
  acceptedAt: string | null;
  autoAccepted: boolean;
  declinedAt: string | null;
  remindedAt: string | null;
  /** Their personal data was erased: its fields read `[erased]`. */
  erased: boolean;
}

/** Null before the invitee was staged. */
export function inviteeView(state: InviteeState): InviteeView | null {
  if (state.status === 'absent') return null;
  return {
    id: state.inviteeId,
    batchId: state.batchId,
    ...copyPersonDetails(state.person),
    uploadStatus: state.uploadStatus,
    discrepancies: state.discrepancies,
    state: state.status,
    invitedAt: state.invitedAt,
    expiresAt: state.invitation?.expiresAt ?? null,
    acceptedAt: state.acceptedAt,
    autoAccepted: state.autoAccepted,
    declinedAt: state.declinedAt ?? null,
    remindedAt: state.invitation?.remindedAt ?? null,
    erased: state.erased ?? false,
  };
}
