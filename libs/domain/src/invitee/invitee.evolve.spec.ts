import { fold } from '@invitations/kernel';
import {
  aPerson,
  BATCH,
  BEFORE_EXPIRY,
  EXISTING,
  EXPIRES_AT,
  FIRST_INVITATION,
  FIRST_TOKEN_HASH,
  INVALID,
  invitationAccepted,
  invitationResent,
  invitationSent,
  invitationSentWithoutToken,
  INVITEE_ID,
  inviteeCorrected,
  inviteeRemoved,
  inviteeStaged,
  RESENT_AT,
  RESENT_EXPIRES_AT,
  SECOND_INVITATION,
  SECOND_TOKEN_HASH,
  SENT_AT,
  STAGED_AT,
  stagedThenRemoved,
  tokenIssued,
} from '../testing/invitee-fixtures';
import { inviteeDecider } from './invitee.decider';
import type { InviteeEvent } from './invitee.events';
import type { InviteeState } from './invitee.state';

const history: InviteeEvent[] = [
  inviteeStaged(INVALID),
  inviteeCorrected(aPerson({ firstName: 'Augusta' }), EXISTING),
  invitationSent(),
  tokenIssued(),
  invitationResent(),
  tokenIssued(SECOND_INVITATION, SECOND_TOKEN_HASH),
  invitationAccepted({ invitationId: SECOND_INVITATION, acceptedAt: RESENT_AT }),
];

const uploaded: InviteeState = {
  status: 'UPLOADED',
  inviteeId: INVITEE_ID,
  ...BATCH,
  person: aPerson(),
  ...INVALID,
  uploadId: null,
  stagedAt: STAGED_AT,
  invitation: null,
  invitedAt: null,
  acceptedAt: null,
  autoAccepted: false,
  declinedAt: null,
};

describe('invitee state', () => {
  it('starts absent', () => {
    expect(inviteeDecider.initialState()).toEqual({ status: 'absent' });
  });

  it('is folded from the whole history', () => {
    expect(fold(inviteeDecider, history)).toEqual({
      ...uploaded,
      person: aPerson({ firstName: 'Augusta' }),
      ...EXISTING,
      status: 'ACCEPTED',
      invitation: {
        invitationId: SECOND_INVITATION,
        sentAt: RESENT_AT,
        expiresAt: RESENT_EXPIRES_AT,
        message: null,
        tokenHash: SECOND_TOKEN_HASH,
        remindAt: null,
        remindedAt: null,
      },
      invitedAt: SENT_AT,
      acceptedAt: RESENT_AT,
    });
  });

  it('is rebuilt as it stood at an earlier point by folding a prefix of the history (the basis of "as of")', () => {
    expect(fold(inviteeDecider, history.slice(0, 1))).toEqual(uploaded);
    expect(fold(inviteeDecider, history.slice(0, 4))).toEqual({
      ...uploaded,
      person: aPerson({ firstName: 'Augusta' }),
      ...EXISTING,
      status: 'INVITED',
      invitation: {
        invitationId: FIRST_INVITATION,
        sentAt: SENT_AT,
        expiresAt: EXPIRES_AT,
        message: 'Welcome aboard',
        tokenHash: FIRST_TOKEN_HASH,
        remindAt: null,
        remindedAt: null,
      },
      invitedAt: SENT_AT,
    });
  });

  it('never changes a state once folded: evolving further leaves earlier states as they were', () => {
    const earlier = fold(inviteeDecider, history.slice(0, 4));
    const snapshot = structuredClone(earlier);
    history.slice(4).reduce(inviteeDecider.evolve, earlier);
    expect(earlier).toEqual(snapshot);
  });

  it('keeps the details of a removed invitee, with status REMOVED', () => {
    expect(fold(inviteeDecider, stagedThenRemoved())).toEqual({
      ...uploaded,
      ...inviteeStaged().data,
      status: 'REMOVED',
    });
  });

  it('counts an auto-accepted person as invited when accepted', () => {
    const state = fold(inviteeDecider, [
      inviteeStaged(EXISTING),
      invitationAccepted({ invitationId: null, autoAccepted: true, acceptedAt: BEFORE_EXPIRY }),
    ]);
    expect(state).toMatchObject({
      status: 'ACCEPTED',
      autoAccepted: true,
      invitedAt: BEFORE_EXPIRY,
      invitation: null,
    });
  });

  it('ignores a token issued for an invitation that is no longer the current one', () => {
    const events = [inviteeStaged(), invitationSent(), invitationResent(), tokenIssued(FIRST_INVITATION)];
    expect(fold(inviteeDecider, events)).toMatchObject({
      invitation: { invitationId: SECOND_INVITATION, tokenHash: SECOND_TOKEN_HASH },
    });
  });

  it("holds an invitation's token hash from its sending; one sent without it has none until it is issued", () => {
    expect(fold(inviteeDecider, [inviteeStaged(), invitationSent()])).toMatchObject({
      invitation: { invitationId: FIRST_INVITATION, tokenHash: FIRST_TOKEN_HASH },
    });
    const sentWithout = [inviteeStaged(), invitationSentWithoutToken()];
    expect(fold(inviteeDecider, sentWithout)).toMatchObject({ invitation: { tokenHash: null } });
    expect(fold(inviteeDecider, [...sentWithout, tokenIssued()])).toMatchObject({
      invitation: { tokenHash: FIRST_TOKEN_HASH },
    });
  });

  it('ignores events before staging rather than fabricating an invitee', () => {
    expect(fold(inviteeDecider, [invitationSent(), inviteeRemoved()])).toEqual({ status: 'absent' });
  });
});
