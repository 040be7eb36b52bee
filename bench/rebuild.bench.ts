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
import { collectGarbage } from './gateway-process';

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
  };
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
