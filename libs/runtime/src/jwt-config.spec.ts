import { ConfigError, loadConfig } from './config';

describe('the token settings (JWT_*)', () => {
  const idp = {
    JWT_JWKS_URL: 'https://idp.example.test/.well-known/jwks.json',
    JWT_ISSUER: 'https://idp.example.test/',
    JWT_AUDIENCE: 'invitations',
  };

  it('reads an identity provider with its issuer and audience, and the defaults', () => {
    expect(loadConfig(idp).jwt).toEqual({
      secret: null,
      jwksUrl: idp.JWT_JWKS_URL,
      issuer: idp.JWT_ISSUER,
      audience: 'invitations',
      requireMfa: false,
      jwksCacheSeconds: 600,
      jwksCooldownSeconds: 30,
    });
  });

  it('refuses JWT_JWKS_URL without JWT_ISSUER and JWT_AUDIENCE, naming what is missing', () => {
    expect(() => loadConfig({ JWT_JWKS_URL: idp.JWT_JWKS_URL })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_JWKS_URL: idp.JWT_JWKS_URL })).toThrow(
      /JWT_JWKS_URL is set, so JWT_ISSUER and JWT_AUDIENCE must be set too/,
    );
    expect(() => loadConfig({ ...idp, JWT_AUDIENCE: ' ' })).toThrow(/so JWT_AUDIENCE must be set too/);
    expect(() => loadConfig({ ...idp, JWT_ISSUER: '' })).toThrow(/so JWT_ISSUER must be set too/);
  });

  it('refuses a JWKS that is not an http(s) URL', () => {
    expect(() => loadConfig({ ...idp, JWT_JWKS_URL: 'idp.example.test/jwks' })).toThrow(
      /JWT_JWKS_URL must be an http\(s\) URL/,
    );
  });

  it('reads JWT_REQUIRE_MFA as true or false, and nothing else', () => {
    expect(loadConfig({ JWT_REQUIRE_MFA: 'true' }).jwt.requireMfa).toBe(true);
    expect(loadConfig({ JWT_REQUIRE_MFA: 'false' }).jwt.requireMfa).toBe(false);
    expect(loadConfig({}).jwt.requireMfa).toBe(false);
    expect(() => loadConfig({ JWT_REQUIRE_MFA: 'yes' })).toThrow(/JWT_REQUIRE_MFA must be "true" or "false"/);
  });

  it('reads how long JWKS keys are kept, in seconds', () => {
    const jwt = loadConfig({ ...idp, JWT_JWKS_CACHE_SECONDS: '1.5', JWT_JWKS_COOLDOWN_SECONDS: '0' }).jwt;
    expect(jwt).toMatchObject({ jwksCacheSeconds: 1.5, jwksCooldownSeconds: 0 });
    expect(() => loadConfig({ JWT_JWKS_CACHE_SECONDS: '-1' })).toThrow(/JWT_JWKS_CACHE_SECONDS/);
  });
});
