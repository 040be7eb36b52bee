import { given } from '../testing/given-when-then';
import { passportKeyDecider } from './passport-key.decider';
import type { ClaimPassportKey } from './reservation.commands';
import type { PassportKeyClaimed } from './reservation.events';

const claim = (passportId: string): ClaimPassportKey => ({
  type: 'ClaimPassportKey',
  passportId,
  key: 'mobile',
});
const claimed = (passportId: string): PassportKeyClaimed => ({
  type: 'PassportKeyClaimed',
  data: { passportId, key: 'mobile' },
});

describe('passport key: a passport is unique per email and per mobile', () => {
  it('is claimed on an empty stream', () => {
    expect(
      given(passportKeyDecider, [])
        .when(claim('passport-a'))
        .then([claimed('passport-a')]),
    ).toEqual({
      passportId: 'passport-a',
    });
  });

  it('claiming again by the same passport changes nothing', () => {
    given(passportKeyDecider, [claimed('passport-a')])
      .when(claim('passport-a'))
      .then([]);
  });

  it('cannot be claimed by another passport', () => {
    given(passportKeyDecider, [claimed('passport-a')])
      .when(claim('passport-b'))
      .thenThrows('CONFLICT');
  });
});
