import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';

export interface TokenVerifierOptions {
  /** HS256 shared secret (development and the embedded default). */
  secret: string | null;
  /** JWKS of an identity provider: RS256/ES256 tokens. */
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
}

/** Why a token was refused; the message is safe to show to the client. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Verifies bearer tokens (signature, expiry, issuer, audience) and reads the principal from their claims. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'ES256'];
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('TokenVerifier needs JWT_SECRET or JWT_JWKS_URL');
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        algorithms: this.algorithms,
        issuer: this.options.issuer ?? undefined,
        audience: this.options.audience ?? undefined,
      };
      const result =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions);
      payload = result.payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
      throw new InvalidTokenError('The token is not valid');
    }
    return principalFrom(payload);
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const { sub, org, roles } = payload as JWTPayload & { org?: unknown; roles?: unknown };
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('The token has no subject (sub)');
  if (typeof org !== 'string' || org === '')
    throw new InvalidTokenError('The token has no organisation (org)');
  const roleList = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  return { userId: sub, organisationId: org, roles: roleList };
}
