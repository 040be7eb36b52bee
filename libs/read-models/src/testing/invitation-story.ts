import type { PersonDetails } from '@invitations/domain';
import { RecordedStory } from './recorded-story';

/** Ids and details of the story every projection test starts from. */
export const ORG = 'org-1';
export const POOL = 'pool-1';
export const OTHER_POOL = 'pool-2';
export const BATCH = 'batch-1';
export const OTHER_BATCH = 'batch-2';

export const ZOE: PersonDetails = {
  email: 'zoe.angstrom@example.org',
  dateOfBirth: '1990-12-10',
  firstName: 'Zoë',
  middleNames: 'Marie  Louise',
  lastName: 'Ångström',
  preferredName: 'Zo',
  mobile: '+61412345678',
  jobRole: 'Nurse',
};
export const BOB: PersonDetails = {
  email: 'bob@example.org',
  dateOfBirth: '1985-01-02',
  firstName: 'Bob',
  middleNames: null,
  lastName: 'Stone',
  preferredName: null,
  mobile: null,
  jobRole: null,
};
export const CAT: PersonDetails = {
  ...BOB,
  email: 'cat@example.org',
  firstName: 'Cat',
  mobile: '+61400000003',
};
export const DAN: PersonDetails = { ...BOB, email: 'dan@example.org', firstName: 'Dan' };

/** The story's first batch (of its first pool), as staging names it. */
export const FIRST_BATCH = { batchId: BATCH, poolId: POOL, organisationId: ORG };
const batch1 = FIRST_BATCH;
const batch2 = { batchId: OTHER_BATCH, poolId: OTHER_POOL, organisationId: ORG };
/** An instant of the story: 9 o'clock (or the given hour) on a day of March 2025. */
export const storyInstant = (day: number, hour = 9): string =>
  new Date(Date.UTC(2025, 2, day, hour)).toISOString();
const at = storyInstant;

/** Records the staging of a NEW person into a batch on day 2, with `extra` data over that. */
export function staged(
  story: RecordedStory,
  inviteeId: string,
  batch: typeof batch1,
  person: PersonDetails,
  extra: object,
) {
  const data = {
    inviteeId,
    ...batch,
    stagedAt: at(2),
    person,
    uploadStatus: 'NEW',
    discrepancies: [],
    passportId: null,
    uploadId: null,
    ...extra,
  };
  story.record(`invitee-${inviteeId}`, ORG, 'InviteeStaged', data);
}

/** Records an invitation sent to an invitee of the first batch on `day`, for 14 days, with `extra` data over that. */
export function sent(story: RecordedStory, inviteeId: string, invitationId: string, day: number, extra = {}) {
  const data = {
    inviteeId,
    invitationId,
    batchId: BATCH,
    poolId: POOL,
    message: null,
    sentAt: at(day),
    expiresAt: at(day + 14),
    ...extra,
  };
  story.record(`invitee-${inviteeId}`, ORG, 'InvitationSent', data);
}

/** The events that end an invitation, and the field of each that says when. */
const ENDED_AT = {
  InvitationRevoked: 'revokedAt',
  InvitationExpired: 'expiredAt',
  InvitationDeclined: 'declinedAt',
} as const;

/** Records the end of an invitation (revoked, expired or declined) at `instant`. */
export function ended(
  story: RecordedStory,
  inviteeId: string,
  invitationId: string,
  type: keyof typeof ENDED_AT,
  instant: string,
) {
  story.record(`invitee-${inviteeId}`, ORG, type, { inviteeId, invitationId, [ENDED_AT[type]]: instant });
}

/** A message to an invitee, queued (`message-<id>`), then reported on by the events given. */
function message(
  story: RecordedStory,
  inviteeId: string,
  invitationId: string,
  messageId: string,
  channel: 'EMAIL' | 'SMS',
  day: number,
) {
  const data = { messageId, inviteeId, invitationId, channel, kind: 'INVITATION', queuedAt: at(day) };
  story.record(`message-${messageId}`, ORG, 'MessageQueued', data);
}

function reported(
  story: RecordedStory,
  inviteeId: string,
  messageId: string,
  type: string,
  instant: string,
  reason: string | null = null,
) {
  const data =
    type === 'MessageSent'
      ? { messageId, inviteeId, sentAt: instant, providerReference: `ref-${messageId}`, receiptId: null }
      : { messageId, inviteeId, at: instant, reason, receiptId: `receipt-${type}-${messageId}` };
  story.record(`message-${messageId}`, ORG, type, data);
}

/**
 * Every event type, in a plausible order:
 * - zoe: staged NEW, invited (her email delivered, her text message failed), token issued, resent (its email
 *   queued), accepted (her passport created just before);
 * - bob: staged EXISTING, invited (his email bounced), revoked;
 * - cat: staged INVALID, corrected to EXISTING, invited (her email complained of after it was sent), expired;
 * - dan: staged, removed;
 * - zoe again, in the other pool: staged EXISTING and accepted automatically.
 */
export function invitationStory(): RecordedStory {
  const story = new RecordedStory();
  story.record('passport-bob', null, 'PassportCreated', { passportId: 'passport-bob', ...passportOf(BOB) });
  story.record('passport-cat', null, 'PassportCreated', { passportId: 'passport-cat', ...passportOf(CAT) });
  story.record(`pool-${POOL}`, ORG, 'ResourcePoolCreated', {
    poolId: POOL,
    organisationId: ORG,
    name: 'Nurses',
    createdAt: at(1),
  });
  story.record(`pool-${OTHER_POOL}`, ORG, 'ResourcePoolCreated', {
    poolId: OTHER_POOL,
    organisationId: ORG,
    name: 'Carers',
    createdAt: at(1, 10),
  });
  story.record(`batch-${BATCH}`, ORG, 'BatchCreated', {
    ...batch1,
    name: 'March intake',
    createdAt: at(1, 11),
  });
  story.record(`batch-${OTHER_BATCH}`, ORG, 'BatchCreated', {
    ...batch2,
    name: 'April intake',
    createdAt: at(1, 12),
  });
  story.record('pool-seat-zoe', ORG, 'PoolSeatReserved', { poolId: POOL, inviteeId: 'zoe', key: 'email' });
  staged(story, 'zoe', batch1, ZOE, {});
  staged(story, 'bob', batch1, BOB, {
    uploadStatus: 'EXISTING',
    passportId: 'passport-bob',
    uploadId: 'upload-1',
  });
  staged(
    story,
    'cat',
    batch1,
    { ...CAT, firstName: 'Kat' },
    {
      uploadStatus: 'INVALID',
      discrepancies: ['FIRST_NAME'],
      passportId: 'passport-cat',
    },
  );
  staged(story, 'dan', batch1, DAN, {});
  const corrected = {
    inviteeId: 'cat',
    person: CAT,
    uploadStatus: 'EXISTING',
    discrepancies: [],
    passportId: 'passport-cat',
  };
  story.record('invitee-cat', ORG, 'InviteeCorrected', corrected);
  story.record('invitee-dan', ORG, 'InviteeRemoved', { inviteeId: 'dan' });
  sent(story, 'zoe', 'invitation-zoe-1', 3);
  sent(story, 'bob', 'invitation-bob-1', 3);
  sent(story, 'cat', 'invitation-cat-1', 3);
  message(story, 'zoe', 'invitation-zoe-1', 'zoe-1-email', 'EMAIL', 3);
  message(story, 'zoe', 'invitation-zoe-1', 'zoe-1-sms', 'SMS', 3);
  message(story, 'bob', 'invitation-bob-1', 'bob-1-email', 'EMAIL', 3);
  message(story, 'cat', 'invitation-cat-1', 'cat-1-email', 'EMAIL', 3);
  reported(story, 'zoe', 'zoe-1-email', 'MessageSent', at(3, 10));
  reported(
    story,
    'zoe',
    'zoe-1-sms',
    'MessageFailed',
    at(3, 11),
    'Twilio error 30003: unreachable destination handset',
  );
  reported(story, 'zoe', 'zoe-1-email', 'MessageDelivered', at(3, 12));
  reported(story, 'bob', 'bob-1-email', 'MessageBounced', at(4), '550 5.1.1 mailbox unknown');
  reported(story, 'cat', 'cat-1-email', 'MessageSent', at(3, 10));
  reported(story, 'cat', 'cat-1-email', 'MessageComplained', at(4), 'abuse report');
  const token = {
    inviteeId: 'zoe',
    invitationId: 'invitation-zoe-1',
    tokenHash: 'a'.repeat(64),
    issuedAt: at(3),
  };
  story.record('invitee-zoe', ORG, 'InvitationTokenIssued', token);
  const resent = {
    inviteeId: 'zoe',
    invitationId: 'invitation-zoe-2',
    previousInvitationId: 'invitation-zoe-1',
    batchId: BATCH,
    poolId: POOL,
    message: 'Reminder',
    sentAt: at(5),
    expiresAt: at(19),
  };
  story.record('invitee-zoe', ORG, 'InvitationResent', resent);
  message(story, 'zoe', 'invitation-zoe-2', 'zoe-2-email', 'EMAIL', 5);
  ended(story, 'bob', 'invitation-bob-1', 'InvitationRevoked', at(6));
  ended(story, 'cat', 'invitation-cat-1', 'InvitationExpired', at(17));
  story.record('passport-zoe', null, 'PassportCreated', { passportId: 'passport-zoe', ...passportOf(ZOE) });
  const accepted = {
    inviteeId: 'zoe',
    batchId: BATCH,
    poolId: POOL,
    passportId: 'passport-zoe',
    invitationId: 'invitation-zoe-2',
    acceptedAt: at(7),
    autoAccepted: false,
  };
  story.record('invitee-zoe', ORG, 'InvitationAccepted', accepted);
  staged(story, 'zoe-again', batch2, ZOE, { uploadStatus: 'EXISTING', passportId: 'passport-zoe' });
  const autoAccepted = {
    inviteeId: 'zoe-again',
    batchId: OTHER_BATCH,
    poolId: OTHER_POOL,
    passportId: 'passport-zoe',
    invitationId: null,
    acceptedAt: at(8),
    autoAccepted: true,
  };
  story.record('invitee-zoe-again', ORG, 'InvitationAccepted', autoAccepted);
  return story;
}

function passportOf(person: PersonDetails) {
  const { email, dateOfBirth, firstName, middleNames, lastName, preferredName, mobile } = person;
  return { email, dateOfBirth, firstName, middleNames, lastName, preferredName, mobile };
}
