import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@invitations/event-store';
import { InMemoryReadModelStores, rebuildProjections } from '@invitations/runtime';
import { appendGeneratedLog, generateInvitationLog, type LogShape } from '@invitations/read-models/testing';

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
}

/**
 * Writes a realistic log into an embedded event store under `dir`, then times a full rebuild of every
 * read model into fresh in-memory read models (replay, switch).
 */
export async function benchRebuild(dir: string): Promise<RebuildBenchResult> {
  const eventsDir = join(dir, 'rebuild-bench-events');
  await rm(eventsDir, { recursive: true, force: true });
  const store = await EmbeddedEventStore.open(eventsDir);
  try {
    // Large concurrent batches: the store commits many appends with one write and one sync.
    await appendGeneratedLog(store, generateInvitationLog(BENCH_LOG), 2000);
    const readModels = new InMemoryReadModelStores();
    const started = performance.now();
    const { events } = await rebuildProjections(store, readModels);
    const seconds = (performance.now() - started) / 1000;
    await readModels.close();
    return { rebuildEventsPerSec: Math.round(events / seconds), rebuildEvents: events };
  } finally {
    await store.close();
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
