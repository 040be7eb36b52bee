import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '@invitations/auth';
import { GATEWAY_NODE_FLAGS } from '../apps/gateway/src/heap-tuning';

/** The secret the benchmarks' gateways sign and verify admin tokens with. */
export const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
/** The repository: the benchmarks run compiled, from dist/bench. */
const ROOT = join(__dirname, '..', '..');

/** A gateway process started as `npm start` starts it (the compiled main, the same node flags), and its client. */
export type GraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function graphqlClient(url: string, token: string): GraphQL {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

export async function createBatch(graphql: GraphQL, name: string): Promise<string> {
  const { createResourcePool } = await graphql<{ createResourcePool: { id: string } }>(
    `
      mutation ($name: String!) {
        createResourcePool(input: { name: $name }) {
          id
        }
      }
    `,
    { name },
  );
  const { createInvitationBatch } = await graphql<{ createInvitationBatch: { id: string } }>(
    `
      mutation ($poolId: ID!, $name: String!) {
        createInvitationBatch(input: { poolId: $poolId, name: $name }) {
          id
        }
      }
    `,
    { poolId: createResourcePool.id, name },
  );
  return createInvitationBatch.id;
}

export interface RunningGateway {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startGateway(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const main = join(ROOT, 'dist/apps/gateway/src/main.js');
  await stat(main);
  // Started as `npm start` starts it, with the same node flags.
  // BENCH_GATEWAY_NODE_FLAGS adds node flags for a look inside (e.g. --cpu-prof --cpu-prof-dir=/tmp/profile).
  const extra = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...GATEWAY_NODE_FLAGS, ...extra, main], {
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      JWT_SECRET,
      PORT: '0',
      CONSISTENCY_WAIT_MS: '60000',
      // The benchmarks measure speed, many requests a second from one admin: not the admin API's rate limits.
      ADMIN_RATE_LIMIT_PER_USER: '100000000',
      ADMIN_RATE_LIMIT_PER_ORGANISATION: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
      // Only the last lines are kept (for the message if it exits): a long run writes a line per request.
      if (output.length > 64 * 1024) output = output.slice(-32 * 1024);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`the gateway exited:\n${output}`)));
  });
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A benchmark's gateway, ready, and an admin of its organisation (the token, and a client that sends it). */
export interface BenchGateway {
  dataDir: string;
  gateway: RunningGateway;
  token: string;
  graphql: GraphQL;
}

/**
 * What most benchmarks measure through: a fresh DATA_DIR (named `tempPrefix`...), what `seed` writes into it
 * before the gateway opens it (e.g. a log written straight to disk), the gateway started on it (with `env`) and
 * ready, and the admin `bench-admin` of `organisation`. Whatever `run` does, the gateway is stopped and the
 * directory removed afterwards.
 */
export async function withBenchGateway<Seeded, Figures>(
  setup: {
    tempPrefix: string;
    organisation: string;
    env?: Record<string, string>;
    seed?: (dataDir: string) => Promise<Seeded>;
  },
  run: (bench: BenchGateway, seeded: Seeded) => Promise<Figures>,
): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), setup.tempPrefix));
  try {
    const seeded = (await setup.seed?.(dataDir)) as Seeded;
    const gateway = await startGateway(dataDir, setup.env);
    try {
      await waitUntilReady(gateway.url);
      const token = await mintDevToken(JWT_SECRET, { org: setup.organisation, sub: 'bench-admin' });
      return await run({ dataDir, gateway, token, graphql: graphqlClient(gateway.url, token) }, seeded);
    } finally {
      await gateway.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function waitUntilReady(url: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/health/ready`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A process's CPU time so far, user and system, from /proc (in clock ticks of 1/100 s on Linux). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function peakRssSampler(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    void rssMb(pid).then(
      (mb) => (peak = Math.max(peak, mb)),
      () => undefined,
    );
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      peak = Math.max(peak, await rssMb(pid));
      return peak;
    },
  };
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
