import { fold, ServiceError } from '@invitations/kernel';
import { UNUSABLE_TOKEN_MESSAGE } from './invitee.messages';
import {
  AFTER_EXPIRY,
  BEFORE_EXPIRY,
  FIRST_TOKEN_HASH,
  invitedThenAccepted,
  invitedWithToken,
  stagedThenRemoved,
  unusableTokens,
} from '../testing/invitee-fixtures';
import { acceptabilityOf } from './acceptance.decisions';
import { inviteeDecider } from './invitee.decider';
import type { InviteeEvent } from './invitee.events';

const stateAfter = (events: InviteeEvent[]) => fold(inviteeDecider, events);

function refusal(events: InviteeEvent[], tokenHash: string, now: string): unknown {
  try {
    acceptabilityOf(stateAfter(events), tokenHash, now);
  } catch (error) {
    return error;
  }
  return null;
}

describe('acceptabilityOf: what a presented token can do, asked before anything is written', () => {
  it('is acceptable with the current invitation’s token before it expires', () => {
    expect(acceptabilityOf(stateAfter(invitedWithToken()), FIRST_TOKEN_HASH, BEFORE_EXPIRY)).toBe(
      'acceptable',
    );
  });

  it('is accepted already with the token that accepted', () => {
    const accepted = invitedThenAccepted();
    expect(acceptabilityOf(stateAfter(accepted), FIRST_TOKEN_HASH, AFTER_EXPIRY)).toBe('accepted-already');
  });

  it.each([...unusableTokens(), ['a removed invitee', stagedThenRemoved(), FIRST_TOKEN_HASH, BEFORE_EXPIRY]])(
    'refuses %s with the one generic message',
    (_case, events, tokenHash, now) => {
      const error = refusal(events, tokenHash, now);
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: UNUSABLE_TOKEN_MESSAGE });
    },
  );
});
