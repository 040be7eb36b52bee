import { Gateway, sharedGateway } from './support/gateway-harness';
import * as op from './support/operations';

const post = (gw: Gateway, body: object, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const junkAccept = (gw: Gateway, from?: string) =>
  post(gw, { query: op.ACCEPT, variables: { token: 'junk-token' } }, from ? { 'x-forwarded-for': from } : {});

async function codeOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; code?: string };
  return body.errors?.[0]?.extensions?.code ?? body.code;
}

/** A proxy on loopback, and limits small enough for a test to reach. */
const BEHIND_A_PROXY = {
  TRUST_PROXY: 'loopback',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
  ADMIN_RATE_LIMIT_PER_USER: '6',
  ADMIN_RATE_LIMIT_PER_ORGANISATION: '10',
};

/**
 * The public token routes share one budget per client address, the address as TRUST_PROXY makes it out; the admin
 * API is limited per organisation and per user. Over a limit: RATE_LIMITED with Retry-After.
 */
describe('rate limits behind a proxy (TRUST_PROXY=loopback), end to end', () => {
  const world = sharedGateway(BEHIND_A_PROXY);

  it("counts junk tokens per client address: one attacker's 5 do not block another invitee", async () => {
    for (let i = 0; i < 5; i += 1)
      expect(await codeOf(await junkAccept(world.gw, '203.0.113.7'))).toBe('BAD_USER_INPUT');
    const blocked = await junkAccept(world.gw, '203.0.113.7');
    expect(await codeOf(blocked)).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // An invitee behind the same load balancer, from another address, is not blocked.
    expect(await codeOf(await junkAccept(world.gw, '198.51.100.9'))).toBe('BAD_USER_INPUT');
  });

  it('shares one budget across the public token routes (GraphQL, the accept page and its form)', async () => {
    const from = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 2; i += 1)
      await post(world.gw, { query: op.BY_TOKEN, variables: { token: 'x' } }, from);
    for (let i = 0; i < 2; i += 1)
      await fetch(`${world.gw.url}/invitations/accept?token=x`, { headers: from });
    await junkAccept(world.gw, '192.0.2.44');
    const form = await fetch(`${world.gw.url}/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...from },
      body: 'token=x',
    });
    expect(form.status).toBe(429);
    expect(form.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits the admin API per user, then per organisation, with RATE_LIMITED and Retry-After', async () => {
    const ask = async (org: string, user: string) => {
      const response = await post(
        world.gw,
        { query: op.POOLS },
        { authorization: `Bearer ${await world.gw.token(org, user)}` },
      );
      return { code: await codeOf(response), retryAfter: response.headers.get('retry-after') };
    };
    for (let i = 0; i < 6; i += 1) expect((await ask('org-busy', 'ann')).code).toBeUndefined();
    const overUser = await ask('org-busy', 'ann');
    expect(overUser.code).toBe('RATE_LIMITED');
    expect(Number(overUser.retryAfter)).toBeGreaterThan(0);
    // Another admin of the organisation still gets answers, until the organisation's own limit (10).
    for (let i = 0; i < 3; i += 1) expect((await ask('org-busy', 'bob')).code).toBeUndefined();
    expect((await ask('org-busy', 'bob')).code).toBe('RATE_LIMITED');
    expect((await ask('org-busy', 'cat')).code).toBe('RATE_LIMITED');
    // Another organisation is not held back by this one.
    expect((await ask('org-calm', 'dan')).code).toBeUndefined();
  });

  it('counts a GraphQL request of several operations once', async () => {
    const token = await world.gw.token('org-many', 'eve');
    const fields = 'a: resourcePools { id } b: resourcePools { id } c: resourcePools { id }';
    for (let i = 0; i < 6; i += 1) {
      const response = await post(world.gw, { query: `{ ${fields} }` }, { authorization: `Bearer ${token}` });
      expect(await codeOf(response)).toBeUndefined();
    }
  });
});

describe('rate limits without TRUST_PROXY, end to end', () => {
  it("takes the socket's address, whatever X-Forwarded-For claims", async () => {
    const gw = await Gateway.start({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i += 1) await junkAccept(gw, `203.0.113.${i}`);
      expect(await codeOf(await junkAccept(gw, '203.0.113.99'))).toBe('RATE_LIMITED');
    } finally {
      await gw.stop();
    }
  });
});
