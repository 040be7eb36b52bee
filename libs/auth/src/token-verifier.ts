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
  /**
   * Tokens verified lately, until their expiry or for VERIFIED_FOR_MS at most: an admin's console sends the same
   * token with every request, and checking its signature again each time cost as much as the rest of a small query.
   * The exact token string is the key, so nothing but that token, unaltered, is spared the check.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  /** How long a verified token is taken on trust (see VERIFIED_FOR_MS). */
  private readonly trustMs: number;

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
      // A key removed from the JWKS refuses its tokens once the JWKS is fetched again: never trusted for longer.
      this.trustMs = Math.min(VERIFIED_FOR_MS, (options.jwksCacheSeconds ?? 600) * 1000);
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
      this.trustMs = VERIFIED_FOR_MS;
    } else {
      throw new Error('TokenVerifier needs JWT_SECRET or JWT_JWKS_URL');
    }
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known !== undefined && now < known.until) return copyOf(known.principal);
    if (known !== undefined) this.verified.delete(token);
    const { principal, expiresAt } = await this.verifyNow(token);
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, { principal, until: Math.min(expiresAt, now + this.trustMs) });
    return copyOf(principal);
  }

  private async verifyNow(token: string): Promise<{ principal: Principal; expiresAt: number }> {
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
    // exp is a required claim: jwtVerify refuses a token without one.
    return { principal: principalFrom(payload), expiresAt: (payload.exp as number) * 1000 };
  }
}

/**
 * How long a verified token is taken on trust at most (its expiry is checked each time); with an identity provider,
 * no longer than its JWKS is kept, so a key withdrawn from it stops its tokens as soon as it would without this.
 */
const VERIFIED_FOR_MS = 60_000;
/** The most tokens remembered (all forgotten at once beyond it). */
const MAX_VERIFIED = 10_000;

/** Each request gets a principal of its own: one request's changes never reach another's. */
function copyOf(principal: Principal): Principal {
  return {
    ...principal,
    roles: [...principal.roles],
    authenticationMethods: [...principal.authenticationMethods],
  };
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
