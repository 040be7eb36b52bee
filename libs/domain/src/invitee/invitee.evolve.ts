import { erasedPerson } from '../personal-data/erased';
import type { InviteeEvent, InvitationResent, InvitationSent } from './invitee.events';
import type { CurrentInvitation, InviteeState } from './invitee.state';

export const initialInviteeState = (): InviteeState => ({ status: 'absent' });

/**
 * The invitee's state after one more event. Never mutates: a state folded from a prefix of the stream stays as it
 * stood then (the basis of "as of" queries). Events before staging cannot occur in a well-formed stream and are
 * ignored rather than fabricating an invitee.
 */
export function evolveInvitee(state: InviteeState, event: InviteeEvent): InviteeState {
  if (event.type === 'InviteeStaged') {
    const { person, ...staged } = event.data;
    return {
      status: 'UPLOADED',
      ...staged,
      person: { ...person },
      discrepancies: [...staged.discrepancies],
      invitation: null,
      invitedAt: null,
      acceptedAt: null,
      autoAccepted: false,
      declinedAt: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'InviteeCorrected': {
      const { person, uploadStatus, discrepancies, passportId } = event.data;
      return { ...state, person: { ...person }, uploadStatus, discrepancies: [...discrepancies], passportId };
    }
    case 'InviteeReclassified': {
      const { uploadStatus, discrepancies, passportId } = event.data;
      return { ...state, uploadStatus, discrepancies: [...discrepancies], passportId };
    }
    case 'InviteeErased':
      return { ...state, person: erasedPerson(), erased: true, erasedAt: event.data.erasedAt };
    case 'InviteeRemoved':
    case 'MemberRemoved':
      return { ...state, status: 'REMOVED' };
    case 'InvitationSent':
    case 'InvitationResent':
      return {
        ...state,
        status: 'INVITED',
        invitation: newInvitation(event),
        // invitedAt is when the person was first invited: a resend does not move it.
        invitedAt: state.invitedAt ?? event.data.sentAt,
        declinedAt: null,
      };
    case 'InvitationTokenIssued': {
      const { invitation } = state;
      if (invitation?.invitationId !== event.data.invitationId) return state;
      return { ...state, invitation: { ...invitation, tokenHash: event.data.tokenHash } };
    }
    case 'InvitationExtended': {
      const { invitation } = state;
      if (invitation?.invitationId !== event.data.invitationId) return state;
      const { expiresAt, remindAt } = event.data;
      return { ...state, status: 'INVITED', invitation: { ...invitation, expiresAt, remindAt } };
    }
    case 'InviteeReminded': {
      const { invitation } = state;
      if (invitation?.invitationId !== event.data.invitationId) return state;
      return { ...state, invitation: { ...invitation, remindedAt: event.data.remindedAt } };
    }
    case 'InvitationRevoked':
      return { ...state, status: 'REVOKED' };
    case 'InvitationExpired':
      return { ...state, status: 'EXPIRED' };
    case 'InvitationDeclined':
      return { ...state, status: 'DECLINED', declinedAt: event.data.declinedAt };
    case 'InvitationAccepted': {
      const { acceptedAt, autoAccepted, passportId } = event.data;
      // An auto-accepted person was never sent an invitation: they count as invited when accepted.
      return {
        ...state,
        status: 'ACCEPTED',
        acceptedAt,
        autoAccepted,
        passportId,
        invitedAt: state.invitedAt ?? acceptedAt,
      };
    }
  }
}

/**
 * A new invitation, with its token's hash as it was sent; one sent before the hash was recorded with it has no token
 * until the notification process manager issues one (InvitationTokenIssued).
 */
function newInvitation(event: InvitationSent | InvitationResent): CurrentInvitation {
  const { invitationId, sentAt, expiresAt, message } = event.data;
  return {
    invitationId,
    sentAt,
    expiresAt,
    message,
    tokenHash: event.data.tokenHash ?? null,
    remindAt: event.data.remindAt ?? null,
    remindedAt: null,
  };
}
