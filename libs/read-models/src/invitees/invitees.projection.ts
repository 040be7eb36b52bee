import type { RecordedEvent } from '@invitations/event-store';
import {
  copyPersonDetails,
  erasedPerson,
  type InviteeEvent,
  type InviteeStaged,
  type MessageEvent,
  type PersonDetails,
  type ProfileField,
} from '@invitations/domain';
import { positionKey, type Projection, type Recorded } from '../projection/projection';
import type { InviteeDoc } from './invitee.document';
import {
  afterMessageEvent,
  deliveriesOf,
  deliveryStatusOf,
  MESSAGE_EVENTS,
  noDeliveries,
} from './invitee-deliveries';
import { searchText } from './search-text';
import { sortKey } from './tab-order';

/** The person's details as the invitee document holds them, with the search text they feed. */
function personFields(person: PersonDetails) {
  return { ...copyPersonDetails(person), search: searchText(person) };
}

/** One empty list for every invitee without discrepancies (nearly all of them), rather than one each. */
const NO_DISCREPANCIES: ProfileField[] = Object.freeze([]) as unknown as ProfileField[];
const discrepanciesOf = (list: ProfileField[]) => (list.length === 0 ? NO_DISCREPANCIES : list);

function staged(event: Recorded<InviteeStaged>): InviteeDoc {
  const { inviteeId, organisationId, batchId, poolId, person, stagedAt, erased } = event.data;
  return {
    _id: inviteeId,
    organisationId,
    batchId,
    poolId,
    ...personFields(person),
    // Replayed after the person's key was destroyed: nothing finds them by their details.
    ...(erased ? { search: '', erased: true } : {}),
    uploadStatus: event.data.uploadStatus,
    discrepancies: discrepanciesOf(event.data.discrepancies),
    passportId: event.data.passportId,
    stagedAt,
    // Written out rather than spread from a constant: every staged person of a rebuild or a confirmation comes
    // this way, and another spread costs it about 7% (measured on 200,000 InviteeStaged events).
    state: 'UPLOADED',
    invitedAt: null,
    expiresAt: null,
    acceptedAt: null,
    autoAccepted: false,
    declinedAt: null,
    remindAt: null,
    remindedAt: null,
    // Here from the start (only a closing event gives it a value), so that invitees' documents keep one shape as
    // their events come; an erasure alone adds a field.
    closedAt: null,
    invitationId: null,
    uploadId: event.data.uploadId,
    ...noDeliveries(),
    sortKey: sortKey(stagedAt, inviteeId),
    _pos: positionKey(event.position),
  };
}

/**
 * The invitee with an invitation out (sent, or sent anew): in the Invited tab, reopened, its reminder to come, its
 * delivery status that of the new invitation's messages. One literal over the document, no object spread into it:
 * every invitation of a confirmation comes this way.
 */
function withInvitation(
  doc: InviteeDoc,
  invitationId: string,
  expiresAt: string,
  remindAt: string | null | undefined,
  _pos: string,
  invitedAt: string | null,
  order: string,
): InviteeDoc {
  return {
    ...doc,
    state: 'INVITED',
    invitationId,
    invitedAt,
    expiresAt,
    sortKey: order,
    remindAt: remindAt ?? null,
    remindedAt: null,
    declinedAt: null,
    closedAt: null,
    deliveryStatus: deliveryStatusOf(deliveriesOf(doc), invitationId),
    _pos,
  };
}

/** The invitee after one of its events. */
function evolve(doc: InviteeDoc | null, recorded: RecordedEvent): InviteeDoc | null {
  const event = recorded as Recorded<InviteeEvent>;
  // An invitee is created by the first event of its life: a document already there has seen it (or later ones).
  if (event.type === 'InviteeStaged') return doc ?? staged(event);
  if (doc === null) return null;
  const _pos = positionKey(event.position);
  switch (event.type) {
    case 'InviteeCorrected': {
      const { person, uploadStatus, discrepancies, passportId } = event.data;
      const fields = { ...personFields(person), discrepancies: discrepanciesOf(discrepancies) };
      return { ...doc, ...fields, uploadStatus, passportId, _pos };
    }
    case 'InviteeReclassified': {
      const { uploadStatus, discrepancies, passportId } = event.data;
      return { ...doc, uploadStatus, discrepancies: discrepanciesOf(discrepancies), passportId, _pos };
    }
    case 'InviteeRemoved':
    case 'MemberRemoved':
      return null;
    case 'InvitationSent': {
      const { inviteeId, invitationId, sentAt, expiresAt, remindAt } = event.data;
      return withInvitation(doc, invitationId, expiresAt, remindAt, _pos, sentAt, sortKey(sentAt, inviteeId));
    }
    case 'InvitationResent': {
      // invitedAt is when the person was first invited: a resend moves neither it nor the tab's order. A new
      // invitation's messages start again at QUEUED: until they are queued it has no delivery status.
      const { invitationId, expiresAt, remindAt } = event.data;
      return withInvitation(doc, invitationId, expiresAt, remindAt, _pos, doc.invitedAt, doc.sortKey);
    }
    case 'InvitationExtended': {
      if (event.data.invitationId !== doc.invitationId) return doc;
      const { expiresAt, remindAt } = event.data;
      return { ...doc, state: 'INVITED', expiresAt, remindAt, closedAt: null, _pos };
    }
    case 'InviteeReminded': {
      if (event.data.invitationId !== doc.invitationId) return doc;
      return { ...doc, remindedAt: event.data.remindedAt, _pos };
    }
    case 'InvitationRevoked':
      return { ...doc, state: 'REVOKED', closedAt: event.data.revokedAt, _pos };
    case 'InvitationExpired':
      return { ...doc, state: 'EXPIRED', closedAt: event.data.expiredAt, _pos };
    case 'InvitationDeclined': {
      const { declinedAt } = event.data;
      return { ...doc, state: 'DECLINED', declinedAt, closedAt: declinedAt, _pos };
    }
    case 'InviteeErased':
      return { ...doc, ...copyPersonDetails(erasedPerson()), search: '', erased: true, _pos };
    case 'InvitationAccepted': {
      const { inviteeId, invitationId, passportId, acceptedAt, autoAccepted } = event.data;
      return {
        ...doc,
        state: 'ACCEPTED',
        passportId,
        acceptedAt,
        autoAccepted,
        sortKey: sortKey(acceptedAt, inviteeId),
        // Accepted automatically, the person was never sent an invitation: they count as invited when accepted.
        invitationId: invitationId === null ? doc.invitationId : invitationId,
        invitedAt: invitationId === null ? acceptedAt : doc.invitedAt,
        closedAt: null,
        _pos,
      };
    }
    default: {
      if (!MESSAGE_EVENTS.has(recorded.type)) return doc;
      const message = { type: recorded.type, data: recorded.data } as MessageEvent;
      return { ...doc, ...afterMessageEvent(doc, message), _pos };
    }
  }
}

/**
 * `invitees`: one document per person in a batch, for the tabs (Uploaded, Invited, Accepted, Expired, Revoked,
 * Declined), their counts, the organisation-wide search and the pools' members (the people accepted into them).
 */
export const inviteesProjection: Projection<InviteeDoc> = {
  name: 'invitees',
  handles: new Set<string>([
    'InviteeStaged',
    'InviteeCorrected',
    'InviteeReclassified',
    'InviteeRemoved',
    'InvitationSent',
    'InvitationResent',
    'InvitationExtended',
    'InviteeReminded',
    'InvitationRevoked',
    'InvitationExpired',
    'InvitationDeclined',
    'InvitationAccepted',
    'MemberRemoved',
    'InviteeErased',
    ...MESSAGE_EVENTS,
  ]),
  documentIds: (event) => [(event.data as { inviteeId: string }).inviteeId],
  evolve,
};
