import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EmbeddedEventStore,
  FileKeyStore,
  PersonalDataStore,
  type EventStore,
} from '@invitations/event-store';
import {
  KEY_DESTROYING_EVENT_TYPES,
  PERSONAL_DATA_RULES,
  PERSONAL_KEYED_STREAM_PREFIXES,
} from '@invitations/domain';
import { InMemoryReadModelStores, rebuildProjections } from '@invitations/runtime';
import { appendGeneratedLog, generateInvitationLog, type LogShape } from '@invitations/read-models/testing';
import { NOTIFICATIONS_SUBSCRIPTION } from '@invitations/application';
import { mintDevToken, OPS_ROLE } from '@invitations/auth';
import { collectGarbage, JWT_SECRET, withBenchGateway } from './gateway-process';

/**
 * 4 organisations x 3 pools x 6 batches x 500 people: about 236,000 events (pools, batches, seats
 * reserved, people staged, corrected, removed, invited, tokens, passports, acceptances, resends,
 * revocations, expiries).
 */
const BENCH_LOG: LogShape = {
  organisations: 4,
  poolsPerOrganisation: 3,
  batchesPerPool: 6,
  inviteesPerBatch: 500,
};

export interface RebuildBenchResult {
  rebuildEventsPerSec: number;
  rebuildEvents: number;
  /** The same log written as the service writes it (personal data encrypted), rebuilt decrypting it. */
  encryptedRebuildEventsPerSec: number;
  /**
   * The plain log's rebuild as an operator runs it: `POST /ops/rebuild` to a gateway serving that log (started on it,
   * its read models caught up), from the request to the result. The gateway's projections have run their code by
   * then, where the figures above are of a process that never ran it before (its compiler's warm-up included).
   */
  gatewayRebuildEventsPerSec: number;
}

/**
 * Writes a realistic log into an embedded event store under `dir`, then times a full rebuild of every
 * read model into fresh in-memory read models (replay, switch).
 */
export async function benchRebuild(dir: string): Promise<RebuildBenchResult> {
  const plain = await timedRebuild(join(dir, 'rebuild-bench-events'), (store) => store);
  const keysDir = join(dir, 'rebuild-bench-keys');
  const keys = await FileKeyStore.open(keysDir);
  const encrypted = await timedRebuild(
    join(dir, 'rebuild-bench-encrypted'),
    (store) =>
      new PersonalDataStore(store, {
        keys,
        rules: PERSONAL_DATA_RULES,
        keyDestroyingTypes: KEY_DESTROYING_EVENT_TYPES,
        streamIdSecret: Buffer.from('bench secret'),
        keyedStreamPrefixes: PERSONAL_KEYED_STREAM_PREFIXES,
      }),
  );
  await rm(keysDir, { recursive: true, force: true });
  return {
    rebuildEventsPerSec: plain.eventsPerSec,
    rebuildEvents: plain.events,
    encryptedRebuildEventsPerSec: encrypted.eventsPerSec,
    gatewayRebuildEventsPerSec: await gatewayRebuild(),
  };
}

/** The log written into a gateway's DATA_DIR, the gateway started on it, then asked to rebuild (see the figure). */
async function gatewayRebuild(): Promise<number> {
  const bench = {
    tempPrefix: 'rebuild-bench-gateway-',
    organisation: 'bench-org',
    seed: async (dataDir: string) => {
      const log = await EmbeddedEventStore.open(join(dataDir, 'events'));
      try {
        await appendGeneratedLog(log, generateInvitationLog(BENCH_LOG), 2000);
      } finally {
        await log.close();
      }
    },
  };
  return withBenchGateway(bench, async ({ gateway }) => {
    const token = await mintDevToken(JWT_SECRET, { org: 'operators', sub: 'bench-ops', roles: [OPS_ROLE] });
    // The process manager too has gone through the log (it sends the invitations the log holds): nothing else runs.
    await untilEveryCheckpointAtHead(gateway.url, token);
    const started = performance.now();
    const response = await fetch(`${gateway.url}/ops/rebuild`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    const lines = (await response.text()).trim().split('\n');
    const seconds = (performance.now() - started) / 1000;
    const last = JSON.parse(lines[lines.length - 1]) as { result?: { events: number } };
    if (response.status !== 200 || !last.result) throw new Error(`the rebuild failed: ${lines.at(-1)}`);
    return Math.round(last.result.events / seconds);
  });
}

/**
 * Writes the log through `as` (the store itself, or the service's encrypting store over it), then times a full
 * rebuild of every read model through it into fresh in-memory read models (replay, switch).
 */
async function timedRebuild(
  eventsDir: string,
  as: (store: EventStore) => EventStore,
): Promise<{ eventsPerSec: number; events: number }> {
  await rm(eventsDir, { recursive: true, force: true });
  const log = await EmbeddedEventStore.open(eventsDir);
  const store = as(log);
  try {
    // Large concurrent batches: the store commits many appends with one write and one sync.
    await appendGeneratedLog(store, generateInvitationLog(BENCH_LOG), 2000);
    const readModels = new InMemoryReadModelStores();
    // The writing's garbage is collected first: the figure is the rebuild's own work.
    collectGarbage();
    const started = performance.now();
    const { events } = await rebuildProjections(store, readModels);
    const seconds = (performance.now() - started) / 1000;
    await readModels.close();
    return { eventsPerSec: Math.round(events / seconds), events };
  } finally {
    await log.close();
    await rm(eventsDir, { recursive: true, force: true });
  }
}

/** Waits until every checkpoint `GET /ops/status` lists (the read models', the process manager's) is at the head. */
async function untilEveryCheckpointAtHead(url: string, token: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/ops/status`, { headers: { authorization: `Bearer ${token}` } });
    const status = (await response.json()) as { projections: { name: string; lag: string }[] };
    const named = status.projections.some(({ name }) => name === NOTIFICATIONS_SUBSCRIPTION);
    if (named && status.projections.every(({ lag }) => lag === '0')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// Standalone: node -r ./test/support/register-ts.js bench/rebuild.bench.ts [dir]
if (require.main === module) {
  benchRebuild(process.argv[2] ?? tmpdir()).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
