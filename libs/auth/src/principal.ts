/** The admin acting on a request, from the verified token's claims. */
export interface Principal {
  /** `sub`: recorded as the actor of every event the request causes. */
  userId: string;
  /** `org`: the organisation (tenant) every query and command is scoped to. */
  organisationId: string;
  roles: string[];
  /** `name`: the admin's display name, recorded beside `sub` in the audit; absent when the token has none. */
  displayName?: string;
  /** `amr`: how the user signed in (RFC 8176 values, e.g. pwd, otp); empty when the token does not say. */
  authenticationMethods: string[];
}

export const ORG_ADMIN_ROLE = 'org-admin';
export const OPS_ROLE = 'ops';
