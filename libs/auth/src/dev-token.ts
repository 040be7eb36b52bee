import { SignJWT } from 'jose';
import { ORG_ADMIN_ROLE } from './principal';

/** How long a development token lives unless told otherwise: short, so that one left in a shell history soon dies. */
export const DEV_TOKEN_LIFETIME = '1h';

export interface DevTokenClaims {
  sub: string;
  org: string;
  roles?: string[];
  /** `amr`: how the admin signed in, e.g. ['pwd', 'mfa'] (see JWT_REQUIRE_MFA). */
  amr?: string[];
  /** `name`: the admin's display name, recorded in the audit beside `sub`. */
  name?: string;
  /** Lifetime, e.g. '15m' (jose's time span syntax); default {@link DEV_TOKEN_LIFETIME}. */
  expiresIn?: string;
}

/** An HS256 admin token signed with JWT_SECRET, for development and tests (`npm run token`). */
export function mintDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  return new SignJWT({
    org: claims.org,
    roles: claims.roles ?? [ORG_ADMIN_ROLE],
    ...(claims.amr ? { amr: claims.amr } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? DEV_TOKEN_LIFETIME)
    .sign(new TextEncoder().encode(secret));
}
