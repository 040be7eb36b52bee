import { given, itRefuses } from '../testing/given-when-then';
import {
  acceptCommand,
  AFTER_EXPIRY,
  BEFORE_EXPIRY,
  EXISTING,
  expireCommand,
  EXPIRES_AT,
  FIRST_INVITATION,
  FIRST_TOKEN_HASH,
  INVALID,
  invitationAccepted,
  invitationExpired,
  invitationResent,
  invitationRevoked,
  invitationSent,
  invitationSentWithoutToken,
  invitedThenAccepted,
  invitedThenResent,
  invitedWithToken,
  inviteeRemoved,
  inviteeStaged,
  issueTokenCommand,
  PASSPORT_ID,
  resendCommand,
  RESENT_EXPIRES_AT,
  revokeCommand,
  SECOND_INVITATION,
  SECOND_TOKEN_HASH,
  sendCommand,
  SENT_AT,
  stagedThenRemoved,
  tokenIssued,
} from '../testing/invitee-fixtures';
import { inviteeDecider } from './invitee.decider';

const accepted = invitedThenAccepted();
const revoked = [inviteeStaged(), invitationSent(), tokenIssued(), invitationRevoked()];
const expired = [inviteeStaged(), invitationSent(), tokenIssued(), invitationExpired()];

describe('SendInvitation', () => {
  it("sends an invitation to an uploaded person with its token's hash: the link works at once", () => {
    const state = given(inviteeDecider, [inviteeStaged(EXISTING)])
      .when(sendCommand())
      .then([invitationSent()]);
    expect(state).toMatchObject({
      status: 'INVITED',
      invitedAt: SENT_AT,
      invitation: { invitationId: FIRST_INVITATION, expiresAt: EXPIRES_AT, tokenHash: FIRST_TOKEN_HASH },
    });
    given(inviteeDecider, [inviteeStaged(EXISTING), invitationSent()])
      .when(acceptCommand())
      .then([invitationAccepted()]);
  });

  it('invites a NEW person', () => {
    given(inviteeDecider, [inviteeStaged()])
      .when(sendCommand({ message: null }))
      .then([invitationSent({ message: null })]);
  });

  it('refuses an INVALID person: the details differ from the passport and must be corrected, naming the fields', () => {
    const error = given(inviteeDecider, [inviteeStaged(INVALID)])
      .when(sendCommand())
      .thenThrows('BAD_USER_INPUT', 'differ from their Skills Passport: correct them');
    expect(error.errors.map((fieldError) => fieldError.field)).toEqual(['firstName', 'dateOfBirth']);
  });

  it('accepts at once, with no invitation, a person already a member of another pool of the organisation', () => {
    const state = given(inviteeDecider, [inviteeStaged(EXISTING)])
      .when(sendCommand({ memberElsewhereWithPassportId: PASSPORT_ID }))
      .then([invitationAccepted({ invitationId: null, autoAccepted: true, acceptedAt: SENT_AT })]);
    expect(state).toMatchObject({
      status: 'ACCEPTED',
      autoAccepted: true,
      acceptedAt: SENT_AT,
      invitedAt: SENT_AT,
      invitation: null,
    });
  });

  it('refuses a person already invited', () => {
    given(inviteeDecider, invitedWithToken()).when(sendCommand()).thenThrows('CONFLICT', 'already invited');
  });

  it('refuses a person who has already accepted', () => {
    given(inviteeDecider, accepted).when(sendCommand()).thenThrows('CONFLICT', 'already accepted');
  });

  it.each([
    ['revoked', revoked],
    ['expired', expired],
  ])('refuses a person whose invitation was %s: that is a resend', (_status, events) => {
    given(inviteeDecider, events).when(sendCommand()).thenThrows('BAD_USER_INPUT', 'resend');
  });

  it('answers NOT_FOUND for an invitee that does not exist or was removed', () => {
    given(inviteeDecider, []).when(sendCommand()).thenThrows('NOT_FOUND');
    given(inviteeDecider, stagedThenRemoved()).when(sendCommand()).thenThrows('NOT_FOUND');
  });
});

describe('ResendInvitation', () => {
  it.each([
    ['INVITED', invitedWithToken()],
    ['EXPIRED', expired],
    ['REVOKED (revoking by mistake happens)', revoked],
  ])('sends a new invitation to a person %s, replacing the previous one', (_status, events) => {
    const state = given(inviteeDecider, events).when(resendCommand()).then([invitationResent()]);
    expect(state).toMatchObject({
      status: 'INVITED',
      invitedAt: SENT_AT,
      invitation: {
        invitationId: SECOND_INVITATION,
        expiresAt: RESENT_EXPIRES_AT,
        tokenHash: SECOND_TOKEN_HASH,
      },
    });
  });

  it('names the latest invitation as the previous one after several resends', () => {
    given(inviteeDecider, invitedThenResent())
      .when(resendCommand({ invitationId: 'invitation-0003' }))
      .then([invitationResent({ invitationId: 'invitation-0003', previousInvitationId: SECOND_INVITATION })]);
  });

  itRefuses(inviteeDecider, resendCommand, [
    [
      'a person not invited yet: send first',
      [inviteeStaged()],
      'BAD_USER_INPUT',
      'send the invitation first',
    ],
    ['a person who has accepted', accepted, 'CONFLICT', 'already accepted'],
    ['a removed invitee (NOT_FOUND)', [...expired, inviteeRemoved()], 'NOT_FOUND', undefined],
  ]);
});

describe('IssueInvitationToken', () => {
  it('records the token hash of an invitation sent without it (before the hash was recorded as it is sent)', () => {
    const state = given(inviteeDecider, [inviteeStaged(), invitationSentWithoutToken()])
      .when(issueTokenCommand())
      .then([tokenIssued()]);
    expect(state).toMatchObject({
      invitation: { invitationId: FIRST_INVITATION, tokenHash: FIRST_TOKEN_HASH },
    });
  });

  it('replaces the hash when issued again for the same invitation: the previous token stops working', () => {
    const state = given(inviteeDecider, invitedWithToken())
      .when(issueTokenCommand({ tokenHash: SECOND_TOKEN_HASH }))
      .then([tokenIssued(FIRST_INVITATION, SECOND_TOKEN_HASH)]);
    expect(state).toMatchObject({ invitation: { tokenHash: SECOND_TOKEN_HASH } });
  });

  it('changes nothing when the same hash is issued again (a redelivered notification)', () => {
    given(inviteeDecider, invitedWithToken()).when(issueTokenCommand()).then([]);
  });

  it.each([
    ['superseded by a resend', invitedThenResent()],
    ['revoked', revoked],
    ['expired', expired],
    ['accepted', accepted],
    ['removed', [...revoked, inviteeRemoved()]],
    ['never sent', [inviteeStaged()]],
    ['of an unknown invitee', []],
  ])('issues nothing for an invitation %s', (_why, events) => {
    given(inviteeDecider, events)
      .when(issueTokenCommand({ tokenHash: SECOND_TOKEN_HASH }))
      .then([]);
  });
});

describe('RevokeInvitation', () => {
  it('revokes a pending invitation', () => {
    const state = given(inviteeDecider, invitedWithToken()).when(revokeCommand()).then([invitationRevoked()]);
    expect(state).toMatchObject({ status: 'REVOKED' });
  });

  it('revokes an expired invitation', () => {
    given(inviteeDecider, expired)
      .when(revokeCommand(AFTER_EXPIRY))
      .then([invitationRevoked(FIRST_INVITATION, AFTER_EXPIRY)]);
  });

  it('revokes the latest invitation after a resend', () => {
    given(inviteeDecider, invitedThenResent())
      .when(revokeCommand())
      .then([invitationRevoked(SECOND_INVITATION)]);
  });

  itRefuses(inviteeDecider, () => revokeCommand(), [
    ['a person not invited yet', [inviteeStaged()], 'BAD_USER_INPUT', 'not been invited'],
    ['an invitation already revoked', revoked, 'CONFLICT', 'already been revoked'],
    ['a person who has accepted', accepted, 'CONFLICT', 'already accepted'],
    ['an invitee that does not exist (NOT_FOUND)', [], 'NOT_FOUND', undefined],
  ]);
});

describe('ExpireInvitation', () => {
  it('expires a pending invitation once its time is up, as of its expiry', () => {
    const state = given(inviteeDecider, invitedWithToken())
      .when(expireCommand(AFTER_EXPIRY))
      .then([invitationExpired()]);
    expect(state).toMatchObject({ status: 'EXPIRED' });
  });

  it('expires it at the very instant of expiry', () => {
    given(inviteeDecider, invitedWithToken()).when(expireCommand(EXPIRES_AT)).then([invitationExpired()]);
  });

  it('compares instants by time, not by their text', () => {
    given(inviteeDecider, invitedWithToken())
      .when(expireCommand('2025-03-16T10:00:00+01:00'))
      .then([invitationExpired()]);
    given(inviteeDecider, invitedWithToken()).when(expireCommand('2025-03-16T09:59:59+01:00')).then([]);
  });

  it('does nothing before the invitation expires', () => {
    given(inviteeDecider, invitedWithToken()).when(expireCommand(BEFORE_EXPIRY)).then([]);
  });

  it('does not expire a resent invitation by the previous expiry', () => {
    given(inviteeDecider, invitedThenResent()).when(expireCommand(AFTER_EXPIRY)).then([]);
  });

  it.each([
    ['already expired', expired],
    ['revoked', revoked],
    ['accepted', accepted],
    ['uploaded', [inviteeStaged()]],
    ['removed', [...revoked, inviteeRemoved()]],
    ['unknown', []],
  ])('does nothing, and refuses nothing, for an invitee %s (safe for a scheduler)', (_why, events) => {
    given(inviteeDecider, events).when(expireCommand(AFTER_EXPIRY)).then([]);
  });
});

describe('the admin’s message', () => {
  const tooLong = 'x'.repeat(2001);

  it('goes out with an invitation up to 2,000 characters', () => {
    given(inviteeDecider, [inviteeStaged()])
      .when(sendCommand({ message: 'y'.repeat(2000) }))
      .then([invitationSent({ message: 'y'.repeat(2000) })]);
  });

  it('is refused when longer, naming the field, on sending and on resending', () => {
    const sent = given(inviteeDecider, [inviteeStaged()]).when(sendCommand({ message: tooLong }));
    expect(sent.thenThrows('BAD_USER_INPUT', '2000').errors).toEqual([
      { field: 'message', message: 'must be at most 2000 characters' },
    ]);
    given(inviteeDecider, [inviteeStaged(), invitationSent(), invitationRevoked()])
      .when(resendCommand({ message: tooLong }))
      .thenThrows('BAD_USER_INPUT', '2000');
  });
});
