import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '@invitations/auth';
import { JWT_SECRET, rssMb, startGateway, waitUntilReady, type RunningGateway } from '../gateway-process';

/**
 * `npm run soak -- --minutes N`: mixed traffic against a gateway for N minutes, as admins and invitees make it:
 * queries (pools, a page of 50 with counts, an invitee's history), staging one person, bulk uploads (preview and
 * confirm), invitations, accepts (links from the outbox, from many client addresses behind a trusted proxy) and
 * removals. It starts its own gateway (`npm start`'s build and flags, NODE_ENV=production, a fresh DATA_DIR, the
 * default limits) and prints, every 30 seconds and at the end: answers by status, errors, p50/p99 latency, the
 * gateway's RSS. Not part of `npm test`.
 *
 *   --minutes N       how long to drive traffic (fractions allowed); required
 *   --workers N       concurrent clients (default 8)
 */
interface Options {
  minutes: number;
  workers: number;
}

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';
const ORGANISATIONS = 4;
const ADMINS_PER_ORGANISATION = 4;
const SEED_PEOPLE_PER_BATCH = 500;

interface Admin {
  org: string;
  token: string;
  batchId: string;
  /** People staged by this soak and not invited yet (invitable, removable). */
  staged: string[];
  /** People invited (their history is read; they are neither invited again nor removed). */
  invited: string[];
}

class Stats {
  private latencies: number[] = [];
  readonly byStatus = new Map<string, number>();
  readonly byAction = new Map<string, number>();
  /** Answers other than 200/204, by action and status: which part of the mix met which refusal. */
  readonly errorsByAction = new Map<string, number>();
  requests = 0;

  record(action: string, status: string, ms: number): void {
    this.requests += 1;
    this.latencies.push(ms);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
    if (!isSuccess(status)) {
      const key = `${action} ${status}`;
      this.errorsByAction.set(key, (this.errorsByAction.get(key) ?? 0) + 1);
    }
  }

  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = Float64Array.from(this.latencies).sort();
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
  }

  errors(): Record<string, number> {
    return Object.fromEntries([...this.byStatus].filter(([status]) => !isSuccess(status)));
  }
}

const isSuccess = (status: string) => status === '200' || status === '204';

async function main(argv: string[]): Promise<void> {
  const options = parse(argv);
  const dataDir = await mkdtemp(join(tmpdir(), 'soak-'));
  let gateway: RunningGateway | null = null;
  try {
    // Accepts come from many invitees' addresses through a proxy on this machine, as behind a load balancer.
    gateway = await startGateway(dataDir, { TRUST_PROXY: 'loopback' });
    await waitUntilReady(gateway.url);
    const pid = gateway.child.pid!;
    const url = gateway.url;
    console.log(`soak: gateway pid ${pid} at ${url}, DATA_DIR ${dataDir}; seeding...`);
    const admins = await seed(url);
    const outbox = new Outbox(join(dataDir, 'outbox', 'messages.ndjson'));
    // A warm-up minute's worth of the mix, so that the start figures are of a gateway that has served traffic.
    await drive(
      url,
      admins,
      outbox,
      new Stats(),
      Math.min(30_000, options.minutes * 15_000),
      options.workers,
    );
    const startRss = await rssMb(pid);
    console.log(
      `soak: start RSS ${startRss} MB; driving ${options.workers} clients for ${options.minutes} min`,
    );

    const total = new Stats();
    const windows: { minute: number; p50: number; p99: number; rss: number; requests: number }[] = [];
    const deadline = Date.now() + options.minutes * 60_000;
    let window = new Stats();
    const windowMs = 30_000;
    while (Date.now() < deadline) {
      const slice = Math.min(windowMs, deadline - Date.now());
      await drive(url, admins, outbox, new Fanout([total, window]), slice, options.workers);
      const rss = await rssMb(pid);
      const minute = Math.round(((options.minutes * 60_000 - (deadline - Date.now())) / 60_000) * 10) / 10;
      windows.push({
        minute,
        p50: window.percentile(50),
        p99: window.percentile(99),
        rss,
        requests: window.requests,
      });
      console.log(
        `soak: ${minute} min: ${window.requests} requests, p50 ${window.percentile(50)} ms, p99 ${window.percentile(99)} ms, ` +
          `RSS ${rss} MB, errors ${JSON.stringify(window.errors())}`,
      );
      window = new Stats();
    }
    const endRss = await rssMb(pid);
    // The embedded stores keep the read models and the log's index in the gateway's heap, so RSS grows with the
    // people the mix adds. What a leak would add is told apart by a gateway started afresh on the same data (its
    // read models rebuilt from the log) and warmed by the same mix as at the start: it holds the data and nothing
    // the soak's hours of traffic left behind.
    await gateway.stop();
    gateway = await startGateway(dataDir, { TRUST_PROXY: 'loopback' });
    await waitUntilReady(gateway.url);
    await drive(
      gateway.url,
      admins,
      outbox,
      new Stats(),
      Math.min(30_000, options.minutes * 15_000),
      options.workers,
    );
    const restartedRss = await rssMb(gateway.child.pid!);
    const first = windows[0];
    const last = windows[windows.length - 1];
    const summary = {
      minutes: options.minutes,
      requests: total.requests,
      requestsPerSec: Math.round(total.requests / (options.minutes * 60)),
      byAction: Object.fromEntries(total.byAction),
      byStatus: Object.fromEntries(total.byStatus),
      errorsByStatus: total.errors(),
      errorsByAction: Object.fromEntries(total.errorsByAction),
      serverErrors: [...total.byStatus].filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0),
      p50Ms: total.percentile(50),
      p99Ms: total.percentile(99),
      firstWindowP99Ms: first?.p99 ?? 0,
      lastWindowP99Ms: last?.p99 ?? 0,
      startRssMb: startRss,
      endRssMb: endRss,
      rssChangePercent: Math.round(((endRss - startRss) / startRss) * 1000) / 10,
      restartedRssMb: restartedRss,
      rssOverRestartedPercent: Math.round(((endRss - restartedRss) / restartedRss) * 1000) / 10,
    };
    console.log('soak: summary');
    console.log(`  requests          ${summary.requests} (${summary.requestsPerSec}/s)`);
    console.log(`  by action         ${JSON.stringify(summary.byAction)}`);
    console.log(`  by status         ${JSON.stringify(summary.byStatus)}`);
    console.log(
      `  errors by status  ${JSON.stringify(summary.errorsByStatus)} (5xx: ${summary.serverErrors})`,
    );
    console.log(`  latency           p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms`);
    console.log(
      `  p99 first/last    ${summary.firstWindowP99Ms} ms / ${summary.lastWindowP99Ms} ms (30 s windows)`,
    );
    console.log(
      `  gateway RSS       ${startRss} MB at the start, ${endRss} MB at the end (${summary.rssChangePercent}%)`,
    );
    console.log(
      `  same data, fresh  ${restartedRss} MB (a gateway restarted on the soak's data and warmed as at the start; ` +
        `the soak's gateway held ${summary.rssOverRestartedPercent}% more)`,
    );
    console.log(JSON.stringify(summary));
  } finally {
    await gateway?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Totals and the current window at once. */
class Fanout extends Stats {
  constructor(private readonly sinks: Stats[]) {
    super();
  }
  override record(action: string, status: string, ms: number): void {
    for (const sink of this.sinks) sink.record(action, status, ms);
  }
}

/** Four organisations of four admins, each organisation a pool and a batch of 500 people staged by upload. */
async function seed(url: string): Promise<Admin[]> {
  const admins: Admin[] = [];
  for (let o = 0; o < ORGANISATIONS; o += 1) {
    const org = `soak-org-${o}`;
    const first = await mintDevToken(JWT_SECRET, { org, sub: `${org}-admin-0` });
    const pool = await gql<{ createResourcePool: { id: string } }>(
      url,
      first,
      `mutation { createResourcePool(input: { name: "Soak ${o}" }) { id } }`,
    );
    const batch = await gql<{ createInvitationBatch: { id: string } }>(
      url,
      first,
      `mutation($poolId: ID!) { createInvitationBatch(input: { poolId: $poolId, name: "Soak batch" }) { id } }`,
      { poolId: pool.data!.createResourcePool.id },
    );
    const batchId = batch.data!.createInvitationBatch.id;
    const preview = await upload(url, first, batchId, people(`seed-${o}`, SEED_PEOPLE_PER_BATCH));
    await gql(url, first, `mutation($id: ID!) { confirmUpload(input: { uploadId: $id }) { staged } }`, {
      id: preview.id,
    });
    for (let a = 0; a < ADMINS_PER_ORGANISATION; a += 1) {
      admins.push({
        org,
        token: await mintDevToken(JWT_SECRET, { org, sub: `${org}-admin-${a}` }),
        batchId,
        staged: [],
        invited: [],
      });
    }
  }
  return admins;
}

let sequence = 0;
function people(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, () => {
    sequence += 1;
    return `${prefix}-${sequence}@example.com,1985-05-05,Person${sequence % 997},,Soak${sequence % 991},,,Nurse`;
  });
  return `${HEADER}\n${rows.join('\n')}\n`;
}

type Action = (admin: Admin, stats: Stats) => Promise<void>;

/** Runs `workers` clients, each picking the next action by its weight, until `ms` have passed. */
async function drive(
  url: string,
  admins: Admin[],
  outbox: Outbox,
  stats: Stats,
  ms: number,
  workers: number,
) {
  const actions: [number, string, Action][] = [
    [
      25,
      'pools',
      (a, s) =>
        timed(s, 'pools', () =>
          gqlStatus(url, a.token, '{ resourcePools { id name memberCount batches { id name } } }'),
        ),
    ],
    [
      25,
      'page',
      (a, s) =>
        timed(s, 'page', () =>
          gqlStatus(
            url,
            a.token,
            `query($id: ID!) { invitationBatch(id: $id) { counts { uploaded invalid invited accepted } uploaded(first: 50) { totalCount nodes { id email firstName lastName uploadStatus state } pageInfo { hasNextPage endCursor } } invited(first: 50) { totalCount nodes { id state } } } }`,
            { id: a.batchId },
          ),
        ),
    ],
    [
      10,
      'history',
      async (a, s) => {
        const people = a.invited.length > 0 && Math.random() < 0.5 ? a.invited : a.staged;
        const id = people[Math.floor(Math.random() * people.length)];
        if (!id) return;
        await timed(s, 'history', () =>
          gqlStatus(
            url,
            a.token,
            `query($id: ID!) { invitee(id: $id) { id state history { type at actor data } } }`,
            { id },
          ),
        );
      },
    ],
    [
      12,
      'stage',
      async (a, s) => {
        sequence += 1;
        const input = {
          batchId: a.batchId,
          email: `one-${sequence}@example.com`,
          dateOfBirth: '1990-02-02',
          firstName: 'One',
          lastName: `Off${sequence}`,
        };
        await timed(s, 'stage', async () => {
          const answer = await gql<{ stageInvitee: { id: string } }>(
            url,
            a.token,
            `mutation($input: StageInviteeInput!) { stageInvitee(input: $input) { id } }`,
            { input },
            { 'idempotency-key': `stage-${sequence}` },
          );
          if (answer.data?.stageInvitee) a.staged.push(answer.data.stageInvitee.id);
          return answer.status;
        });
      },
    ],
    [
      4,
      'upload',
      async (a, s) => {
        let uploadId: string | null = null;
        await timed(s, 'upload', async () => {
          const response = await fetch(`${url}/api/uploads?batchId=${a.batchId}`, {
            method: 'POST',
            headers: { 'content-type': 'text/csv', authorization: `Bearer ${a.token}` },
            body: people('bulk', 20),
          });
          const body = (await response.json()) as { id?: string; code?: string };
          uploadId = body.id ?? null;
          return graphqlStatus(response.status, body);
        });
        if (uploadId) {
          await timed(s, 'confirm', () =>
            gqlStatus(
              url,
              a.token,
              `mutation($id: ID!) { confirmUpload(input: { uploadId: $id, sendInvitations: true, message: "Welcome" }) { staged invited } }`,
              { id: uploadId },
            ),
          );
        }
      },
    ],
    [
      10,
      'invite',
      async (a, s) => {
        const inviteeIds = a.staged.splice(0, 3);
        if (inviteeIds.length === 0) return;
        await timed(s, 'invite', () =>
          gqlStatus(
            url,
            a.token,
            `mutation($input: SendInvitationsInput!) { sendInvitations(input: $input) { invited { id } skipped { reason } } }`,
            {
              input: { batchId: a.batchId, inviteeIds, message: 'See you on Monday,\nthe team' },
            },
          ),
        );
        a.invited.push(...inviteeIds);
        if (a.invited.length > 1000) a.invited.splice(0, a.invited.length - 1000);
      },
    ],
    [
      10,
      'accept',
      async (_a, s) => {
        const token = await outbox.nextToken();
        if (!token) return;
        const address = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
        await timed(s, 'accept', async () => {
          const response = await fetch(`${url}/invitations/accept`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
            body: `token=${encodeURIComponent(token)}`,
          });
          await response.arrayBuffer();
          return String(response.status);
        });
      },
    ],
    [
      4,
      'remove',
      async (a, s) => {
        const id = a.staged.shift();
        if (!id) return;
        await timed(s, 'remove', () =>
          gqlStatus(url, a.token, `mutation($id: ID!) { removeInvitee(inviteeId: $id) }`, { id }),
        );
      },
    ],
  ];
  const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0);
  const pick = (): Action => {
    let roll = Math.random() * totalWeight;
    for (const [weight, , action] of actions) {
      roll -= weight;
      if (roll < 0) return action;
    }
    return actions[0][2];
  };
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const admin = admins[Math.floor(Math.random() * admins.length)];
        await pick()(admin, stats);
      }
    }),
  );
}

/** Times one request; a request that fails to connect counts as `network`. */
async function timed(stats: Stats, action: string, call: () => Promise<string>): Promise<void> {
  const started = performance.now();
  let status: string;
  try {
    status = await call();
  } catch {
    status = 'network';
  }
  stats.record(action, status, performance.now() - started);
}

/** The HTTP status, or `200:CODE` for a GraphQL answer that carries an error (the code says whose fault). */
function graphqlStatus(
  status: number,
  body: { errors?: { extensions?: { code?: string } }[]; code?: string },
): string {
  const code = body.errors?.[0]?.extensions?.code ?? (status >= 400 ? body.code : undefined);
  return code ? `${status}:${code}` : String(status);
}

async function gql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: string; data?: T }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
  return { status: graphqlStatus(response.status, body), data: body.data };
}

const gqlStatus = async (
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
) => (await gql(url, token, query, variables)).status;

async function upload(url: string, token: string, batchId: string, csv: string): Promise<{ id: string }> {
  const response = await fetch(`${url}/api/uploads?batchId=${batchId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  if (!response.ok) throw new Error(`seed upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** The accept links in the outbox, each handed out once. */
class Outbox {
  private offset = 0;
  private readonly tokens: string[] = [];

  constructor(private readonly path: string) {}

  async nextToken(): Promise<string | null> {
    if (this.tokens.length === 0) await this.read();
    return this.tokens.shift() ?? null;
  }

  private async read(): Promise<void> {
    const bytes = await readFile(this.path).catch(() => Buffer.alloc(0));
    const lines = bytes.subarray(this.offset).toString('utf8').split('\n');
    // The last piece may be a line still being written: it is read next time.
    const complete = lines.slice(0, -1);
    this.offset += complete.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    for (const line of complete) {
      const message = JSON.parse(line) as { channel: string; acceptUrl?: string };
      if (message.channel !== 'email' || !message.acceptUrl) continue;
      const token = new URL(message.acceptUrl).searchParams.get('token');
      if (token) this.tokens.push(token);
    }
  }
}

function parse(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const minutes = Number(value('minutes'));
  const workers = Number(value('workers') ?? 8);
  if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isInteger(workers) || workers < 1) {
    console.error('usage: npm run soak -- --minutes N [--workers N]');
    process.exit(2);
  }
  return { minutes, workers };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
