type Env = Record<string, string | undefined>;

/** How admin tokens are verified (see the README's configuration table). */
export interface JwtConfig {
  /** HS256 secret (development, the embedded default). */
  secret: string | null;
  /** An identity provider's JWKS; JWT_ISSUER and JWT_AUDIENCE are then required. */
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  /** JWT_REQUIRE_MFA: admin operations need a token whose `amr` claim names a second factor. */
  requireMfa: boolean;
  /** How long keys fetched from the JWKS are used before it is fetched again. */
  jwksCacheSeconds: number;
  /** The least time between two fetches of the JWKS (a token with an unknown key makes it fetch again). */
  jwksCooldownSeconds: number;
}

/**
 * Reads the JWT_* settings, adding what is wrong to `problems`. A JWKS without an issuer and an audience would
 * accept every token the identity provider signs, for any of its applications: the service refuses to start.
 */
export function readJwtConfig(env: Env, problems: string[]): JwtConfig {
  const text = (name: string): string | null => env[name]?.trim() || null;
  const seconds = (name: string, fallback: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0) return value;
    problems.push(`${name} must be a number of seconds ≥ 0 (got "${raw}")`);
    return fallback;
  };
  const jwksUrl = text('JWT_JWKS_URL');
  const issuer = text('JWT_ISSUER');
  const audience = text('JWT_AUDIENCE');
  if (jwksUrl !== null) {
    if (!/^https?:\/\//.test(jwksUrl))
      problems.push(`JWT_JWKS_URL must be an http(s) URL (got "${jwksUrl}")`);
    const missing = [issuer === null ? 'JWT_ISSUER' : null, audience === null ? 'JWT_AUDIENCE' : null].filter(
      (name): name is string => name !== null,
    );
    if (missing.length > 0) {
      problems.push(
        `JWT_JWKS_URL is set, so ${missing.join(' and ')} must be set too: the issuer and the audience the ` +
          `identity provider's tokens name for this service (without them, a token it issued for another ` +
          `application would be accepted)`,
      );
    }
  }
  const requireMfa = (text('JWT_REQUIRE_MFA') ?? 'false').toLowerCase();
  if (requireMfa !== 'true' && requireMfa !== 'false') {
    problems.push(`JWT_REQUIRE_MFA must be "true" or "false" (got "${env.JWT_REQUIRE_MFA}")`);
  }
  return {
    secret: text('JWT_SECRET'),
    jwksUrl,
    issuer,
    audience,
    requireMfa: requireMfa === 'true',
    jwksCacheSeconds: seconds('JWT_JWKS_CACHE_SECONDS', 600),
    jwksCooldownSeconds: seconds('JWT_JWKS_COOLDOWN_SECONDS', 30),
  };
}
