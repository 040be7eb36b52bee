import { EmbeddedReadStore } from '@invitations/read-store';
import type { BulkOperation, IndexSpec, ReadCollection } from '@invitations/read-store';

/** One measured workload of the read-store benchmark. */
export interface ReadStoreBenchFigure {
  name: string;
  operations: number;
  /** CPU seconds. */
  seconds: number;
  perSecond: number;
}

export interface ReadStoreBenchOptions {
  /** Documents in the collection (150,000 by default, the size of a large organisation's invitees). */
  documents?: number;
  /** Upserts by `_id` (300,000 by default). */
  upserts?: number;
  /** Finds by an indexed field (100,000 by default). */
  finds?: number;
}

/** The invitees read model's indexes: every write keeps all of them up to date. */
const INDEXES: IndexSpec[] = [
  { keys: { organisationId: 1, batchId: 1, state: 1, sortKey: 1 }, name: 'organisation_batch_state_sort' },
  { keys: { poolId: 1, email: 1 }, name: 'pool_email' },
  { keys: { invitationId: 1 }, name: 'invitation' },
];
const BATCHES = 30;
const PAGE = 50;

/**
 * Measures the embedded read store on the workloads of projections and queries: upserts by `_id`
 * (alone, and as projections batch them in ordered bulk writes), updates guarded by `_pos`, finds
 * by an indexed field, and pages of a batch's tab sorted by `sortKey`; writes both before any
 * query (a rebuild) and once every index is in use.
 */
export async function benchReadStore(options: ReadStoreBenchOptions = {}): Promise<ReadStoreBenchFigure[]> {
  const documents = options.documents ?? 150_000;
  const upserts = options.upserts ?? 300_000;
  const finds = options.finds ?? 100_000;
  const store = new EmbeddedReadStore();
  const invitees = store.collection('invitees');
  await invitees.createIndexes(INDEXES);
  const figures: ReadStoreBenchFigure[] = [];

  // A rebuild: writes before any query, so only unique indexes are maintained (none here).
  figures.push(
    await measure('rebuild: upsert by _id with $set (updateOne)', upserts, async (i) => {
      await invitees.updateOne(
        { _id: inviteeId(i % documents) },
        { $set: invitee(i % documents, i) },
        { upsert: true },
      );
    }),
  );
  figures.push(
    await measureBulk(
      'rebuild: upsert by _id with $set (bulkWrite of 1,000)',
      invitees,
      upserts,
      documents,
      0,
    ),
  );
  figures.push(
    await measure('find by indexed field (invitationId)', finds, async (i) => {
      const found = await invitees.find({ invitationId: `invitation-${(i * 7919) % documents}` });
      if (found.length !== 1) throw new Error('the benchmark data is not what it should be');
    }),
  );
  const pages = Math.min(finds, 2_000);
  figures.push(
    await measure(
      `page of ${PAGE} of a batch's tab, sorted (~${Math.round(documents / BATCHES)} docs)`,
      pages,
      async (i) => {
        await invitees.find(
          { organisationId: 'organisation-1', batchId: `batch-${i % BATCHES}`, state: 'INVITED' },
          { sort: { sortKey: 1 }, skip: (i % 20) * PAGE, limit: PAGE },
        );
      },
    ),
  );
  // Steady state: every index has served a query, so every write keeps all of them up to date.
  await useEveryIndex(invitees);
  figures.push(
    await measure('steady state: update guarded by _pos (updateOne)', upserts, async (i) => {
      await invitees.updateOne(
        { _id: inviteeId(i % documents), _pos: { $lt: position(2 * upserts + i) } },
        { $set: { state: i % 2 ? 'ACCEPTED' : 'INVITED', _pos: position(2 * upserts + i) } },
      );
    }),
  );
  figures.push(
    await measureBulk(
      'steady state: upsert by _id with $set (bulkWrite of 1,000)',
      invitees,
      upserts,
      documents,
      3 * upserts,
    ),
  );
  figures.push(
    await measure(`same page, each after a write that moves a document in it`, pages, async (i) => {
      const batch = i % BATCHES;
      const sortKey = `2025-02-01T00:00:00.000Z ${inviteeId(i)}`;
      await invitees.updateOne(
        { _id: inviteeId(batch) },
        { $set: { sortKey, _pos: position(5 * upserts + i) } },
      );
      await invitees.find(
        { organisationId: 'organisation-1', batchId: `batch-${batch}`, state: 'INVITED' },
        { sort: { sortKey: 1 }, skip: 0, limit: PAGE },
      );
    }),
  );
  await store.close();
  return figures;
}

/** Queries that each need one of the invitees' hash indexes, so that all of them get built. */
async function useEveryIndex(collection: ReadCollection): Promise<void> {
  const organisationId = 'organisation-1';
  await collection.find({ organisationId }, { limit: 1 });
  await collection.find({ organisationId, batchId: 'batch-1' }, { limit: 1 });
  await collection.find({ organisationId, batchId: 'batch-1', state: 'INVITED' }, { limit: 1 });
  await collection.find({ organisationId, batchId: 'batch-1', state: 'INVITED', sortKey: 'x' });
  await collection.find({ poolId: 'pool-1' }, { limit: 1 });
  await collection.find({ poolId: 'pool-1', email: 'nobody' });
}

async function measureBulk(
  name: string,
  collection: ReadCollection,
  upserts: number,
  documents: number,
  firstVersion: number,
): Promise<ReadStoreBenchFigure> {
  const batch = 1_000;
  return measure(name, upserts / batch, async (b) => {
    const operations: BulkOperation[] = [];
    for (let i = b * batch; i < (b + 1) * batch; i += 1) {
      const filter = { _id: inviteeId(i % documents) };
      const update = { $set: invitee(i % documents, firstVersion + i) };
      operations.push({ updateOne: { filter, update, upsert: true } });
    }
    await collection.bulkWrite(operations);
  }).then((figure) => ({ ...figure, operations: upserts, perSecond: Math.round(upserts / figure.seconds) }));
}

/** Times a workload by the process's CPU time, which other processes sharing the machine disturb less than wall time. */
async function measure(
  name: string,
  operations: number,
  run: (i: number) => Promise<void>,
): Promise<ReadStoreBenchFigure> {
  const started = process.cpuUsage();
  for (let i = 0; i < operations; i += 1) await run(i);
  const used = process.cpuUsage(started);
  const seconds = (used.user + used.system) / 1e6;
  return {
    name,
    operations,
    seconds: Number(seconds.toFixed(3)),
    perSecond: Math.round(operations / seconds),
  };
}

function inviteeId(n: number): string {
  return `invitee-${n.toString().padStart(8, '0')}`;
}

function position(n: number): string {
  return n.toString().padStart(20, '0');
}

/** An invitee document of the shape the invitees projection writes (synthetic values, no personal data). */
function invitee(n: number, version: number): Record<string, unknown> {
  return {
    organisationId: 'organisation-1',
    batchId: `batch-${n % BATCHES}`,
    poolId: `pool-${n % 7}`,
    email: `person-${n}@example.test`,
    mobile: null,
    dateOfBirth: '1990-01-01',
    firstName: 'First',
    lastName: 'Last',
    state: 'INVITED',
    uploadStatus: 'VALID',
    discrepancies: [],
    invitationId: `invitation-${n}`,
    invitedAt: '2025-01-01T00:00:00.000Z',
    search: `first last person-${n}@example.test`,
    sortKey: `2025-01-01T00:00:00.000Z ${inviteeId(n)}`,
    _pos: position(version),
  };
}

if (require.main === module) {
  benchReadStore().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
