import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';

export interface TokenVerifierOptions {
  /** HS256 shared secret (development and the embedded default). */
  secret: string | null;
  /** JWKS of an identity provider: RS256/ES256 tokens. Needs `issuer` and `audience`. */
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  /** How long keys fetched from the JWKS are used before it is fetched again (default 600). */
  jwksCacheSeconds?: number;
  /** The least time between two fetches of the JWKS, as for a token signed with a key not yet known (default 30). */
  jwksCooldownSeconds?: number;
}

/** Why a token was refused; the message is safe to show to the client. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Verifies bearer tokens (signature, expiry, issuer, audience) and reads the principal from their claims. A token
 * must expire (`exp`): one that does not would be good for ever once leaked. With an identity provider's JWKS the
 * issuer and the audience are required too: the provider signs tokens for every application it serves, and only
 * those it issued for this one may pass.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      if (!options.issuer || !options.audience) {
        throw new Error(
          'TokenVerifier with a JWKS needs the issuer and the audience (JWT_ISSUER, JWT_AUDIENCE) its tokens must name',
        );
      }
      this.key = createRemoteJWKSet(new URL(options.jwksUrl), {
        cacheMaxAge: (options.jwksCacheSeconds ?? 600) * 1000,
        cooldownDuration: (options.jwksCooldownSeconds ?? 30) * 1000,
      });
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
        requiredClaims: ['exp'],
      };
      const result =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions);
      payload = result.payload;
    } catch (error) {
      throw new InvalidTokenError(refusalMessage(error));
    }
    return principalFrom(payload);
  }
}

/** What to tell the client of a refused token: enough to fix its side, nothing of the keys. */
function refusalMessage(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp') return 'The token has no expiry (exp): only tokens that expire are accepted';
    if (error.claim === 'iss') return 'The token was not issued by the expected identity provider (iss)';
    if (error.claim === 'aud') return 'The token was not issued for this service (aud)';
  }
  return 'The token is not valid';
}

/** A display name longer than this is cut: it is recorded with every event the admin causes. */
const MAX_NAME = 200;

function principalFrom(payload: JWTPayload): Principal {
  const { sub, org, roles, amr, name } = payload as JWTPayload & {
    org?: unknown;
    roles?: unknown;
    amr?: unknown;
    name?: unknown;
  };
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('The token has no subject (sub)');
  if (typeof org !== 'string' || org === '')
    throw new InvalidTokenError('The token has no organisation (org)');
  const principal: Principal = {
    userId: sub,
    organisationId: org,
    roles: strings(roles),
    authenticationMethods: strings(amr),
  };
  if (typeof name === 'string' && name.trim() !== '') principal.displayName = name.trim().slice(0, MAX_NAME);
  return principal;
}

function strings(claim: unknown): string[] {
  return Array.isArray(claim) ? claim.filter((item): item is string => typeof item === 'string') : [];
}
