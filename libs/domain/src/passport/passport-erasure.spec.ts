import { given } from '../testing/given-when-then';
import { aPassport, PASSPORT_ID } from '../testing/invitee-fixtures';
import { erasedPassport } from '../personal-data/erased';
import { passportKeyDecider } from '../reservation/passport-key.decider';
import { passportDecider } from './passport.decider';
import type { Passport } from './passport';
import type { PassportEvent } from './passport.events';

const NOW = '2026-12-05T10:00:00.000Z';
const created: PassportEvent = { type: 'PassportCreated', data: aPassport() };
const erased: PassportEvent = { type: 'PassportErased', data: { passportId: PASSPORT_ID, erasedAt: NOW } };

describe('erasing a passport', () => {
  it('erases its personal fields, once', () => {
    const state = given(passportDecider, [created]).when({ type: 'ErasePassport', now: NOW }).then([erased]);
    expect(state).toEqual({ status: 'created', passport: erasedPassport(PASSPORT_ID), erased: true });
    given(passportDecider, [created, erased]).when({ type: 'ErasePassport', now: NOW }).then([]);
  });

  it('records the erasure of a passport whose key was destroyed by an erasure cut short', () => {
    const readErased: PassportEvent = {
      type: 'PassportCreated',
      data: { ...erasedPassport(PASSPORT_ID), erased: true } as Passport,
    };
    given(passportDecider, [readErased]).when({ type: 'ErasePassport', now: NOW }).then([erased]);
  });

  it('refuses a passport that does not exist, and never creates one over an erased one', () => {
    given(passportDecider).when({ type: 'ErasePassport', now: NOW }).thenThrows('NOT_FOUND');
    given(passportDecider, [created, erased])
      .when({ type: 'CreatePassport', passport: aPassport() })
      .thenThrows('CONFLICT');
  });
});

describe('releasing an erased passport’s email or mobile', () => {
  const claimed = {
    type: 'PassportKeyClaimed' as const,
    data: { passportId: PASSPORT_ID, key: 'email' as const },
  };

  it('frees the key for a new passport', () => {
    const released = {
      type: 'PassportKeyReleased' as const,
      data: { passportId: PASSPORT_ID, key: 'email' as const },
    };
    given(passportKeyDecider, [claimed])
      .when({ type: 'ReleasePassportKey', passportId: PASSPORT_ID, key: 'email' })
      .then([released]);
    given(passportKeyDecider, [claimed, released])
      .when({ type: 'ClaimPassportKey', passportId: 'passport-new', key: 'email' })
      .then([{ type: 'PassportKeyClaimed', data: { passportId: 'passport-new', key: 'email' } }]);
  });

  it('changes nothing for another passport’s key, or a free one', () => {
    given(passportKeyDecider, [claimed])
      .when({ type: 'ReleasePassportKey', passportId: 'passport-other', key: 'email' })
      .then([]);
    given(passportKeyDecider)
      .when({ type: 'ReleasePassportKey', passportId: PASSPORT_ID, key: 'email' })
      .then([]);
  });
});
