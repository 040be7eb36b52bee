import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { decodeJwt, SignJWT } from 'jose';
import { mintDevToken } from '@invitations/auth';
import { Gateway, TEST_JWT_SECRET } from './support/gateway-harness';
import * as op from './support/operations';

const ROOT = join(__dirname, '..');

/** `npm run token -- ARGS` as a developer runs it (the ops command line, transpiled on load), with the test secret. */
function npmRunToken(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'apps/ops/src/main.ts'), 'token', ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, JWT_SECRET: TEST_JWT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * Admin tokens signed with JWT_SECRET (the embedded default), with JWT_REQUIRE_MFA=true: a token must expire, and
 * an admin operation needs a second factor in `amr`; `npm run token` mints short-lived tokens, with one on --mfa.
 */
describe('admin tokens with a second factor required, end to end', () => {
  let gw: Gateway;
  beforeAll(async () => (gw = await Gateway.start({ env: { JWT_REQUIRE_MFA: 'true' } })));
  afterAll(() => gw.stop());

  const createPool = (token: string) => gw.graphql(op.CREATE_POOL, { name: 'Scaffolders' }, token);

  it('answers FORBIDDEN to a token without a second factor, saying what is needed', async () => {
    const result = await createPool(
      await mintDevToken(TEST_JWT_SECRET, { org: 'acme', sub: 'ann', amr: ['pwd'] }),
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toContain('This operation needs a second factor');
    expect(result.data?.createResourcePool ?? null).toBeNull();
  });

  it('refuses a token without an expiry, before anything else', async () => {
    const forever = await new SignJWT({ org: 'acme', roles: ['org-admin'], amr: ['mfa'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ann')
      .setIssuedAt()
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const result = await createPool(forever);
    expect(result.errors?.[0]).toMatchObject({
      message: 'The token has no expiry (exp): only tokens that expire are accepted',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('npm run token mints an hour-long token, and with --mfa one that passes', async () => {
    const plain = await npmRunToken(['--org', 'acme', '--sub', 'ann']);
    const withMfa = await npmRunToken(['--org', 'acme', '--sub', 'ann', '--mfa']);
    expect([plain.code, plain.stderr, withMfa.code, withMfa.stderr]).toEqual([0, '', 0, '']);
    const claims = decodeJwt(plain.stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.amr).toBeUndefined();
    expect(decodeJwt(withMfa.stdout.trim()).amr).toEqual(['pwd', 'mfa']);

    expect((await createPool(plain.stdout.trim())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await createPool(withMfa.stdout.trim());
    expect(created.errors).toBeUndefined();
    expect(created.data).toMatchObject({ createResourcePool: { name: 'Scaffolders' } });
  });

  it('asks a second factor of the operator endpoint too; the ops command line signs its own with one', async () => {
    const opsToken = await mintDevToken(TEST_JWT_SECRET, { org: 'operators', sub: 'op', roles: ['ops'] });
    const refused = await fetch(`${gw.url}/ops/status`, { headers: { authorization: `Bearer ${opsToken}` } });
    expect(refused.status).toBe(403);
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(ROOT, 'test/support/register-ts.js'),
        join(ROOT, 'apps/ops/src/main.ts'),
        'status',
        '--url',
        gw.url,
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, JWT_SECRET: TEST_JWT_SECRET, DATA_DIR: gw.dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^log head: /);
  });
});
