import { DuplicateKeyError } from '@invitations/read-store';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('leaves out the values a duplicate-key error quotes', () => {
    const error = new DuplicateKeyError('passports', { email: 'ada@example.org', mobile: '+61412345678' });

    expect(describeError(error)).toBe(
      'DuplicateKeyError: E11000 duplicate key error collection: passports dup key: <redacted>',
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
