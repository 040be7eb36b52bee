import type { Classification } from '../person/classification';
import type { PersonDetails } from '../person/person-details';
import type { Passport } from '../passport/passport';
import type {
  AcceptInvitation,
  CorrectInvitee,
  ExpireInvitation,
  IssueInvitationToken,
  ResendInvitation,
  RevokeInvitation,
  SendInvitation,
  StageInvitee,
} from '../invitee/invitee.commands';
import type {
  InvitationAccepted,
  InvitationDeclined,
  InvitationExpired,
  InvitationResent,
  InvitationRevoked,
  InvitationSent,
  InvitationTokenIssued,
  InviteeCorrected,
  InviteeRemoved,
  InviteeStaged,
  InviteeEvent,
} from '../invitee/invitee.events';

/** Ids, instants and builders shared by the invitee specs. Builders take overrides for what a test is about. */

export const INVITEE_ID = 'invitee-0001';
export const BATCH = { batchId: 'batch-0001', poolId: 'pool-0001', organisationId: 'org-0001' };
export const PASSPORT_ID = 'passport-0001';
export const FIRST_INVITATION = 'invitation-0001';
export const SECOND_INVITATION = 'invitation-0002';
export const FIRST_TOKEN_HASH = 'a'.repeat(64);
export const SECOND_TOKEN_HASH = 'b'.repeat(64);

export const STAGED_AT = '2025-03-01T09:00:00.000Z';
export const SENT_AT = '2025-03-02T09:00:00.000Z';
export const EXPIRES_AT = '2025-03-16T09:00:00.000Z';
export const BEFORE_EXPIRY = '2025-03-10T12:00:00.000Z';
export const AFTER_EXPIRY = '2025-03-17T09:00:00.000Z';
export const RESENT_AT = '2025-03-20T09:00:00.000Z';
export const RESENT_EXPIRES_AT = '2025-04-03T09:00:00.000Z';

export function aPerson(overrides: Partial<PersonDetails> = {}): PersonDetails {
  return {
    email: 'ada.lovelace@example.org',
    dateOfBirth: '1990-12-10',
    firstName: 'Ada',
    middleNames: 'Augusta',
    lastName: 'Lovelace',
    preferredName: 'Ada',
    mobile: '+61412345678',
    jobRole: 'Analyst',
    ...overrides,
  };
}

export function aPassport(overrides: Partial<Passport> = {}): Passport {
  return {
    passportId: PASSPORT_ID,
    email: 'ada.lovelace@example.org',
    dateOfBirth: '1990-12-10',
    firstName: 'Ada',
    middleNames: 'Augusta',
    lastName: 'Lovelace',
    preferredName: null,
    mobile: '+61412345678',
    ...overrides,
  };
}

export const NEW: Classification = { uploadStatus: 'NEW', discrepancies: [], passportId: null };
export const EXISTING: Classification = {
  uploadStatus: 'EXISTING',
  discrepancies: [],
  passportId: PASSPORT_ID,
};
export const INVALID: Classification = {
  uploadStatus: 'INVALID',
  discrepancies: ['FIRST_NAME', 'DATE_OF_BIRTH'],
  passportId: PASSPORT_ID,
};

// Commands

export function stageCommand(overrides: Partial<StageInvitee> = {}): StageInvitee {
  return {
    type: 'StageInvitee',
    inviteeId: INVITEE_ID,
    batch: BATCH,
    person: aPerson(),
    classification: NEW,
    uploadId: null,
    now: STAGED_AT,
    ...overrides,
  };
}

export function correctCommand(person: PersonDetails, classification: Classification): CorrectInvitee {
  return { type: 'CorrectInvitee', person, classification };
}

export function sendCommand(overrides: Partial<SendInvitation> = {}): SendInvitation {
  return {
    type: 'SendInvitation',
    invitationId: FIRST_INVITATION,
    tokenHash: FIRST_TOKEN_HASH,
    message: 'Welcome aboard',
    now: SENT_AT,
    expiresAt: EXPIRES_AT,
    remindAt: null,
    memberElsewhereWithPassportId: null,
    ...overrides,
  };
}

export function resendCommand(overrides: Partial<ResendInvitation> = {}): ResendInvitation {
  return {
    type: 'ResendInvitation',
    invitationId: SECOND_INVITATION,
    tokenHash: SECOND_TOKEN_HASH,
    message: null,
    now: RESENT_AT,
    expiresAt: RESENT_EXPIRES_AT,
    remindAt: null,
    ...overrides,
  };
}

export function issueTokenCommand(overrides: Partial<IssueInvitationToken> = {}): IssueInvitationToken {
  return {
    type: 'IssueInvitationToken',
    invitationId: FIRST_INVITATION,
    tokenHash: FIRST_TOKEN_HASH,
    now: SENT_AT,
    ...overrides,
  };
}

export const revokeCommand = (now = BEFORE_EXPIRY): RevokeInvitation => ({ type: 'RevokeInvitation', now });
export const expireCommand = (now: string): ExpireInvitation => ({ type: 'ExpireInvitation', now });

export function acceptCommand(overrides: Partial<AcceptInvitation> = {}): AcceptInvitation {
  return {
    type: 'AcceptInvitation',
    tokenHash: FIRST_TOKEN_HASH,
    now: BEFORE_EXPIRY,
    passportId: PASSPORT_ID,
    ...overrides,
  };
}

// Events

export function inviteeStaged(overrides: Partial<InviteeStaged['data']> = {}): InviteeStaged {
  return {
    type: 'InviteeStaged',
    data: {
      inviteeId: INVITEE_ID,
      ...BATCH,
      stagedAt: STAGED_AT,
      person: aPerson(),
      ...NEW,
      uploadId: null,
      ...overrides,
    },
  };
}

export function inviteeCorrected(person: PersonDetails, classification: Classification): InviteeCorrected {
  return { type: 'InviteeCorrected', data: { inviteeId: INVITEE_ID, person, ...classification } };
}

export const inviteeRemoved = (): InviteeRemoved => ({
  type: 'InviteeRemoved',
  data: { inviteeId: INVITEE_ID },
});

export function invitationSent(overrides: Partial<InvitationSent['data']> = {}): InvitationSent {
  return {
    type: 'InvitationSent',
    data: {
      inviteeId: INVITEE_ID,
      invitationId: FIRST_INVITATION,
      tokenHash: FIRST_TOKEN_HASH,
      batchId: BATCH.batchId,
      poolId: BATCH.poolId,
      message: 'Welcome aboard',
      sentAt: SENT_AT,
      expiresAt: EXPIRES_AT,
      remindAt: null,
      ...overrides,
    },
  };
}

export function invitationResent(overrides: Partial<InvitationResent['data']> = {}): InvitationResent {
  return {
    type: 'InvitationResent',
    data: {
      inviteeId: INVITEE_ID,
      invitationId: SECOND_INVITATION,
      tokenHash: SECOND_TOKEN_HASH,
      previousInvitationId: FIRST_INVITATION,
      batchId: BATCH.batchId,
      poolId: BATCH.poolId,
      message: null,
      sentAt: RESENT_AT,
      expiresAt: RESENT_EXPIRES_AT,
      remindAt: null,
      ...overrides,
    },
  };
}

export function tokenIssued(
  invitationId = FIRST_INVITATION,
  tokenHash = FIRST_TOKEN_HASH,
): InvitationTokenIssued {
  return {
    type: 'InvitationTokenIssued',
    data: { inviteeId: INVITEE_ID, invitationId, tokenHash, issuedAt: SENT_AT },
  };
}

export function invitationRevoked(
  invitationId = FIRST_INVITATION,
  revokedAt = BEFORE_EXPIRY,
): InvitationRevoked {
  return { type: 'InvitationRevoked', data: { inviteeId: INVITEE_ID, invitationId, revokedAt } };
}

export function invitationExpired(
  invitationId = FIRST_INVITATION,
  expiredAt = EXPIRES_AT,
): InvitationExpired {
  return { type: 'InvitationExpired', data: { inviteeId: INVITEE_ID, invitationId, expiredAt } };
}

export function invitationAccepted(overrides: Partial<InvitationAccepted['data']> = {}): InvitationAccepted {
  return {
    type: 'InvitationAccepted',
    data: {
      inviteeId: INVITEE_ID,
      batchId: BATCH.batchId,
      poolId: BATCH.poolId,
      passportId: PASSPORT_ID,
      invitationId: FIRST_INVITATION,
      acceptedAt: BEFORE_EXPIRY,
      autoAccepted: false,
      ...overrides,
    },
  };
}

export function invitationDeclined(
  invitationId = FIRST_INVITATION,
  declinedAt = BEFORE_EXPIRY,
): InvitationDeclined {
  return { type: 'InvitationDeclined', data: { inviteeId: INVITEE_ID, invitationId, declinedAt } };
}

/** The stream of an invitee whose first invitation is out (sent with its token's hash). */
export const invitedWithToken = () => [inviteeStaged({ ...EXISTING }), invitationSent()];

/** An invitation sent before its token's hash was recorded with it: the process manager issued the token next. */
export const invitationSentWithoutToken = (
  overrides: Partial<InvitationSent['data']> = {},
): InvitationSent => {
  const { tokenHash: _recordedSince, ...sent } = invitationSent(overrides).data;
  return { type: 'InvitationSent', data: sent };
};

// The streams the specs start from most often, named for how the invitee's first invitation (token issued) went.
export const invitedThenAccepted = () => [...invitedWithToken(), invitationAccepted()];
export const invitedThenDeclined = () => [...invitedWithToken(), invitationDeclined()];
export const invitedThenRevoked = () => [...invitedWithToken(), invitationRevoked()];
export const invitedThenExpired = () => [...invitedWithToken(), invitationExpired()];
export const invitedThenResent = () => [...invitedWithToken(), invitationResent()];
export const stagedThenRemoved = () => [inviteeStaged(), inviteeRemoved()];

/** Tokens no invitee can use, whatever they ask: why, the invitee's stream, the token's hash and when it comes. */
export const unusableTokens = (): [why: string, events: InviteeEvent[], tokenHash: string, now: string][] => [
  ['another token', invitedWithToken(), SECOND_TOKEN_HASH, BEFORE_EXPIRY],
  ['an expired invitation', invitedWithToken(), FIRST_TOKEN_HASH, AFTER_EXPIRY],
  ['a revoked invitation', invitedThenRevoked(), FIRST_TOKEN_HASH, BEFORE_EXPIRY],
  ['an invitee never staged', [], FIRST_TOKEN_HASH, BEFORE_EXPIRY],
];
