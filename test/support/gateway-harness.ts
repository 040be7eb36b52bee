import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '@invitations/auth';
import type { OutgoingMessage } from '@invitations/notifications';
import { CREATE_BATCH, CREATE_POOL } from './operations';

export const TEST_JWT_SECRET = 'e2e-secret-0123456789abcdef0123456789';
const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; errors?: { row?: number; field?: string; message: string }[] };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
}

/**
 * The gateway as its users meet it: its own process (`apps/gateway/src/main.ts`, run by node as `npm start`
 * would, with TypeScript transpiled on load), on the embedded stores in a temporary DATA_DIR, reached only over
 * HTTP. It can be stopped cleanly, or killed with SIGKILL, and started again on the same DATA_DIR.
 */
export class Gateway {
  private exited: Promise<number | null>;
  output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
    private readonly ownsDir: boolean,
    exited: Promise<number | null>,
  ) {
    this.exited = exited;
  }

  static async start(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Gateway> {
    const ownsDir = !options.dataDir;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gateway-e2e-')));
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'apps/gateway/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NO_COLOR: '1',
          DATA_DIR: dataDir,
          JWT_SECRET: TEST_JWT_SECRET,
          PORT: '0',
          PUBLIC_BASE_URL: 'https://invitations.example.test',
          // Tests poll in tight loops, faster than any admin: the admin API's limits are tested on their own
          // (rate-limits.e2e.ts), with their own settings.
          ADMIN_RATE_LIMIT_PER_USER: '1000000',
          ADMIN_RATE_LIMIT_PER_ORGANISATION: '1000000',
          // The sweeps (expiry, reminders, upload shredding, retention) write to the log on their own: they run when
          // a test asks for them (a short EXPIRY_SWEEP_SECONDS), so that otherwise the log moves only by the test.
          EXPIRY_SWEEP_SECONDS: '3600',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`gateway did not start in time:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on http:\/\/localhost:(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}`);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`gateway exited with ${code} before listening:\n${output}`));
      });
    });
    const gateway = new Gateway(child, url, dataDir, ownsDir, exited);
    const keep = (chunk: Buffer) => (gateway.output += chunk.toString());
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    gateway.output = output;
    return gateway;
  }

  /** Stops the process cleanly (SIGTERM) and, unless kept, removes its DATA_DIR. */
  async stop(options: { keepData?: boolean } = {}): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    const code = await this.exited;
    if (this.ownsDir && !options.keepData) await rm(this.dataDir, { recursive: true, force: true });
    return code;
  }

  /** Kills the process at once, as a crash or `kill -9` would. DATA_DIR is kept. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  token(org: string, sub = `admin-of-${org}`, roles = ['org-admin'], name?: string): Promise<string> {
    return mintDevToken(TEST_JWT_SECRET, { org, sub, roles, ...(name ? { name } : {}) });
  }

  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
  }

  /** Like graphql(), but fails the test on any error and returns the data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T> {
    const result = await this.graphql<T>(query, variables, token);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /** Creates a resource pool and a batch in it, as the admin of `token`. */
  async poolAndBatch(
    token: string,
    poolName = 'Pool',
    batchName = 'Batch',
  ): Promise<{ poolId: string; batchId: string }> {
    const { createResourcePool: pool } = await this.ok<{ createResourcePool: { id: string } }>(
      CREATE_POOL,
      { name: poolName },
      token,
    );
    const { createInvitationBatch: batch } = await this.ok<{ createInvitationBatch: { id: string } }>(
      CREATE_BATCH,
      { poolId: pool.id, name: batchName },
      token,
    );
    return { poolId: pool.id, batchId: batch.id };
  }

  /**
   * Waits until the gateway says it is ready (`/health/ready`: its read models have caught up with the log): a
   * gateway answers as soon as it listens, while it rebuilds its read models from the log.
   */
  async untilReady(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await fetch(`${this.url}/health/ready`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`the gateway was not ready within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The head of the event log, from the operator endpoint (needs the ops role). */
  async logHead(): Promise<string> {
    const token = await this.token('operators', 'ops-test', ['ops']);
    const response = await fetch(`${this.url}/ops/status`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /ops/status answered ${response.status}`);
    return ((await response.json()) as { log: { head: string } }).log.head;
  }

  /** The messages in the outbox (DATA_DIR/outbox/messages.ndjson). */
  async outbox(): Promise<OutgoingMessage[]> {
    try {
      const text = await readFile(join(this.dataDir, 'outbox', 'messages.ndjson'), 'utf8');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as OutgoingMessage);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Waits for the outbox to hold `count` messages matching the predicate; answers the last of them. */
  async waitForMessage(
    predicate: (m: OutgoingMessage) => boolean,
    count = 1,
    timeoutMs = 10_000,
  ): Promise<OutgoingMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.outbox()).filter(predicate);
      if (found.length >= count) return found[count - 1];
      if (Date.now() > deadline)
        throw new Error(`fewer than ${count} matching messages reached the outbox in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The token of an accept link. */
export const tokenOf = (message: OutgoingMessage): string =>
  new URL(message.acceptUrl ?? 'invalid:').searchParams.get('token') ?? '';

/** A gateway the tests of one describe block share; its fields are set once the block's tests run. */
export interface SharedGateway {
  gw: Gateway;
}

/** A shared gateway with an admin of an organisation, and a pool and a batch of theirs. */
export interface SharedGatewayWithBatch extends SharedGateway {
  token: string;
  batchId: string;
}

/** Starts a gateway (with `env`) before the tests of the describe block that calls it, and stops it after them. */
export function sharedGateway(env: Record<string, string> = {}): SharedGateway {
  const shared = {} as SharedGateway;
  beforeAll(async () => {
    shared.gw = await Gateway.start({ env });
  });
  afterAll(() => shared.gw.stop());
  return shared;
}

/** As {@link sharedGateway}, with the admin `sub` of `org` and a pool and a batch they created. */
export function sharedGatewayWithBatch(
  org: string,
  sub: string,
  env: Record<string, string> = {},
): SharedGatewayWithBatch {
  const shared = sharedGateway(env) as SharedGatewayWithBatch;
  beforeAll(async () => {
    shared.token = await shared.gw.token(org, sub);
    ({ batchId: shared.batchId } = await shared.gw.poolAndBatch(shared.token));
  });
  return shared;
}
