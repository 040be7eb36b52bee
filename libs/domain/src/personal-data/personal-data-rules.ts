import { erasedPassport, erasedPerson } from './erased';

/**
 * Which events carry personal data, and how they read without it. The event store keeps these events' data
 * encrypted under a key of their stream (the person, the passport, the upload: the subject the data is about) and
 * the fields `clear` keeps readable beside it; once the subject's key is destroyed, such an event reads as `erased`
 * makes it from those clear fields, with `erased: true`. Every other event type carries no personal data (ids,
 * times, statuses, counts): a test holds every event type of the domain against this list.
 */
export interface PersonalDataRule {
  /** What stays readable without the key: ids, times, statuses. */
  clear(data: Record<string, unknown>): Record<string, unknown>;
  /** The event's data once the key is destroyed, from its clear fields. */
  erased(clear: Record<string, unknown>): Record<string, unknown>;
  /** Large, and read by few (an upload's rows): decrypted only when its data is read. */
  large?: boolean;
}

const personEvent: PersonalDataRule = {
  clear: ({ person: _person, ...clear }) => clear,
  erased: (clear) => ({ ...clear, person: erasedPerson(), erased: true }),
};

export const PERSONAL_DATA_RULES: Readonly<Record<string, PersonalDataRule>> = {
  InviteeStaged: personEvent,
  InviteeCorrected: personEvent,
  PassportCreated: {
    clear: ({ passportId }) => ({ passportId }),
    erased: (clear) => ({ ...erasedPassport(String(clear.passportId)), erased: true }),
  },
  // A preview's rows, under the upload's key: shredded once the upload is confirmed, cancelled or expired (only
  // what was staged lives on, in the invitees' own events).
  UploadRowsRecorded: {
    clear: ({ uploadId, chunk, columns }) => ({ uploadId, chunk, columns }),
    erased: (clear) => ({ ...clear, rows: [], erased: true }),
    large: true,
  },
};

/**
 * The events that destroy their stream's key: every process that reads one (gateways, the projector, ops) drops
 * the key from its cache, so the data is unreadable everywhere from then on.
 */
export const KEY_DESTROYING_EVENT_TYPES: readonly string[] = [
  'InviteeErased',
  'PassportErased',
  'UploadRowsShredded',
];
