import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

const ROOT = join(__dirname, '..');
const INVITATIONS = 'https://invitations.example.test';
const OTHER_APP = 'https://other-app.example.test';

/** A private RS256 signing key as a JWK, with its key id. */
async function aSigningKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

/** test/support/identity-provider.mjs (oidc-provider) in its own process, on a local port. */
class IdentityProvider {
  private readonly lines: string[] = [];
  private waiting: (() => void) | null = null;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly issuer: string,
    private readonly tokenEndpoint: string,
    readonly jwksUri: string,
  ) {}

  /** Starts it with `keys` (the first signs), then finds its endpoints by OpenID Connect discovery. */
  static async start(keys: JWK[]): Promise<IdentityProvider> {
    const child = spawn(process.execPath, [join(ROOT, 'test/support/identity-provider.mjs')], {
      env: { PATH: process.env.PATH, IDP_KEYS: JSON.stringify(keys) },
      stdio: 'pipe',
    });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let partial = '';
    let onLine: (() => void) | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      onLine?.();
    });
    const first = await new Promise<string>((resolve, reject) => {
      onLine = () => resolve(lines.shift()!);
      child.on('exit', (code) => reject(new Error(`the identity provider exited with ${code}: ${stderr}`)));
    });
    const { issuer } = JSON.parse(first) as { issuer: string };
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      token_endpoint: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe(issuer);
    const provider = new IdentityProvider(
      child,
      discovery.issuer,
      discovery.token_endpoint,
      discovery.jwks_uri,
    );
    provider.lines.push(...lines);
    onLine = () => {
      provider.lines.push(...lines.splice(0));
      provider.waiting?.();
    };
    return provider;
  }

  /** An access token (a JWT) from the client credentials grant, for `resource`. */
  async token(clientId: string, resource = INVITATIONS): Promise<string> {
    const response = await fetch(this.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientId}-secret`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'admin' }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  /** Publishes `keys` at its JWKS from now on; the first signs the tokens it issues. */
  async rotate(keys: JWK[]): Promise<void> {
    const answered = new Promise<void>((resolve) => (this.waiting = resolve));
    this.child.stdin.write(`${JSON.stringify({ keys })}\n`);
    await answered;
    expect(JSON.parse(this.lines.shift()!)).toEqual({ rotated: keys.map((key) => key.kid) });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.on('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}

/**
 * Signing in with an identity provider, as an operator sets it up: a real OpenID provider (oidc-provider) found by
 * discovery, the gateway verifying its JWT access tokens against its JWKS with the issuer and the audience
 * required and a second factor required of admins, through the provider's key rotation.
 */
describe('admin tokens of an OpenID Connect identity provider, end to end', () => {
  let keyA: JWK;
  let keyB: JWK;
  let idp: IdentityProvider;
  let otherIdp: IdentityProvider;
  let gw: Gateway;

  const createPool = (token: string) => gw.graphql(op.CREATE_POOL, { name: 'Riggers' }, token);
  const codeOf = async (token: string) => (await createPool(token)).errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    [keyA, keyB] = await Promise.all([aSigningKey('key-a'), aSigningKey('key-b')]);
    [idp, otherIdp] = await Promise.all([IdentityProvider.start([keyA]), IdentityProvider.start([keyA])]);
    gw = await Gateway.start({
      env: {
        JWT_SECRET: '',
        JWT_JWKS_URL: idp.jwksUri,
        JWT_ISSUER: idp.issuer,
        JWT_AUDIENCE: 'invitations',
        JWT_REQUIRE_MFA: 'true',
        // Keys are fetched again after a second, and at once for a key not yet known: rotation in test time.
        JWT_JWKS_CACHE_SECONDS: '1',
        JWT_JWKS_COOLDOWN_SECONDS: '0',
      },
    });
  });

  afterAll(async () => {
    await gw?.stop();
    await Promise.all([idp?.stop(), otherIdp?.stop()]);
  });

  it('refuses to start with JWT_JWKS_URL but without JWT_ISSUER and JWT_AUDIENCE, naming them', async () => {
    const refused = await Gateway.start({ env: { JWT_SECRET: '', JWT_JWKS_URL: idp.jwksUri } }).then(
      async (started) => {
        await started.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(refused).toContain('JWT_ISSUER and JWT_AUDIENCE must be set too');
  });

  it("accepts the provider's token for this service, with a second factor", async () => {
    const result = await createPool(await idp.token('acme-admin-mfa'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ createResourcePool: { name: 'Riggers' } });
  });

  it('refuses a token the provider issued for another application (aud)', async () => {
    const result = await createPool(await idp.token('acme-admin-mfa', OTHER_APP));
    expect(result.errors?.[0]).toMatchObject({
      message: 'The token was not issued for this service (aud)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a token of another issuer, even one signed with a key this JWKS publishes (iss)', async () => {
    const result = await createPool(await otherIdp.token('acme-admin-mfa'));
    expect(result.errors?.[0]).toMatchObject({
      message: 'The token was not issued by the expected identity provider (iss)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('answers FORBIDDEN to an admin whose token names no second factor (amr), saying so', async () => {
    const result = await createPool(await idp.token('acme-admin'));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toMatch(/needs a second factor.*amr claim must name one of mfa, otp/);
  });

  it('follows key rotation: a rotated-in key is accepted, a removed one refused after the JWKS refresh', async () => {
    const signedWithA = await idp.token('acme-admin-mfa');
    expect(await codeOf(signedWithA)).toBe('OK');

    await idp.rotate([keyB, keyA]);
    const signedWithB = await idp.token('acme-admin-mfa');
    expect(JSON.parse(Buffer.from(signedWithB.split('.')[0], 'base64url').toString())).toMatchObject({
      kid: 'key-b',
    });
    expect(await codeOf(signedWithB)).toBe('OK');
    expect(await codeOf(signedWithA)).toBe('OK');

    await idp.rotate([keyB]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await codeOf(signedWithA)).toBe('UNAUTHENTICATED');
    expect(await codeOf(signedWithB)).toBe('OK');
  });
});
