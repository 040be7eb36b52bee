import { rm } from 'node:fs/promises';
import { Gateway } from './support/gateway-harness';
import { person } from './support/invitation-calls';
import * as op from './support/operations';

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    nodes { type at actor actorName position data poolId batchId inviteeId }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  type: string;
  at: string;
  actor: string | null;
  actorName: string | null;
  position: string;
  data: string;
  poolId: string | null;
  batchId: string | null;
  inviteeId: string | null;
}
interface AuditPage {
  nodes: Entry[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The organisation's audit log through HTTP, for two organisations: every change an admin made, with who (the
 * token's name recorded with the event), the pool, batch and invitee; filtered, paged oldest first, as CSV with the
 * same filters; neither organisation sees anything of the other's; the same after a restart (rebuilt from the log).
 */
describe("the organisation's audit log, end to end", () => {
  let gw: Gateway;
  let ada: string;
  let formula: string;
  let bea: string;
  let a: { poolId: string; batchId: string };
  let b: { poolId: string; batchId: string };
  let first: string;
  let second: string;
  let theirs: string;

  const stage = async (token: string, batchId: string, name: string) =>
    (await gw.ok<{ stageInvitee: { id: string } }>(op.STAGE, { input: { batchId, ...person(name) } }, token))
      .stageInvitee.id;
  const audit = async (token: string, variables: Record<string, unknown> = {}) =>
    (await gw.ok<{ auditLog: AuditPage }>(AUDIT_LOG, { first: 100, ...variables }, token)).auditLog;
  const csv = async (token: string | null, query = '') =>
    fetch(`${gw.url}/api/audit.csv${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    gw = await Gateway.start();
    ada = await gw.token('org-a', 'ada', ['org-admin'], 'Ada Admin');
    formula = await gw.token('org-a', 'eve', ['org-admin'], '=HYPERLINK("http://evil.example")');
    bea = await gw.token('org-b', 'bea', ['org-admin'], 'Bea Other');
    a = await gw.poolAndBatch(ada, 'Riggers', 'March');
    b = await gw.poolAndBatch(bea, 'Welders', 'April');
    first = await stage(ada, a.batchId, 'Alice');
    second = await stage(ada, a.batchId, 'Bob');
    theirs = await stage(bea, b.batchId, 'Carol');
    await gw.ok(op.SEND, { input: { batchId: a.batchId, inviteeIds: [first], all: false } }, formula);
    await gw.ok(op.REVOKE, { id: first }, formula);
  }, 90_000);

  let restartedIn: string | null = null;
  afterAll(async () => {
    await gw?.stop();
    if (restartedIn) await rm(restartedIn, { recursive: true, force: true });
  });

  it("answers every change of the organisation, oldest first, with the actor's name, pool, batch and invitee", async () => {
    const page = await audit(ada);
    const types = page.nodes.map((entry) => entry.type);
    expect(types[0]).toBe('ResourcePoolCreated');
    expect(types).toEqual(
      expect.arrayContaining(['BatchCreated', 'InviteeStaged', 'InvitationSent', 'InvitationRevoked']),
    );
    const positions = page.nodes.map((entry) => BigInt(entry.position));
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    expect(page.nodes.find((entry) => entry.type === 'InviteeStaged')).toMatchObject({
      actor: 'ada',
      actorName: 'Ada Admin',
      poolId: a.poolId,
      batchId: a.batchId,
      inviteeId: first,
    });
    const revoked = page.nodes.find((entry) => entry.type === 'InvitationRevoked')!;
    // The revocation names only the invitee: its pool and batch are the invitee's.
    expect(revoked).toMatchObject({ actor: 'eve', poolId: a.poolId, batchId: a.batchId, inviteeId: first });
    expect(JSON.parse(revoked.data)).toMatchObject({ inviteeId: first });
    const staged = page.nodes.find((entry) => entry.inviteeId === first && entry.type === 'InviteeStaged')!;
    expect(JSON.parse(staged.data)).toMatchObject({ person: { email: 'alice@example.com' } });
  });

  it('filters by actor, types, pool, batch, invitee and time, and pages with a cursor', async () => {
    const byEve = await audit(ada, { filter: { actor: 'eve' } });
    expect(byEve.nodes.map((entry) => entry.type)).toEqual(['InvitationSent', 'InvitationRevoked']);
    const ofSecond = await audit(ada, { filter: { inviteeId: second } });
    expect(ofSecond.nodes.every((entry) => entry.inviteeId === second)).toBe(true);
    expect(ofSecond.nodes.map((entry) => entry.type)).toContain('InviteeStaged');
    const staged = await audit(ada, { filter: { types: ['InviteeStaged'], batchId: a.batchId } });
    expect(staged.nodes.map((entry) => entry.inviteeId)).toEqual([first, second]);
    const pool = await audit(ada, { filter: { poolId: a.poolId } });
    expect(pool.nodes.length).toBeGreaterThan(staged.nodes.length);
    expect(
      await audit(ada, { filter: { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' } }),
    ).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const all = await audit(ada);
    const lastAt = all.nodes.at(-1)!.at;
    const until = await audit(ada, { filter: { to: lastAt } });
    expect(until.nodes.every((entry) => entry.at < lastAt)).toBe(true);

    const pages: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AuditPage = await audit(ada, { first: 2, after });
      pages.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.nodes);

    const refused = await gw.graphql(AUDIT_LOG, { first: 10, after: 'not-a-cursor' }, ada);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shows neither organisation anything of the other's", async () => {
    const mine = await audit(bea);
    expect(mine.nodes.length).toBeGreaterThan(0);
    expect(mine.nodes.every((entry) => entry.actor === 'bea' && entry.inviteeId !== first)).toBe(true);
    expect(mine.nodes.map((entry) => entry.inviteeId)).toContain(theirs);
    expect((await audit(bea, { filter: { inviteeId: first } })).nodes).toEqual([]);
    expect((await audit(bea, { filter: { batchId: a.batchId } })).nodes).toEqual([]);
    expect((await audit(ada, { filter: { inviteeId: theirs } })).nodes).toEqual([]);
    const text = await (await csv(bea)).text();
    expect(text).not.toContain(first);
    expect(text).not.toContain('alice@example.com');
  });

  it('streams the same entries as CSV with the same filters, formula cells escaped, for a bearer token only', async () => {
    const response = await csv(ada, '?actor=eve');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('position,at,type,actor,actor_name,pool_id,batch_id,invitee_id,data');
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['InvitationSent', 'InvitationRevoked']);
    // The name starts with '=': a spreadsheet would run it; the cell is made text.
    expect(lines[1]).toContain(
      `,eve,"'=HYPERLINK(""http://evil.example"")",${a.poolId},${a.batchId},${first},`,
    );
    expect(lines.join('\n')).not.toMatch(/,=/);

    const byTypes = await (
      await csv(ada, `?types=InviteeStaged&types=InvitationSent&batchId=${a.batchId}`)
    ).text();
    const typesSeen = byTypes
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    expect(typesSeen).toEqual(['InviteeStaged', 'InviteeStaged', 'InvitationSent']);

    expect((await csv(null)).status).toBe(401);
    expect((await csv(ada, '?from=yesterday')).status).toBe(400);
  });

  it('answers the same after a restart, the audit rebuilt from the log', async () => {
    const before = await audit(ada);
    await gw.stop({ keepData: true });
    restartedIn = gw.dataDir;
    gw = await Gateway.start({ dataDir: restartedIn });
    ada = await gw.token('org-a', 'ada', ['org-admin'], 'Ada Admin');
    expect(await audit(ada)).toEqual(before);
  }, 60_000);
});
