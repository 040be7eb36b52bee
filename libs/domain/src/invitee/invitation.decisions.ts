import { type FieldError, ServiceError } from '@invitations/kernel';
import { PROFILE_FIELD_INPUT } from '../person/profile-fields';
import { isAtOrAfter } from '../shared/instants';
import { requireInvitationMessage } from './invitation-message';
import type {
  ExpireInvitation,
  IssueInvitationToken,
  ResendInvitation,
  RevokeInvitation,
  SendInvitation,
} from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { latestInvitation, requireInvitee } from './invitee.guards';
import { INVITEE_MESSAGES } from './invitee.messages';
import type { InviteeState, StagedInviteeState } from './invitee.state';

/**
 * Invites a staged person. One already a member of another pool of the organisation is not asked again:
 * they are accepted at once, with no invitation and so no token.
 */
export function sendInvitation(command: SendInvitation, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status === 'INVITED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyInvited);
  if (invitee.status === 'ACCEPTED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyAccepted);
  if (invitee.status === 'DECLINED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.declined);
  if (invitee.status !== 'UPLOADED') throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.resendInstead);
  requireDetailsMatchPassport(invitee);
  const { inviteeId, batchId, poolId } = invitee;
  const { now, memberElsewhereWithPassportId } = command;
  const message = requireInvitationMessage(command.message);
  if (memberElsewhereWithPassportId !== null) {
    return [
      {
        type: 'InvitationAccepted',
        data: {
          inviteeId,
          batchId,
          poolId,
          passportId: memberElsewhereWithPassportId,
          invitationId: null,
          acceptedAt: now,
          autoAccepted: true,
        },
      },
    ];
  }
  return [{ type: 'InvitationSent', data: invitationData(invitee, command, message) }];
}

/** What a new invitation records, sent or resent: whose, its id and token's hash, its message and its times. */
function invitationData(
  { inviteeId, batchId, poolId }: StagedInviteeState,
  { invitationId, tokenHash, now, expiresAt, remindAt }: SendInvitation | ResendInvitation,
  message: string | null,
) {
  return { inviteeId, invitationId, tokenHash, batchId, poolId, message, sentAt: now, expiresAt, remindAt };
}

/**
 * A new invitation in place of the latest one, whose token stops working at once. Allowed after a revocation
 * too: revoking by mistake happens, and the admin's remedy is to send again.
 */
export function resendInvitation(command: ResendInvitation, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status === 'UPLOADED') throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.notInvitedYet);
  if (invitee.status === 'ACCEPTED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyAccepted);
  if (invitee.status === 'DECLINED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.declined);
  requireDetailsMatchPassport(invitee);
  const message = requireInvitationMessage(command.message);
  const previousInvitationId = latestInvitation(invitee).invitationId;
  return [
    {
      type: 'InvitationResent',
      data: { ...invitationData(invitee, command, message), previousInvitationId },
    },
  ];
}

/**
 * Records the hash of the token the notification process manager is about to send, when the invitation does not
 * hold it already (sent before hashes were recorded with it, or under another secret). Nothing when the invitation
 * is no longer the current, pending one (superseded, revoked, accepted meanwhile): the manager then sends nothing.
 * Issuing again replaces the hash, so only the latest token of an invitation works.
 */
export function issueInvitationToken(command: IssueInvitationToken, state: InviteeState): InviteeEvent[] {
  if (state.status !== 'INVITED') return [];
  const invitation = latestInvitation(state);
  const superseded = invitation.invitationId !== command.invitationId;
  // The same hash again (an invitation sent with it, or a redelivered notification): recording it would change nothing.
  if (superseded || invitation.tokenHash === command.tokenHash) return [];
  const { invitationId, tokenHash, now } = command;
  return [
    {
      type: 'InvitationTokenIssued',
      data: { inviteeId: state.inviteeId, invitationId, tokenHash, issuedAt: now },
    },
  ];
}

/** Withdraws a pending (or lapsed) invitation; its token stops working. */
export function revokeInvitation(command: RevokeInvitation, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status === 'UPLOADED') throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.notInvitedYet);
  if (invitee.status === 'REVOKED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyRevoked);
  if (invitee.status === 'ACCEPTED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyAccepted);
  if (invitee.status === 'DECLINED') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.declined);
  const { invitationId } = latestInvitation(invitee);
  return [
    {
      type: 'InvitationRevoked',
      data: { inviteeId: invitee.inviteeId, invitationId, revokedAt: command.now },
    },
  ];
}

/** Marks a pending invitation expired once its time is up. Nothing otherwise, so a scheduler may call it freely. */
export function expireInvitation(command: ExpireInvitation, state: InviteeState): InviteeEvent[] {
  if (state.status !== 'INVITED') return [];
  const { invitationId, expiresAt } = latestInvitation(state);
  if (!isAtOrAfter(command.now, expiresAt)) return [];
  return [
    { type: 'InvitationExpired', data: { inviteeId: state.inviteeId, invitationId, expiredAt: expiresAt } },
  ];
}

/** Names the fields to correct, never the values on record. */
/** Nobody is invited with details that differ from their Skills Passport: the admin corrects them first. */
function requireDetailsMatchPassport(invitee: StagedInviteeState): void {
  if (invitee.uploadStatus !== 'INVALID') return;
  throw new ServiceError(
    'BAD_USER_INPUT',
    INVITEE_MESSAGES.detailsDifferFromPassport,
    discrepancyErrors(invitee),
  );
}

export function discrepancyErrors(invitee: StagedInviteeState): FieldError[] {
  return invitee.discrepancies.map((field) => ({
    field: PROFILE_FIELD_INPUT[field],
    message: 'differs from the Skills Passport on record',
  }));
}
