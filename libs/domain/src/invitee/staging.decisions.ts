import { ServiceError } from '@invitations/kernel';
import type { Classification } from '../person/classification';
import { requireNamesForNewPerson } from '../person/names-required';
import { copyPersonDetails, samePersonDetails } from '../person/person-details-fields';
import type { CorrectInvitee, RemoveInvitee, StageInvitee } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { latestInvitation, requireInvitee } from './invitee.guards';
import { PROFILE_FIELD_INPUT } from '../person/profile-fields';
import { INVITEE_MESSAGES } from './invitee.messages';
import type { InviteeState } from './invitee.state';

/** Puts a person in a batch's Uploaded tab. Uniqueness in the pool is the pool seat's job, decided before. */
export function stageInvitee(command: StageInvitee, state: InviteeState): InviteeEvent[] {
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', INVITEE_MESSAGES.alreadyExists);
  requireNamesForNewPerson(command.person, command.classification);
  const { inviteeId, batch, person, classification, uploadId, now } = command;
  return [
    {
      type: 'InviteeStaged',
      data: {
        inviteeId,
        batchId: batch.batchId,
        poolId: batch.poolId,
        organisationId: batch.organisationId,
        stagedAt: now,
        person: copyPersonDetails(person),
        ...classificationData(classification),
        uploadId,
      },
    },
  ];
}

/**
 * Replaces the details of a staged person, or of one whose invitation is pending; the handler has classified them
 * again against the passports. An invited person must stay invitable (not INVALID), and a new email or mobile gets
 * a new invitation at once: the old link, sent to the old address, stops working.
 */
export function correctInvitee(command: CorrectInvitee, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status !== 'UPLOADED' && invitee.status !== 'INVITED') {
    throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.onlyUploadedCanBeCorrected);
  }
  requireNamesForNewPerson(command.person, command.classification);
  const current: Classification = {
    uploadStatus: invitee.uploadStatus,
    discrepancies: invitee.discrepancies,
    passportId: invitee.passportId,
  };
  if (
    samePersonDetails(invitee.person, command.person) &&
    sameClassification(current, command.classification)
  )
    return [];
  const { person, classification } = command;
  const corrected: InviteeEvent = {
    type: 'InviteeCorrected',
    data: {
      inviteeId: invitee.inviteeId,
      person: copyPersonDetails(person),
      ...classificationData(classification),
    },
  };
  if (invitee.status === 'UPLOADED') return [corrected];
  if (classification.uploadStatus === 'INVALID') {
    throw new ServiceError(
      'BAD_USER_INPUT',
      INVITEE_MESSAGES.invalidWhileInvited,
      classification.discrepancies.map((field) => ({
        field: PROFILE_FIELD_INPUT[field],
        message: 'differs from the Skills Passport on record',
      })),
    );
  }
  const addressChanged = invitee.person.email !== person.email || invitee.person.mobile !== person.mobile;
  if (!addressChanged) return [corrected];
  const { reinvitation } = command;
  if (!reinvitation)
    throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.addressChangeNeedsReinvitation);
  const previous = latestInvitation(invitee);
  return [
    corrected,
    {
      type: 'InvitationResent',
      data: {
        inviteeId: invitee.inviteeId,
        invitationId: reinvitation.invitationId,
        tokenHash: reinvitation.tokenHash,
        previousInvitationId: previous.invitationId,
        batchId: invitee.batchId,
        poolId: invitee.poolId,
        message: previous.message,
        sentAt: reinvitation.now,
        expiresAt: reinvitation.expiresAt,
        remindAt: reinvitation.remindAt,
      },
    },
  ];
}

/** Takes a person out of the batch, unless an invitation is pending (revoke first) or they have accepted. */
export function removeInvitee(_command: RemoveInvitee, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status === 'INVITED')
    throw new ServiceError('BAD_USER_INPUT', INVITEE_MESSAGES.revokeBeforeRemoving);
  if (invitee.status === 'ACCEPTED')
    throw new ServiceError('CONFLICT', INVITEE_MESSAGES.acceptedCannotBeRemoved);
  return [{ type: 'InviteeRemoved', data: { inviteeId: invitee.inviteeId } }];
}

/** Copied field by field, so that nothing but the classification reaches the event. */
function classificationData({ uploadStatus, discrepancies, passportId }: Classification): Classification {
  return { uploadStatus, discrepancies: [...discrepancies], passportId };
}

function sameClassification(a: Classification, b: Classification): boolean {
  return (
    a.uploadStatus === b.uploadStatus &&
    a.passportId === b.passportId &&
    a.discrepancies.length === b.discrepancies.length &&
    a.discrepancies.every((field, i) => field === b.discrepancies[i])
  );
}
