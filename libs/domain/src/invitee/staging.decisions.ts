import { ServiceError } from '@invitations/kernel';
import type { Classification } from '../person/classification';
import { requireNamesForNewPerson } from '../person/names-required';
import { copyPersonDetails, samePersonDetails } from '../person/person-details-fields';
import type { CorrectInvitee, RemoveInvitee, StageInvitee } from './invitee.commands';
import type { InviteeEvent } from './invitee.events';
import { requireInvitee } from './invitee.guards';
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

/** Replaces the staged details; the handler has classified them again against the passports. */
export function correctInvitee(command: CorrectInvitee, state: InviteeState): InviteeEvent[] {
  const invitee = requireInvitee(state);
  if (invitee.status !== 'UPLOADED') {
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
  return [
    {
      type: 'InviteeCorrected',
      data: {
        inviteeId: invitee.inviteeId,
        person: copyPersonDetails(person),
        ...classificationData(classification),
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
