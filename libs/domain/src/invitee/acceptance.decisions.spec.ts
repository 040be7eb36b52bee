import { UNUSABLE_TOKEN_MESSAGE } from './invitee.messages';
import { given } from '../testing/given-when-then';
import {
  acceptCommand,
  AFTER_EXPIRY,
  BEFORE_EXPIRY,
  EXPIRES_AT,
  invitationAccepted,
  invitationResent,
  invitationRevoked,
  invitationSentWithoutToken,
  invitedThenAccepted,
  invitedThenExpired,
  invitedThenResent,
  invitedThenRevoked,
  invitedWithToken,
  inviteeRemoved,
  inviteeStaged,
  PASSPORT_ID,
  RESENT_AT,
  SECOND_INVITATION,
  SECOND_TOKEN_HASH,
  tokenIssued,
} from '../testing/invitee-fixtures';
import type { AcceptInvitation } from './invitee.commands';
import { inviteeDecider } from './invitee.decider';
import type { InviteeEvent } from './invitee.events';

describe('AcceptInvitation', () => {
  it('accepts with the token of the current invitation before it expires', () => {
    const state = given(inviteeDecider, invitedWithToken())
      .when(acceptCommand())
      .then([invitationAccepted()]);
    expect(state).toMatchObject({
      status: 'ACCEPTED',
      acceptedAt: BEFORE_EXPIRY,
      autoAccepted: false,
      passportId: PASSPORT_ID,
    });
  });

  it('joins with the passport of the command (the one just created for a NEW person)', () => {
    given(inviteeDecider, invitedWithToken())
      .when(acceptCommand({ passportId: 'passport-new' }))
      .then([invitationAccepted({ passportId: 'passport-new' })]);
  });

  it('accepts with the token of a resent invitation', () => {
    const events = [
      ...invitedWithToken(),
      invitationResent(),
      tokenIssued(SECOND_INVITATION, SECOND_TOKEN_HASH),
    ];
    given(inviteeDecider, events)
      .when(acceptCommand({ tokenHash: SECOND_TOKEN_HASH, now: RESENT_AT }))
      .then([invitationAccepted({ invitationId: SECOND_INVITATION, acceptedAt: RESENT_AT })]);
  });

  it('is harmless the second time with the same token: no events, no error', () => {
    given(inviteeDecider, invitedThenAccepted()).when(acceptCommand()).then([]);
    given(inviteeDecider, invitedThenAccepted())
      .when(acceptCommand({ now: AFTER_EXPIRY }))
      .then([]);
  });

  const refusals: [string, InviteeEvent[], Partial<AcceptInvitation>][] = [
    ['an unknown token', invitedWithToken(), { tokenHash: 'c'.repeat(64) }],
    [
      'a token replaced by a later issue for the same invitation',
      [...invitedWithToken(), tokenIssued(undefined, SECOND_TOKEN_HASH)],
      {},
    ],
    [
      'a superseded token (the invitation was resent)',
      [...invitedWithToken(), invitationResent(), tokenIssued(SECOND_INVITATION, SECOND_TOKEN_HASH)],
      { now: RESENT_AT },
    ],
    ['a token of a resent invitation not yet issued', invitedThenResent(), { now: RESENT_AT }],
    ['a revoked invitation', invitedThenRevoked(), {}],
    ['an expired invitation', invitedThenExpired(), {}],
    ['an invitation past its expiry, not yet marked expired', invitedWithToken(), { now: AFTER_EXPIRY }],
    ['an invitation at the very instant of its expiry', invitedWithToken(), { now: EXPIRES_AT }],
    [
      'an invitation sent without its token, never issued one',
      [inviteeStaged(), invitationSentWithoutToken()],
      {},
    ],
    ['a removed invitee', [...invitedWithToken(), invitationRevoked(), inviteeRemoved()], {}],
    ['an invitee never invited', [inviteeStaged()], {}],
    ['an unknown invitee', [], {}],
    ['a different token after acceptance', invitedThenAccepted(), { tokenHash: SECOND_TOKEN_HASH }],
    [
      'an auto-accepted invitee',
      [inviteeStaged(), invitationAccepted({ invitationId: null, autoAccepted: true })],
      {},
    ],
  ];

  it.each(refusals)('refuses %s with the one message that reveals nothing', (_why, events, overrides) => {
    const error = given(inviteeDecider, events).when(acceptCommand(overrides)).thenThrows('BAD_USER_INPUT');
    expect(error.message).toBe(UNUSABLE_TOKEN_MESSAGE);
    expect(error.errors).toEqual([]);
  });
});
