import type { Principal } from './principal';

/**
 * The `amr` values (RFC 8176) that name a second factor: multiple factors, a one-time password, a hardware or
 * software key held by the user, or FIDO. `pwd` alone, or nothing, is one factor.
 */
export const SECOND_FACTOR_METHODS: readonly string[] = ['mfa', 'otp', 'hwk', 'swk', 'fido'];

export interface AdminAccessRules {
  /** JWT_REQUIRE_MFA: every authenticated operation needs a token whose `amr` names a second factor. */
  requireSecondFactor: boolean;
}

export function namesSecondFactor(methods: readonly string[]): boolean {
  return methods.some((method) => SECOND_FACTOR_METHODS.includes(method));
}

/**
 * Why the principal of a verified token may not run an operation that needs `role` (a message for a FORBIDDEN
 * answer), or null when it may.
 */
export function refusalOf(principal: Principal, role: string, rules: AdminAccessRules): string | null {
  if (!principal.roles.includes(role)) return `This operation needs the ${role} role`;
  if (rules.requireSecondFactor && !namesSecondFactor(principal.authenticationMethods)) {
    return (
      "This operation needs a second factor: sign in again with multi-factor authentication (the token's amr " +
      `claim must name one of ${SECOND_FACTOR_METHODS.join(', ')})`
    );
  }
  return null;
}
