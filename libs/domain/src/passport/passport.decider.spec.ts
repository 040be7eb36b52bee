import { aPassport } from '../testing/invitee-fixtures';
import { given } from '../testing/given-when-then';
import { passportDecider } from './passport.decider';
import type { PassportCreated } from './passport.events';

const created = (): PassportCreated => ({ type: 'PassportCreated', data: aPassport() });

describe('passport', () => {
  it('is created once, from the details given', () => {
    given(passportDecider, []).when({ type: 'CreatePassport', passport: aPassport() }).then([created()], {
      status: 'created',
      passport: aPassport(),
    });
  });

  it('is never overwritten: nothing an admin does changes an existing passport', () => {
    given(passportDecider, [created()])
      .when({ type: 'CreatePassport', passport: aPassport({ firstName: 'Augusta' }) })
      .thenThrows('CONFLICT');
  });
});
