import { given, itRefuses } from '../testing/given-when-then';
import {
  acceptCommand,
  AFTER_EXPIRY,
  aPerson,
  BATCH,
  BEFORE_EXPIRY,
  correctCommand,
  EXISTING,
  EXPIRES_AT,
  FIRST_INVITATION,
  FIRST_TOKEN_HASH,
  INVALID,
  invitationAccepted,
  invitationDeclined,
  invitationResent,
  invitationRevoked,
  invitationSent,
  invitedThenAccepted,
  invitedThenDeclined,
  invitedThenExpired,
  invitedThenRevoked,
  invitedWithToken,
  INVITEE_ID,
  inviteeStaged,
  NEW,
  PASSPORT_ID,
  SECOND_INVITATION,
  SECOND_TOKEN_HASH,
  sendCommand,
  SENT_AT,
  tokenIssued,
  unusableTokens,
} from '../testing/invitee-fixtures';
import type {
  DeclineInvitation,
  ExtendInvitation,
  ReclassifyInvitee,
  RemindInvitee,
  RemoveMember,
} from './invitee.commands';
import { inviteeDecider } from './invitee.decider';
import type {
  InvitationExtended,
  InviteeCorrected,
  InviteeEvent,
  InviteeReclassified,
  InviteeReminded,
} from './invitee.events';

const decline = (overrides: Partial<DeclineInvitation> = {}): DeclineInvitation => ({
  type: 'DeclineInvitation',
  tokenHash: FIRST_TOKEN_HASH,
  now: BEFORE_EXPIRY,
  ...overrides,
});
const extend = (overrides: Partial<ExtendInvitation> = {}): ExtendInvitation => ({
  type: 'ExtendInvitation',
  days: 7,
  now: BEFORE_EXPIRY,
  reminderDaysBeforeExpiry: null,
  ...overrides,
});
const remind = (overrides: Partial<RemindInvitee> = {}): RemindInvitee => ({
  type: 'RemindInvitee',
  now: BEFORE_EXPIRY,
  automatic: false,
  message: null,
  ...overrides,
});
const reclassify = (classification: ReclassifyInvitee['classification']): ReclassifyInvitee => ({
  type: 'ReclassifyInvitee',
  classification,
});
const removeMember: RemoveMember = { type: 'RemoveMember', now: AFTER_EXPIRY };

/** The reminder of the first invitation is due a day before it expires. */
const REMIND_AT = '2025-03-15T09:00:00.000Z';
const reminded = (overrides: Partial<InviteeReminded['data']> = {}): InviteeReminded => ({
  type: 'InviteeReminded',
  data: {
    inviteeId: INVITEE_ID,
    invitationId: FIRST_INVITATION,
    remindedAt: BEFORE_EXPIRY,
    automatic: false,
    message: null,
    ...overrides,
  },
});
const withReminder = (): InviteeEvent[] => [
  inviteeStaged(EXISTING),
  invitationSent({ remindAt: REMIND_AT }),
  tokenIssued(),
];

describe('DeclineInvitation', () => {
  it('declines the current invitation with its token: DECLINED, the token answers nothing more', () => {
    const state = given(inviteeDecider, invitedWithToken()).when(decline()).then([invitationDeclined()]);
    expect(state).toMatchObject({ status: 'DECLINED', declinedAt: BEFORE_EXPIRY });
    given(inviteeDecider, invitedThenDeclined())
      .when(acceptCommand())
      .thenThrows('BAD_USER_INPUT', 'This invitation link is not valid');
  });

  it('declining twice is harmless', () => {
    given(inviteeDecider, invitedThenDeclined()).when(decline()).then([]);
  });

  it.each([
    ...unusableTokens(),
    ['an accepted invitation', invitedThenAccepted(), FIRST_TOKEN_HASH, BEFORE_EXPIRY],
  ])('refuses %s with the one generic message', (_case, events, tokenHash, now) => {
    given(inviteeDecider, events)
      .when(decline({ tokenHash, now }))
      .thenThrows('BAD_USER_INPUT', 'This invitation link is not valid');
  });

  it('a declined person can no longer be invited, resent or revoked, but can be removed', () => {
    const declined = invitedThenDeclined();
    given(inviteeDecider, declined).when(sendCommand()).thenThrows('CONFLICT', 'declined');
    given(inviteeDecider, declined).when(extend()).thenThrows('CONFLICT', 'declined');
    given(inviteeDecider, declined)
      .when({ type: 'RemoveInvitee' })
      .then([{ type: 'InviteeRemoved', data: { inviteeId: INVITEE_ID } }]);
  });
});

describe('ExtendInvitation', () => {
  const extended = (overrides: Partial<InvitationExtended['data']> = {}): InvitationExtended => ({
    type: 'InvitationExtended',
    data: {
      inviteeId: INVITEE_ID,
      invitationId: FIRST_INVITATION,
      previousExpiresAt: EXPIRES_AT,
      expiresAt: '2025-03-23T09:00:00.000Z',
      remindAt: null,
      extendedAt: BEFORE_EXPIRY,
      reinstated: false,
      ...overrides,
    },
  });

  it('pushes a pending invitation out by the days from its expiry; the same token keeps working', () => {
    const state = given(inviteeDecider, invitedWithToken()).when(extend()).then([extended()]);
    expect(state).toMatchObject({
      status: 'INVITED',
      invitation: {
        invitationId: FIRST_INVITATION,
        tokenHash: FIRST_TOKEN_HASH,
        expiresAt: '2025-03-23T09:00:00.000Z',
      },
    });
    given(inviteeDecider, [...invitedWithToken(), extended()])
      .when(acceptCommand({ now: '2025-03-20T09:00:00.000Z' }))
      .then([invitationAccepted({ acceptedAt: '2025-03-20T09:00:00.000Z' })]);
  });

  it('brings an expired invitation back to Invited, counting the days from now', () => {
    const state = given(inviteeDecider, invitedThenExpired())
      .when(extend({ now: AFTER_EXPIRY, days: 2 }))
      .then([
        extended({ expiresAt: '2025-03-19T09:00:00.000Z', extendedAt: AFTER_EXPIRY, reinstated: true }),
      ]);
    expect(state.status).toBe('INVITED');
  });

  it('schedules the reminder again before the new expiry, unless the person was already reminded', () => {
    given(inviteeDecider, withReminder())
      .when(extend({ reminderDaysBeforeExpiry: 3 }))
      .then([extended({ remindAt: '2025-03-20T09:00:00.000Z' })]);
    given(inviteeDecider, [...withReminder(), reminded()])
      .when(extend({ reminderDaysBeforeExpiry: 3 }))
      .then([extended({ remindAt: null })]);
  });

  it('refuses days that are not a whole number from 1 to 365', () => {
    given(inviteeDecider, invitedWithToken())
      .when(extend({ days: 0 }))
      .thenThrows('BAD_USER_INPUT', 'days');
    given(inviteeDecider, invitedWithToken())
      .when(extend({ days: 1.5 }))
      .thenThrows('BAD_USER_INPUT');
    given(inviteeDecider, invitedWithToken())
      .when(extend({ days: 366 }))
      .thenThrows('BAD_USER_INPUT');
  });

  itRefuses(
    inviteeDecider,
    () => extend(),
    [
      ['UPLOADED', [inviteeStaged()], 'BAD_USER_INPUT', 'not been invited'],
      ['ACCEPTED', invitedThenAccepted(), 'CONFLICT', 'already accepted'],
      ['REVOKED', invitedThenRevoked(), 'BAD_USER_INPUT', 'revoked'],
    ],
    'refuses a person who is %s, saying why',
  );
});

describe('RemindInvitee', () => {
  it('by the schedule: once the reminder is due, once per invitation', () => {
    const state = given(inviteeDecider, withReminder())
      .when(remind({ automatic: true, now: REMIND_AT }))
      .then([reminded({ automatic: true, remindedAt: REMIND_AT })]);
    expect(state).toMatchObject({ invitation: { remindedAt: REMIND_AT, tokenHash: FIRST_TOKEN_HASH } });
    given(inviteeDecider, [...withReminder(), reminded({ automatic: true, remindedAt: REMIND_AT })])
      .when(remind({ automatic: true, now: '2025-03-15T10:00:00.000Z' }))
      .then([]);
  });

  it('by the schedule: nothing before it is due, without a reminder, once expired, or out of Invited', () => {
    given(inviteeDecider, withReminder())
      .when(remind({ automatic: true, now: SENT_AT }))
      .then([]);
    given(inviteeDecider, invitedWithToken())
      .when(remind({ automatic: true }))
      .then([]);
    given(inviteeDecider, withReminder())
      .when(remind({ automatic: true, now: AFTER_EXPIRY }))
      .then([]);
    given(inviteeDecider, [...withReminder(), invitationRevoked()])
      .when(remind({ automatic: true, now: REMIND_AT }))
      .then([]);
  });

  it('by an admin: whenever the invitation is pending, with their message; the schedule then sends none', () => {
    given(inviteeDecider, withReminder())
      .when(remind({ message: 'Closing soon' }))
      .then([reminded({ message: 'Closing soon' })]);
    given(inviteeDecider, [...withReminder(), reminded()])
      .when(remind({ automatic: true, now: REMIND_AT }))
      .then([]);
  });

  it('by an admin: refused for a person not invited, lapsed or answered, saying why', () => {
    given(inviteeDecider, [inviteeStaged()]).when(remind()).thenThrows('BAD_USER_INPUT', 'not been invited');
    given(inviteeDecider, invitedThenExpired())
      .when(remind())
      .thenThrows('BAD_USER_INPUT', 'resend it instead');
    given(inviteeDecider, invitedThenDeclined()).when(remind()).thenThrows('CONFLICT', 'declined');
  });

  it('a new invitation gets its own reminder', () => {
    const resent = given(inviteeDecider, [...withReminder(), reminded()])
      .when({
        type: 'ResendInvitation',
        invitationId: SECOND_INVITATION,
        tokenHash: SECOND_TOKEN_HASH,
        message: null,
        now: BEFORE_EXPIRY,
        expiresAt: '2025-03-24T12:00:00.000Z',
        remindAt: '2025-03-21T12:00:00.000Z',
      })
      .then([
        invitationResent({
          sentAt: BEFORE_EXPIRY,
          expiresAt: '2025-03-24T12:00:00.000Z',
          remindAt: '2025-03-21T12:00:00.000Z',
        }),
      ]);
    expect(resent).toMatchObject({ invitation: { remindAt: '2025-03-21T12:00:00.000Z', remindedAt: null } });
  });
});

const BATCH_IDS = { batchId: BATCH.batchId, poolId: BATCH.poolId };

describe('ReclassifyInvitee', () => {
  const reclassified = (classification: typeof INVALID): InviteeReclassified => ({
    type: 'InviteeReclassified',
    data: { inviteeId: INVITEE_ID, ...classification },
  });

  it('records a NEW person found INVALID against a passport created meanwhile, naming the fields', () => {
    const state = given(inviteeDecider, [inviteeStaged(NEW), invitationSent(), tokenIssued()])
      .when(reclassify(INVALID))
      .then([reclassified(INVALID)]);
    expect(state).toMatchObject({
      status: 'INVITED',
      uploadStatus: 'INVALID',
      discrepancies: INVALID.discrepancies,
    });
  });

  it('records nothing when the classification is the same, or once out of Uploaded and Invited', () => {
    given(inviteeDecider, [inviteeStaged(EXISTING)])
      .when(reclassify(EXISTING))
      .then([]);
    given(inviteeDecider, invitedThenAccepted()).when(reclassify(INVALID)).then([]);
  });

  it('an INVITED person found INVALID cannot accept: they are told, in words that name nothing on record', () => {
    const error = given(inviteeDecider, [
      inviteeStaged(NEW),
      invitationSent(),
      tokenIssued(),
      reclassified(INVALID),
    ])
      .when(acceptCommand())
      .thenThrows('BAD_USER_INPUT', 'do not match the Skills Passport');
    expect(error.message).not.toMatch(/1990|Ada|Lovelace/);
  });
});

describe('RemoveMember', () => {
  it('takes an accepted person out of the pool; the invitee is gone from the batch', () => {
    const state = given(inviteeDecider, invitedThenAccepted())
      .when(removeMember)
      .then([
        {
          type: 'MemberRemoved',
          data: { inviteeId: INVITEE_ID, ...BATCH_IDS, passportId: PASSPORT_ID, removedAt: AFTER_EXPIRY },
        },
      ]);
    expect(state.status).toBe('REMOVED');
  });

  it('answers NOT_FOUND for anyone not a member', () => {
    given(inviteeDecider, invitedWithToken()).when(removeMember).thenThrows('NOT_FOUND', 'not a member');
    given(inviteeDecider, []).when(removeMember).thenThrows('NOT_FOUND');
  });
});

describe('CorrectInvitee while invited', () => {
  const reinvitation = {
    invitationId: SECOND_INVITATION,
    tokenHash: SECOND_TOKEN_HASH,
    now: BEFORE_EXPIRY,
    expiresAt: '2025-03-24T12:00:00.000Z',
    remindAt: null,
  };
  /** The second invitation, sent when a correction changed where the first one's link went. */
  const resentBeforeExpiry = () =>
    invitationResent({
      message: 'Welcome aboard',
      sentAt: BEFORE_EXPIRY,
      expiresAt: '2025-03-24T12:00:00.000Z',
    });
  const corrected = (person = aPerson(), classification = EXISTING): InviteeCorrected => ({
    type: 'InviteeCorrected',
    data: { inviteeId: INVITEE_ID, person, ...classification },
  });

  it('a new email voids the old link and sends a new invitation to the new address', () => {
    const person = aPerson({ email: 'ada@example.net' });
    const state = given(inviteeDecider, invitedWithToken())
      .when({ ...correctCommand(person, NEW), reinvitation })
      .then([corrected(person, NEW), resentBeforeExpiry()]);
    expect(state).toMatchObject({
      status: 'INVITED',
      invitation: { invitationId: SECOND_INVITATION, tokenHash: SECOND_TOKEN_HASH },
    });
    // The new link works at once; the old one no longer does.
    const reinvited = [...invitedWithToken(), corrected(person, NEW), resentBeforeExpiry()];
    given(inviteeDecider, reinvited)
      .when(acceptCommand({ tokenHash: FIRST_TOKEN_HASH }))
      .thenThrows('BAD_USER_INPUT');
    given(inviteeDecider, reinvited)
      .when(acceptCommand({ tokenHash: SECOND_TOKEN_HASH }))
      .then([invitationAccepted({ invitationId: SECOND_INVITATION })]);
    given(inviteeDecider, [...invitedWithToken(), ...[corrected(person, NEW)]])
      .when(acceptCommand())
      .then([invitationAccepted()]);
  });

  it('a new mobile does the same; a new name keeps the link', () => {
    const mobile = aPerson({ mobile: '+61498765432' });
    const decided = given(inviteeDecider, invitedWithToken())
      .when({ ...correctCommand(mobile, EXISTING), reinvitation })
      .then([corrected(mobile), resentBeforeExpiry()]);
    expect(decided).toMatchObject({
      person: { mobile: '+61498765432' },
      invitation: { tokenHash: SECOND_TOKEN_HASH },
    });
    const named = aPerson({ preferredName: 'Augusta' });
    given(inviteeDecider, invitedWithToken())
      .when({ ...correctCommand(named, EXISTING), reinvitation })
      .then([corrected(named)]);
  });

  it('refuses details that differ from the passport (the person could not accept), naming the fields', () => {
    const error = given(inviteeDecider, invitedWithToken())
      .when({ ...correctCommand(aPerson({ firstName: 'Augusta' }), INVALID), reinvitation })
      .thenThrows('BAD_USER_INPUT', 'differ from');
    expect(error.errors.map((e) => e.field)).toEqual(['firstName', 'dateOfBirth']);
  });

  it('refuses a new address without a new invitation to send', () => {
    given(inviteeDecider, invitedWithToken())
      .when(correctCommand(aPerson({ email: 'ada@example.net' }), NEW))
      .thenThrows('BAD_USER_INPUT', 'new invitation');
  });
});
