import { join } from 'node:path';
import type { AuditRecord } from '@invitations/application';
import { ReadOnlyLog } from '@invitations/event-store';
import { Gateway, tokenOf } from './support/gateway-harness';
import { runOps } from './support/ops-cli';
import * as op from './support/operations';
import { waitForConfirmation } from './support/upload-jobs';

const PROJECTIONS = [
  'audit',
  'batches',
  'invitation-notifications',
  'invitees',
  'members',
  'passports',
  'pools',
  'uploads',
];
/** Enough for a rebuild that reports its progress several times (every 10,000 events) while queries run. */
const UPLOADED_ROWS = 15_000;
const CSV_HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

interface AuditEntry {
  type: string;
  at: string;
  actor: string | null;
  position: string;
  data: string;
}

/** A line of `ops export` and an event of `ops replay`: the audit's record of one event. */
type ExportLine = AuditRecord;

/** A whole invitation batch: its counts and every page of its three tabs, each person with every field. */
const BATCH_PAGE = `query($id: ID!, $after: String) {
  invitationBatch(id: $id) {
    id name createdAt pool { id name memberCount }
    counts { uploaded invalid invited accepted undeliverable }
    uploaded(first: 100, after: $after) { totalCount nodes { ${op.INVITEE_FIELDS} } pageInfo { hasNextPage endCursor } }
    invited(first: 100) { totalCount nodes { ${op.INVITEE_FIELDS} deliveryStatus deliveries { messageId channel kind status at reason } } }
    accepted(first: 100) { totalCount nodes { ${op.INVITEE_FIELDS} } }
  }
}`;

type BatchPage = {
  invitationBatch: {
    uploaded: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } & Record<string, unknown>;
};

/**
 * The operators' command line as they use it: `apps/ops/src/main.ts` in its own process (transpiled on load, as
 * `npm run ops` runs it compiled), beside a running gateway on the embedded stores, sharing its DATA_DIR and secret.
 */
describe('the ops command line, beside a running gateway', () => {
  let gw: Gateway;
  let acme: string;
  let globex: string;
  const ids = {
    acmePool: '',
    march: '',
    bulk: '',
    alex: '',
    bo: '',
    cy: '',
    globexPool: '',
    globexBatch: '',
    gil: '',
  };

  /** The command line on the gateway's DATA_DIR. */
  const ops = (args: string[], env: Record<string, string> = {}, onStderr?: (text: string) => void) =>
    runOps(args, { DATA_DIR: gw.dataDir, ...env }, onStderr);

  const portOf = () => new URL(gw.url).port;
  const history = async (inviteeId: string) =>
    (await gw.ok<{ invitationHistory: AuditEntry[] }>(op.HISTORY, { id: inviteeId }, acme)).invitationHistory;
  const atOf = async (inviteeId: string, type: string) =>
    (await history(inviteeId)).find((entry) => entry.type === type)!.at;

  async function poolAndBatch(token: string, pool: string, batch: string) {
    const { poolId, batchId } = await gw.poolAndBatch(token, pool, batch);
    return [poolId, batchId];
  }

  async function stage(
    token: string,
    batchId: string,
    email: string,
    firstName: string,
    mobile: string | null,
  ) {
    const input = { batchId, email, dateOfBirth: '1990-05-17', firstName, lastName: 'Tester', mobile };
    return (await gw.ok<{ stageInvitee: { id: string } }>(op.STAGE, { input }, token)).stageInvitee.id;
  }

  async function upload(batchId: string, rows: number): Promise<void> {
    const lines = Array.from(
      { length: rows },
      (_, i) => `bulk.${i}@example.com,1985-01-01,Bulk${i},,Person,,,Porter`,
    );
    const response = await fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${acme}` },
      body: [CSV_HEADER, ...lines].join('\n'),
    });
    if (!response.ok) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const confirm = `mutation($input: ConfirmUploadInput!) { confirmUpload(input: $input) { staged } }`;
    await gw.ok(confirm, { input: { uploadId: id } }, acme);
    // A large file's confirmation runs on after confirmUpload answers: followed to its end.
    expect(await waitForConfirmation(gw, acme, id)).toMatchObject({ state: 'DONE', staged: rows });
  }

  /** Everything the read models answer for the organisations, through the API: pools, batches (every tab, every page), passports. */
  async function readModels(): Promise<unknown> {
    const answers: unknown[] = [];
    for (const token of [acme, globex]) {
      const { resourcePools } = await gw.ok<{ resourcePools: { batches: { id: string }[] }[] }>(
        op.POOLS,
        {},
        token,
      );
      answers.push(resourcePools);
      for (const batch of resourcePools.flatMap((pool) => pool.batches))
        answers.push(await wholeBatch(batch.id, token));
      // The audit read model, rebuilt like the others: its first entries and where the log of them ends.
      answers.push(
        await gw.ok(
          'query { auditLog(first: 100) { nodes { type actor position batchId inviteeId } pageInfo { hasNextPage } } }',
          {},
          token,
        ),
      );
    }
    const check = { email: 'alex@example.com', dob: '1990-05-17' };
    answers.push(await gw.ok(op.CHECK, check, globex));
    return answers;
  }

  async function wholeBatch(batchId: string, token: string): Promise<unknown[]> {
    const pages: unknown[] = [];
    let after: string | null = null;
    do {
      const page: BatchPage = await gw.ok<BatchPage>(BATCH_PAGE, { id: batchId, after }, token);
      pages.push(page);
      after = page.invitationBatch.uploaded.pageInfo.hasNextPage
        ? page.invitationBatch.uploaded.pageInfo.endCursor
        : null;
    } while (after);
    return pages;
  }

  /** Runs the status command until every checkpoint has caught up with the log (the notifications trail a little). */
  async function caughtUpStatus(): Promise<{
    log: { head: string };
    projections: { name: string; position: string; lag: string }[];
  }> {
    for (let attempt = 0; ; attempt += 1) {
      const run = await ops(['status', '--json', '--url', gw.url]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const report = JSON.parse(run.stdout) as Awaited<ReturnType<typeof caughtUpStatus>>;
      if (report.projections.every((projection) => projection.lag === '0') || attempt === 20) return report;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    gw = await Gateway.start();
    acme = await gw.token('acme', 'alice');
    globex = await gw.token('globex', 'gus');
    [ids.acmePool, ids.march] = await poolAndBatch(acme, 'Riggers', 'March intake');
    ids.alex = await stage(acme, ids.march, 'alex@example.com', 'Alex', '+61412345678');
    ids.bo = await stage(acme, ids.march, 'bo@example.com', 'Bo', null);
    ids.cy = await stage(acme, ids.march, 'cy@example.com', 'Cy', null);
    await gw.ok(
      op.SEND,
      { input: { batchId: ids.march, inviteeIds: [ids.alex, ids.bo], message: 'Welcome' } },
      acme,
    );
    const email = await gw.waitForMessage((m) => m.inviteeId === ids.alex && m.channel === 'email');
    await gw.ok(op.ACCEPT, { token: tokenOf(email) });
    await gw.ok(op.REVOKE, { id: ids.bo }, acme);
    [, ids.bulk] = await poolAndBatch(acme, 'Porters', 'Bulk');
    await upload(ids.bulk, UPLOADED_ROWS);
    [ids.globexPool, ids.globexBatch] = await poolAndBatch(globex, 'Cranes', 'April');
    ids.gil = await stage(globex, ids.globexBatch, 'gil@example.com', 'Gil', null);
    await gw.ok(op.SEND, { input: { batchId: ids.globexBatch, all: true } }, globex);
  }, 120_000);
  afterAll(() => gw.stop());

  describe('status', () => {
    it("shows every projection's checkpoint and its lag behind the log's head, asking the gateway on PORT", async () => {
      const report = await caughtUpStatus();
      const head = await gw.logHead();

      expect(report.log.head).toBe(head);
      expect(report.projections.map((projection) => projection.name).sort()).toEqual(PROJECTIONS);
      for (const projection of report.projections)
        expect(projection).toMatchObject({ position: head, lag: '0' });

      const table = await ops(['status'], { PORT: portOf() });
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(`log head: ${head}`);
      expect(table.stdout).toMatch(/^PROJECTION +POSITION +LAG$/m);
      for (const name of PROJECTIONS) expect(table.stdout).toMatch(new RegExp(`^${name} +${head} +0$`, 'm'));
    });

    it('refuses a token without the ops role, and says a usage error apart (exit 1 and 2)', async () => {
      const refused = await ops(['status', '--url', gw.url, '--token', await gw.token('acme', 'alice')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        `error: the gateway at ${gw.url} requires the ops role (403: This operation needs the ops role)`,
      );

      const misused = await ops(['status', '--bogus']);
      expect(misused.code).toBe(2);
      expect(misused.stderr).toMatch(/Unknown option '--bogus'/);
    });
  });

  describe('rebuild', () => {
    it('rebuilds every read model while the API keeps answering, and the rebuilt ones equal those built as the log grew', async () => {
      await caughtUpStatus();
      const before = await readModels();
      const watched = { batch: await wholeBatch(ids.march, acme), pools: await gw.ok(op.POOLS, {}, acme) };

      // Queries run from before the command starts until it ends; those answered between the first and the
      // last progress report the gateway sent were answered while it was rebuilding.
      let rebuilding = true;
      const answers: { at: number; same: boolean }[] = [];
      const progressAt: number[] = [];
      const queries = (async () => {
        while (rebuilding) {
          const [batch, pools] = await Promise.all([wholeBatch(ids.march, acme), gw.ok(op.POOLS, {}, acme)]);
          const same =
            JSON.stringify(batch) === JSON.stringify(watched.batch) &&
            JSON.stringify(pools) === JSON.stringify(watched.pools);
          answers.push({ at: Date.now(), same });
        }
      })();
      const rebuild = await ops(['rebuild', '--url', gw.url], {}, (text) => {
        for (const _line of text.match(/^rebuild: /gm) ?? []) progressAt.push(Date.now());
      }).finally(() => (rebuilding = false));
      await queries;

      expect(rebuild.code).toBe(0);
      expect(rebuild.stdout).toMatch(
        /^rebuilt invitees, batches, pools, members, passports, uploads, audit from \d+ events, up to position \d+$/m,
      );
      expect(rebuild.stdout).toContain('invitees__prev');
      // The in-memory read models are written every 1,000 events (rebuildBatchSize); the bar reports the first write.
      expect(rebuild.stderr).toMatch(/^rebuild: replaying the log, 1000 events, position 999 of \d+$/m);
      expect(rebuild.stderr).toMatch(/^rebuild: done, \d+ events/m);
      expect(progressAt.length).toBeGreaterThanOrEqual(3);
      const duringRebuild = answers.filter(
        ({ at }) => at > progressAt[0] && at < progressAt[progressAt.length - 1],
      );
      expect(duringRebuild.length).toBeGreaterThan(0);
      expect(answers.filter(({ same }) => !same)).toEqual([]);
      expect(await readModels()).toEqual(before);
      expect((await caughtUpStatus()).projections.every((projection) => projection.lag === '0')).toBe(true);
    });

    it('rebuilds one projection by name, and refuses an unknown one as a usage error', async () => {
      const before = await readModels();

      const one = await ops(['rebuild', '--projection', 'batches', '--url', gw.url]);
      expect(one.code).toBe(0);
      expect(one.stdout).toMatch(/^rebuilt batches from \d+ events/m);
      expect(await readModels()).toEqual(before);

      const unknown = await ops(['rebuild', '--projection', 'tabs', '--url', gw.url]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(
        'Unknown projection "tabs" (known: invitees, batches, pools, members, passports, uploads, audit)',
      );
    });
  });

  describe('replay', () => {
    it("lists an invitee's events as the API's history does", async () => {
      const run = await ops(['replay', '--invitee', ids.alex, '--json']);
      expect(run.code).toBe(0);
      const replay = JSON.parse(run.stdout) as { events: ExportLine[]; organisationId: string };

      const entries = await history(ids.alex);
      expect(entries.map((entry) => entry.type)).toEqual([
        'InviteeStaged',
        'InvitationSent',
        'InvitationAccepted',
      ]);
      expect(replay.organisationId).toBe('acme');
      expect(
        replay.events.map(({ type, at, actor, position, data }) => ({
          type,
          at,
          actor,
          position,
          data: JSON.stringify(data),
        })),
      ).toEqual(entries);

      const table = await ops(['replay', '--invitee', ids.alex]);
      expect(table.code).toBe(0);
      for (const entry of entries)
        expect(table.stdout).toMatch(
          new RegExp(`^${entry.position} +${entry.at.replace(/\./g, '\\.')} +${entry.type} `, 'm'),
        );
    });

    it("gives the state at an instant equal to the API's inviteeAsOf", async () => {
      const invitedAt = await atOf(ids.alex, 'InvitationSent');
      const acceptedAt = await atOf(ids.alex, 'InvitationAccepted');
      const justBefore = new Date(Date.parse(acceptedAt) - 1).toISOString();

      for (const asOf of [invitedAt, justBefore, acceptedAt]) {
        const run = await ops(['replay', '--invitee', ids.alex, '--as-of', asOf, '--json']);
        expect(run.code).toBe(0);
        const { state } = JSON.parse(run.stdout) as { state: Record<string, unknown> };
        const { inviteeAsOf } = await gw.ok<{ inviteeAsOf: Record<string, unknown> }>(
          op.AS_OF,
          { id: ids.alex, asOf },
          acme,
        );
        expect(state).toEqual(inviteeAsOf);
      }
      const atInvitation = JSON.parse(
        (await ops(['replay', '--invitee', ids.alex, '--as-of', invitedAt, '--json'])).stdout,
      );
      expect(atInvitation.state).toMatchObject({ state: 'INVITED', acceptedAt: null });

      const table = await ops(['replay', '--invitee', ids.alex, '--as-of', justBefore]);
      expect(table.stdout).toMatch(/^state +INVITED$/m);
      expect(table.stdout).not.toContain('InvitationAccepted');
    }, 180_000);

    it("replays a batch: its invitees' events in log order, and each invitee as the API shows them", async () => {
      const run = await ops(['replay', '--batch', ids.march, '--json']);
      expect(run.code).toBe(0);
      const replay = JSON.parse(run.stdout) as {
        name: string;
        events: ExportLine[];
        invitees: { id: string; state: string }[];
      };

      expect(replay.name).toBe('March intake');
      const positions = replay.events.map((event) => BigInt(event.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const streams = new Set(replay.events.map((event) => event.stream));
      expect(streams).toEqual(
        new Set([`batch-${ids.march}`, ...[ids.alex, ids.bo, ids.cy].map((id) => `invitee-${id}`)]),
      );
      const fromApi = await Promise.all(
        [ids.alex, ids.bo, ids.cy].map(
          async (id) =>
            (await gw.ok<{ invitee: { id: string; state: string } | null }>(op.INVITEE, { id }, acme))
              .invitee,
        ),
      );
      expect(replay.invitees.map(({ id, state }) => ({ id, state }))).toEqual([
        { id: ids.alex, state: 'ACCEPTED' },
        { id: ids.bo, state: 'REVOKED' },
        { id: ids.cy, state: 'UPLOADED' },
      ]);
      expect(fromApi.map((invitee) => invitee?.state)).toEqual(['ACCEPTED', 'REVOKED', 'UPLOADED']);
    });

    it('fails with a one-line message for an unknown invitee (exit 1), and with usage for neither option (exit 2)', async () => {
      const unknown = await ops(['replay', '--invitee', 'no-such-invitee']);
      expect(unknown).toMatchObject({ code: 1, stderr: 'error: no invitee no-such-invitee in the log\n' });

      const neither = await ops(['replay']);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain('give one of --invitee or --batch');
    });
  });

  describe('export', () => {
    it("emits the organisation's events within the period and nothing else, as NDJSON", async () => {
      const from = await atOf(ids.alex, 'InvitationSent');
      const to = await atOf(ids.alex, 'InvitationAccepted');
      const run = await ops(['export', '--org', 'acme', '--from', from, '--to', to]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ExportLine);

      const expected = await eventsOfTheLog(
        (event) =>
          event.organisationId === 'acme' && event.at >= Date.parse(from) && event.at < Date.parse(to),
      );
      expect(lines.map((line) => line.position)).toEqual(expected);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      const sent = lines.find(
        (line) => line.stream === `invitee-${ids.alex}` && line.type === 'InvitationSent',
      );
      expect(sent).toMatchObject({
        at: from,
        actor: 'alice',
        data: { inviteeId: ids.alex, message: 'Welcome' },
      });
      expect(Object.keys(sent!).sort()).toEqual([
        'actor',
        'at',
        'correlationId',
        'data',
        'position',
        'stream',
        'type',
      ]);
      expect(
        lines.some((line) => line.type === 'InvitationAccepted' && line.stream === `invitee-${ids.alex}`),
      ).toBe(false);
      for (const line of lines)
        expect(Date.parse(line.at) >= Date.parse(from) && Date.parse(line.at) < Date.parse(to)).toBe(true);
      expect(run.stdout).not.toMatch(/tokenHash":"[0-9a-f]{64}/);
    });

    it("never emits another organisation's events", async () => {
      const run = await ops(['export', '--org', 'globex']);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ExportLine);

      expect(lines.map((line) => line.position)).toEqual(
        await eventsOfTheLog((event) => event.organisationId === 'globex'),
      );
      const globexStreams = new Set([
        `pool-${ids.globexPool}`,
        `batch-${ids.globexBatch}`,
        `invitee-${ids.gil}`,
      ]);
      for (const stream of globexStreams) expect(lines.some((line) => line.stream === stream)).toBe(true);
      for (const acmeId of [ids.acmePool, ids.march, ids.alex, ids.bo, ids.cy])
        expect(run.stdout).not.toContain(acmeId);
    });

    it('refuses a bad instant as a usage error', async () => {
      const run = await ops(['export', '--org', 'acme', '--from', 'last tuesday']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--from must be an ISO-8601 instant');
    });
  });

  /** The positions of the log's events that match, read from the gateway's log file by the test itself. */
  async function eventsOfTheLog(
    matches: (event: { organisationId: string | null; at: number }) => boolean,
  ): Promise<string[]> {
    const log = await ReadOnlyLog.open(join(gw.dataDir, 'events'));
    try {
      const positions: string[] = [];
      for await (const event of log.readAll()) {
        if (
          matches({ organisationId: event.metadata.organisationId, at: Date.parse(event.metadata.timestamp) })
        ) {
          positions.push(event.position.toString());
        }
      }
      return positions;
    } finally {
      await log.close();
    }
  }
});
