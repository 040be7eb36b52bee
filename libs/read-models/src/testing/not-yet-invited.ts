import type { InviteeDoc } from '../invitees/invitee.document';

/**
 * Where a person stands once staged: in the Uploaded tab, with no invitation yet (nothing sent, nothing answered).
 * For documents written straight into a read model; the projection writes these fields out itself (see `staged`).
 */
export const NOT_YET_INVITED = {
  state: 'UPLOADED',
  invitedAt: null,
  expiresAt: null,
  acceptedAt: null,
  autoAccepted: false,
  declinedAt: null,
  remindAt: null,
  remindedAt: null,
  closedAt: null,
  invitationId: null,
} as const satisfies Partial<InviteeDoc>;
