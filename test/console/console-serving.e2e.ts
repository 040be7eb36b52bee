import { decodeJwt } from 'jose';
import { Gateway } from '../support/gateway-harness';
import { ensureConsoleBuilt } from './support/console-build';

// How the gateway serves the console, over HTTP as a browser meets it: the page with its security headers and a
// fresh nonce, the files, the app's routes, the sign-in settings, and the development sign-in only where allowed.

const POOLS = `query { resourcePools { id } }`;

/** The console's development sign-in, as its page posts it. */
const devSignIn = (gateway: Gateway, body: object) =>
  fetch(`${gateway.url}/console/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the gateway serves the console', () => {
  let gateway: Gateway;

  beforeAll(async () => {
    ensureConsoleBuilt();
    gateway = await Gateway.start();
  }, 180_000);
  afterAll(() => gateway?.stop());

  const get = (path: string) => fetch(`${gateway.url}${path}`, { redirect: 'manual' });

  it('answers GET /console with the app and a Content-Security-Policy for a single-page app', async () => {
    const response = await get('/console');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<meta name="csp-nonce" content="${nonce}"`);
    // No script of the page is inline: every one comes from the build's files.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('gives every page load a nonce of its own', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(
        async () =>
          /'nonce-([^']+)'/.exec((await get('/console/')).headers.get('content-security-policy')!)![1],
      ),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it('serves the build’s files, hashed ones cached for good, and index.html for the app’s own routes', async () => {
    const html = await (await get('/console/')).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const route of ['/console/pools', '/console/batches/3f1e0c2a-5b1d-4c8e-9a47-2d7c1b9e8f60/upload']) {
      const page = await get(route);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
    }
    expect((await get('/console/assets/no-such-file.js')).status).toBe(404);
    expect((await get('/console/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/console/..%2fpackage.json')).status).toBe(404);
  });

  it('tells the console to use the development sign-in on the embedded defaults, and mints a short-lived token', async () => {
    expect(await (await get('/console/auth/config')).json()).toEqual({
      signIn: 'development',
      tokenMinutes: 60,
    });
    const response = await devSignIn(gateway, { organisation: 'acme', user: 'alice', ops: true });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'alice', org: 'acme', roles: ['org-admin', 'ops'] });
    expect(claims.exp! - claims.iat!).toBe(3600);
    // The token is an admin token like any other: the API and the operator endpoint take it.
    expect((await gateway.ok<{ resourcePools: unknown[] }>(POOLS, {}, token)).resourcePools).toEqual([]);
    const status = await fetch(`${gateway.url}/ops/status`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(status.status).toBe(200);
  });

  it('refuses a development sign-in without an organisation and a user, naming the fields', async () => {
    const response = await devSignIn(gateway, { organisation: ' ', user: 'a b' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.errors.map((e) => e.field)).toEqual(['organisation', 'user']);
  });

  it('takes the cohort of an upload as query parameters of POST /api/uploads', async () => {
    const token = await gateway.token('cohorts');
    const { batchId } = await gateway.poolAndBatch(token);
    const query = new URLSearchParams({
      batchId,
      staffType: 'Doctors in training',
      jobRole: 'FY1',
      startDate: '2026-08-05',
    });
    const response = await fetch(`${gateway.url}/api/uploads?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role\nzoe@example.com,1990-01-01,Zoe,,Ng,,,\n',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { cohort: unknown }).cohort).toEqual({
      staffType: 'Doctors in training',
      jobRole: 'FY1',
      startDate: '2026-08-05',
    });
    const bad = await fetch(
      `${gateway.url}/api/uploads?${new URLSearchParams({ batchId, startDate: '2026-02-30' }).toString()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role\nzoe@example.com,1990-01-01,Zoe,,Ng,,,\n',
      },
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'cohort.startDate' }),
    );
  });
});

describe('the console of a production gateway with an identity provider', () => {
  let gateway: Gateway;

  beforeAll(async () => {
    ensureConsoleBuilt();
    gateway = await Gateway.start({
      env: {
        NODE_ENV: 'production',
        OIDC_ISSUER: 'https://login.example.test/realms/acme',
        OIDC_CLIENT_ID: 'invitations-console',
        OIDC_AUDIENCE: 'invitations',
        JWT_JWKS_URL: 'https://login.example.test/realms/acme/protocol/openid-connect/certs',
        JWT_ISSUER: 'https://login.example.test/realms/acme',
        JWT_AUDIENCE: 'invitations',
      },
    });
  }, 180_000);
  afterAll(() => gateway?.stop());

  it('tells the console where to sign in (code + PKCE at the provider)', async () => {
    expect(await (await fetch(`${gateway.url}/console/auth/config`)).json()).toEqual({
      signIn: 'oidc',
      oidc: {
        issuer: 'https://login.example.test/realms/acme',
        clientId: 'invitations-console',
        scope: 'openid profile email',
        audience: 'invitations',
      },
    });
  });

  it('lets the page reach the provider (and nothing else beyond itself)', async () => {
    const csp = (await fetch(`${gateway.url}/console/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://login.example.test;");
    expect(csp).toContain("frame-src 'self' https://login.example.test;");
  });

  it('refuses the development sign-in', async () => {
    const response = await devSignIn(gateway, { organisation: 'acme', user: 'mallory' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('production'),
    });
  });
});
