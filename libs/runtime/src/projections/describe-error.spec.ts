import { MongoServerError } from 'mongodb';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('leaves out the values a duplicate-key error quotes', () => {
    const message =
      'E11000 duplicate key error collection: invitations.passports index: email_unique dup key: { email: "ada@example.org", mobile: "+61412345678" }';
    const error = new MongoServerError({ message, code: 11000 });

    expect(describeError(error)).toBe(
      'MongoServerError: E11000 duplicate key error collection: invitations.passports index: email_unique dup key: <redacted>',
    );
  });

  it('leaves out anything that looks like an email', () => {
    expect(describeError(new TypeError('cannot read "x" of ada.lovelace@example.org'))).toBe(
      'TypeError: cannot read "x" of <email>',
    );
  });

  it('says so when what was thrown is not an Error', () => {
    expect(describeError('ada@example.org')).toBe('a non-Error value was thrown');
  });
});
