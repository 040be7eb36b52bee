import { SignJWT } from 'jose';
import { ORG_ADMIN_ROLE } from './principal';

export interface DevTokenClaims {
  sub: string;
  org: string;
  roles?: string[];
  /** Lifetime, e.g. '12h' (jose's time span syntax). */
  expiresIn?: string;
}

/** An HS256 admin token signed with JWT_SECRET, for development and tests (`npm run token`). */
export function mintDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  return new SignJWT({ org: claims.org, roles: claims.roles ?? [ORG_ADMIN_ROLE] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}
