import { loadConfig } from '@invitations/runtime';
import { consoleContentSecurityPolicy } from './console-security-headers';
import { consoleSettings } from './console-settings';

const settings = (env: Record<string, string>) => consoleSettings(loadConfig(env), '/nowhere');

describe('the console’s sign-in settings', () => {
  it('offers the development sign-in on the embedded defaults', () => {
    expect(settings({})).toEqual({ directory: '/nowhere', oidc: null, developmentSignIn: { enabled: true } });
  });

  it('refuses it in production, and when tokens come from an identity provider’s JWKS', () => {
    expect(settings({ NODE_ENV: 'production' }).developmentSignIn).toEqual({
      enabled: false,
      reason: expect.stringContaining('NODE_ENV=production'),
    });
    expect(
      settings({ JWT_JWKS_URL: 'https://idp.test/jwks', JWT_ISSUER: 'https://idp.test', JWT_AUDIENCE: 'api' })
        .developmentSignIn,
    ).toEqual({ enabled: false, reason: expect.stringContaining('JWT_JWKS_URL') });
  });

  it('reads the identity provider from OIDC_ISSUER and OIDC_CLIENT_ID, set together', () => {
    expect(settings({ OIDC_ISSUER: 'https://idp.test/realm', OIDC_CLIENT_ID: 'console' }).oidc).toEqual({
      issuer: 'https://idp.test/realm',
      clientId: 'console',
      scope: 'openid profile email',
      audience: null,
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.test/realm' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'c' })).toThrow(
      /OIDC_ISSUER must be/,
    );
  });
});

describe('the console’s Content-Security-Policy', () => {
  it('allows no inline script, styles only with the nonce, and the provider’s origin only when configured', () => {
    const plain = consoleContentSecurityPolicy('abc', null);
    expect(plain).toContain("script-src 'self';");
    expect(plain).toContain("style-src 'self' 'nonce-abc';");
    expect(plain).toContain("connect-src 'self';");
    const withProvider = consoleContentSecurityPolicy('abc', {
      issuer: 'https://idp.test/realms/acme',
      clientId: 'c',
      scope: 'openid',
      audience: null,
    });
    expect(withProvider).toContain("connect-src 'self' https://idp.test;");
    expect(withProvider).toContain("frame-src 'self' https://idp.test;");
  });
});
