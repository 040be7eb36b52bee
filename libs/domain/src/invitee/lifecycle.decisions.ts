import { ServiceError } from '@invitations/kernel';
import { daysAfter, reminderBefore, requireWholeDays } from '../organisation/invitation-terms';
import { isAtOrAfter, isBefore } from '../shared/instants';
import { requireInvitationMessage } from './invitation-message';
import type { ExtendInvitation, ReclassifyInvitee, RemindInvitee, RemoveMember } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { latestInvitation, requireInvitee } from './invitee.guards';
import { INVITEE_MESSAGES } from './invitee.messages';
import type { InviteeState, StagedInviteeState } from './invitee.state';

/**
 * Pushes the current invitation's expiry out by whole days, from its expiry (or from now, if it has lapsed): the
 * same link works until then. An EXPIRED invitation comes back to Invited. Its reminder is scheduled again before
 * the new expiry, unless the person was already reminded of this invitation (one reminder per invitation).
 */
export function extendInvitation(command: ExtendInvitation, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  requireWholeDays('days', command.days, 1);
  refuseUnlessPendingOrLapsed(invitee);
  const invitation = latestInvitation(invitee);
  const from = isBefore(invitation.expiresAt, command.now) ? command.now : invitation.expiresAt;
  const expiresAt = daysAfter(from, command.days);
  const remindAt =
    invitation.remindedAt === null
      ? reminderBefore(expiresAt, command.reminderDaysBeforeExpiry, command.now)
      : null;
  return [
    {
      type: 'InvitationExtended',
      data: {
        inviteeId: invitee.inviteeId,
        invitationId: invitation.invitationId,
        previousExpiresAt: invitation.expiresAt,
        expiresAt,
        remindAt,
        extendedAt: command.now,
        reinstated: invitee.status === 'EXPIRED',
      },
    },
  ];
}

/**
 * A reminder of the pending invitation, with the same link. By the schedule: only when due, and once per
 * invitation (a second one, after a restart or by another projector, decides nothing). By an admin: whenever the
 * invitation is pending; it counts as the invitation's reminder, so the schedule sends none after it.
 */
export function remindInvitee(command: RemindInvitee, state: InviteeState): InviteeEvent[] {
  if (command.automatic) {
    if (state.status !== 'INVITED') return [];
    const { remindAt, remindedAt, expiresAt } = latestInvitation(state);
    if (remindAt === null || remindedAt !== null) return [];
    if (!isAtOrAfter(command.now, remindAt) || isAtOrAfter(command.now, expiresAt)) return [];
  } else {
    const invitee = requireInvitee(state);
    if (invitee.status !== 'INVITED') refuseUnlessPendingOrLapsed(invitee);
    if (invitee.status === 'EXPIRED' || isAtOrAfter(command.now, latestInvitation(invitee).expiresAt)) {
      throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.resendInstead);
    }
  }
  const invitee = state as StagedInviteeState;
  const message = requireInvitationMessage(command.message);
  return [
    {
      type: 'InviteeReminded',
      data: {
        inviteeId: invitee.inviteeId,
        invitationId: latestInvitation(invitee).invitationId,
        remindedAt: command.now,
        automatic: command.automatic,
        message,
      },
    },
  ];
}

/**
 * Records how the person compares with the passports now, when that changed. Only while staged or invited: an
 * accepted person joined a passport, and the others are out of the workflow.
 */
export function reclassifyInvitee(command: ReclassifyInvitee, state: InviteeState): InviteeEvent[] {
  if (state.status !== 'UPLOADED' && state.status !== 'INVITED') return [];
  const { uploadStatus, discrepancies, passportId } = command.classification;
  const same =
    state.uploadStatus === uploadStatus &&
    state.passportId === passportId &&
    state.discrepancies.length === discrepancies.length &&
    state.discrepancies.every((field, i) => field === discrepancies[i]);
  if (same) return [];
  return [
    {
      type: 'InviteeReclassified',
      data: { inviteeId: state.inviteeId, uploadStatus, discrepancies: [...discrepancies], passportId },
    },
  ];
}

/** Takes a member out of the pool; the passport stays and the person may be invited into the pool again. */
export function removeMember(command: RemoveMember, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status !== 'ACCEPTED' || invitee.passportId === null) {
    throw new ServiceError('NOT_FOUND', INVITEE_MESSAGES.notAMember);
  }
  const { inviteeId, batchId, poolId, passportId } = invitee;
  return [
    { type: 'MemberRemoved', data: { inviteeId, batchId, poolId, passportId, removedAt: command.now } },
  ];
}

/** Refuses any status but INVITED and EXPIRED, saying why. */
function refuseUnlessPendingOrLapsed(invitee: StagedInviteeState): void {
  switch (invitee.status) {
    case 'INVITED':
    case 'EXPIRED':
      return;
    case 'UPLOADED':
      throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.notInvitedYet);
    case 'ACCEPTED':
      throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyAccepted);
    case 'DECLINED':
      throw new ServiceError('CONFLICT', INVITEE_MESSAGES.declined);
    case 'REVOKED':
      throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.revokedResendInstead);
    case 'REMOVED':
      throw new ServiceError('NOT_FOUND', INVITEE_MESSAGES.notFound);
  }
}
