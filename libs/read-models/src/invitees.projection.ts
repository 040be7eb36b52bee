import type { RecordedEvent } from '@invitations/event-store';
import type { InviteeEvent, InviteeStaged } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import {
  deleteIfOlder,
  insertOnce,
  updateIfOlder,
  type Projection,
  type ProjectionWrite,
  type Recorded,
} from './projection';
import type { InviteeDoc } from './read-model.docs';
import { searchText, sortKey } from './text-keys';

const INVITEES = 'invitees';

/** The person's details as the invitee document holds them, with the search text they feed. */
function personFields(person: PersonDetails) {
  const { email, mobile, dateOfBirth, firstName, middleNames, lastName, preferredName, jobRole } = person;
  return {
    email,
    mobile,
    dateOfBirth,
    firstName,
    middleNames,
    lastName,
    preferredName,
    jobRole,
    search: searchText(person),
  };
}

function staged(event: Recorded<InviteeStaged>): ProjectionWrite {
  const { inviteeId, organisationId, batchId, poolId, person, stagedAt } = event.data;
  const doc: Omit<InviteeDoc, '_id' | '_pos'> = {
    organisationId,
    batchId,
    poolId,
    ...personFields(person),
    uploadStatus: event.data.uploadStatus,
    discrepancies: event.data.discrepancies,
    passportId: event.data.passportId,
    state: 'UPLOADED',
    stagedAt,
    invitedAt: null,
    expiresAt: null,
    acceptedAt: null,
    autoAccepted: false,
    invitationId: null,
    uploadId: event.data.uploadId,
    sortKey: sortKey(stagedAt, inviteeId),
  };
  return insertOnce(INVITEES, inviteeId, event.position, doc);
}

/** Maps one event to the writes on `invitees`. */
function project(recorded: RecordedEvent): ProjectionWrite[] {
  const event = recorded as Recorded<InviteeEvent>;
  const { position } = event;
  switch (event.type) {
    case 'InviteeStaged':
      return [staged(event)];
    case 'InviteeCorrected': {
      const { inviteeId, person, uploadStatus, discrepancies, passportId } = event.data;
      const fields = { ...personFields(person), uploadStatus, discrepancies, passportId };
      return [updateIfOlder(INVITEES, inviteeId, position, fields)];
    }
    case 'InviteeRemoved':
      return [deleteIfOlder(INVITEES, event.data.inviteeId, position)];
    case 'InvitationSent': {
      const { inviteeId, invitationId, sentAt, expiresAt } = event.data;
      const fields = {
        state: 'INVITED',
        invitationId,
        invitedAt: sentAt,
        expiresAt,
        sortKey: sortKey(sentAt, inviteeId),
      };
      return [updateIfOlder(INVITEES, inviteeId, position, fields)];
    }
    case 'InvitationResent': {
      // invitedAt is when the person was first invited: a resend moves neither it nor the tab's order.
      const { inviteeId, invitationId, expiresAt } = event.data;
      return [updateIfOlder(INVITEES, inviteeId, position, { state: 'INVITED', invitationId, expiresAt })];
    }
    case 'InvitationRevoked':
      return [updateIfOlder(INVITEES, event.data.inviteeId, position, { state: 'REVOKED' })];
    case 'InvitationExpired':
      return [updateIfOlder(INVITEES, event.data.inviteeId, position, { state: 'EXPIRED' })];
    case 'InvitationAccepted': {
      const { inviteeId, invitationId, passportId, acceptedAt, autoAccepted } = event.data;
      const fields = {
        state: 'ACCEPTED',
        passportId,
        acceptedAt,
        autoAccepted,
        sortKey: sortKey(acceptedAt, inviteeId),
        // Accepted automatically, the person was never sent an invitation: they count as invited when accepted.
        ...(invitationId === null ? { invitedAt: acceptedAt } : { invitationId }),
      };
      return [updateIfOlder(INVITEES, inviteeId, position, fields)];
    }
    default:
      // InvitationTokenIssued and the other streams' events change nothing here.
      return [];
  }
}

/** `invitees`: one document per person in a batch, for the Uploaded, Invited and Accepted tabs and the counts. */
export const inviteesProjection: Projection = {
  name: INVITEES,
  indexes: [
    { keys: { organisationId: 1, batchId: 1, state: 1, sortKey: 1 }, name: 'organisation_batch_state_sort' },
    { keys: { poolId: 1, email: 1 }, name: 'pool_email' },
    { keys: { poolId: 1, mobile: 1 }, name: 'pool_mobile' },
    { keys: { passportId: 1 }, name: 'passport' },
    { keys: { invitationId: 1 }, name: 'invitation' },
  ],
  project,
};
