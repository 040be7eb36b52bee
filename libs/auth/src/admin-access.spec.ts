import { namesSecondFactor, refusalOf } from './admin-access';
import type { Principal } from './principal';

const admin = (authenticationMethods: string[], roles = ['org-admin']): Principal => ({
  userId: 'u',
  organisationId: 'o',
  roles,
  authenticationMethods,
});

describe('who may run an admin operation', () => {
  it('needs the role the operation names', () => {
    expect(refusalOf(admin([]), 'org-admin', { requireSecondFactor: false })).toBeNull();
    expect(refusalOf(admin([], ['viewer']), 'org-admin', { requireSecondFactor: false })).toBe(
      'This operation needs the org-admin role',
    );
  });

  it('with a second factor required, needs amr to name one, and says so', () => {
    const rules = { requireSecondFactor: true };
    for (const method of ['mfa', 'otp', 'hwk', 'swk', 'fido']) {
      expect(refusalOf(admin(['pwd', method]), 'org-admin', rules)).toBeNull();
    }
    for (const methods of [[], ['pwd'], ['pwd', 'kba']]) {
      expect(refusalOf(admin(methods), 'org-admin', rules)).toBe(
        "This operation needs a second factor: sign in again with multi-factor authentication (the token's amr " +
          'claim must name one of mfa, otp, hwk, swk, fido)',
      );
    }
  });

  it('tells a second factor from one', () => {
    expect(namesSecondFactor(['pwd'])).toBe(false);
    expect(namesSecondFactor(['fido'])).toBe(true);
  });
});
