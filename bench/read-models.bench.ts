import {
  InMemoryReadModels,
  positionKey,
  type DocumentChange,
  type InviteeDoc,
  type TabRequest,
} from '@invitations/read-models';
import { NOT_YET_INVITED } from '@invitations/read-models/testing';
import type { UploadStatus } from '@invitations/domain';

/** What the in-memory read models answer, and how fast, for the admin screens' heaviest reads. */
export interface ReadModelsBenchFigures {
  /** Invitee documents written per CPU second, as a rebuild writes them (changes of 1,000 documents at once). */
  inviteeWritesPerSec: number;
  /** A page of 50 of the Uploaded tab of a batch of 150,000 invitees, with the batch's counts: median and p99. */
  tabPageMedianMicros: number;
  tabPageP99Micros: number;
  /** The same, narrowed to an upload status (INVALID: one invitee in twenty). */
  filteredTabPageP99Micros: number;
  /** A page after a write that moves an invitee of the page to another tab (the steady state's shape). */
  tabPageAfterWriteP99Micros: number;
  /** A search, which reads the whole tab: the median, in milliseconds. */
  searchPageMillis: number;
}

const INVITEES = 150_000;
const PAGE = 50;
const SAMPLES = 5_000;
const ORG = 'organisation-1';
const BATCH = 'batch-1';

/**
 * The in-memory read models with one batch of 150,000 invitees (as a 150,000-row upload stages them): how fast a
 * rebuild writes them, and how fast the Uploaded tab answers a page with its counts. Each page is timed alone
 * (hrtime), so the median and the 99th percentile are the read model's own time, without HTTP or GraphQL.
 */
export async function benchReadModels(): Promise<ReadModelsBenchFigures> {
  const readModels = new InMemoryReadModels();
  const invitees = readModels.storage.documents('invitees');
  let position = 0n;
  const cpu = process.cpuUsage();
  for (let start = 0; start < INVITEES; start += 1000) {
    const changes: DocumentChange<InviteeDoc>[] = [];
    for (let n = start; n < start + 1000; n += 1) {
      const doc = invitee(n, positionKey((position += 1n)));
      changes.push({ id: doc._id, document: doc, position: doc._pos });
    }
    await invitees.write(changes);
  }
  const used = process.cpuUsage(cpu);
  const inviteeWritesPerSec = Math.round(INVITEES / ((used.user + used.system) / 1e6));

  const tab: TabRequest = { organisationId: ORG, batchId: BATCH, states: ['UPLOADED'], first: PAGE };
  const cursors = await sampleCursors(readModels, tab);
  const page = (request: TabRequest) =>
    Promise.all([readModels.invitees.tabPage(request), readModels.invitees.countsOfBatch(ORG, BATCH)]);

  const plain = await timed((i) => page({ ...tab, after: cursors[i % cursors.length] }));
  const filtered = await timed((i) =>
    page({ ...tab, uploadStatus: 'INVALID', after: i % 2 === 0 ? null : cursors[i % cursors.length] }),
  );
  const afterWrite = await timed(async (i) => {
    const moved = (await readModels.invitees.byId(ORG, inviteeId(i)))!;
    const next = { ...moved, state: 'INVITED' as const, _pos: positionKey((position += 1n)) };
    await invitees.write([{ id: next._id, document: next, position: next._pos }]);
    return page({ ...tab, after: null });
  });
  const searches = [];
  for (let i = 0; i < 21; i += 1) {
    const started = process.hrtime.bigint();
    const found = await readModels.invitees.tabPage({ ...tab, search: `person-${1499 + i}` });
    searches.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (found.totalCount === 0) throw new Error('the benchmark data is not what it should be');
  }

  return {
    inviteeWritesPerSec,
    tabPageMedianMicros: percentile(plain, 0.5),
    tabPageP99Micros: percentile(plain, 0.99),
    filteredTabPageP99Micros: percentile(filtered, 0.99),
    tabPageAfterWriteP99Micros: percentile(afterWrite, 0.99),
    searchPageMillis: percentile(searches, 0.5),
  };
}

/** Cursors spread over the whole tab: a page from the start, the middle, the end. */
async function sampleCursors(readModels: InMemoryReadModels, tab: TabRequest): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  let after: string | null = null;
  for (;;) {
    const page = await readModels.invitees.tabPage({ ...tab, first: 500, after });
    if (!page.hasNextPage || page.endCursor === null) return cursors;
    after = page.endCursor;
    if (cursors.length < 400) cursors.push(after);
  }
}

/** Each sample's time, in microseconds. */
async function timed(run: (i: number) => Promise<unknown>): Promise<number[]> {
  const micros: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = process.hrtime.bigint();
    await run(i);
    micros.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  return micros;
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] * 10) / 10;
}

const inviteeId = (n: number) => `invitee-${n.toString().padStart(8, '0')}`;

/** An invitee as the projection writes it (synthetic values, no personal data), staged a second apart. */
function invitee(n: number, pos: string): InviteeDoc {
  const id = inviteeId(n);
  const stagedAt = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
  const uploadStatus: UploadStatus = n % 20 === 0 ? 'INVALID' : n % 7 === 0 ? 'EXISTING' : 'NEW';
  return {
    _id: id,
    organisationId: ORG,
    batchId: BATCH,
    poolId: 'pool-1',
    email: `person-${n}@example.test`,
    mobile: null,
    dateOfBirth: '1990-01-01',
    firstName: 'First',
    middleNames: null,
    lastName: 'Last',
    preferredName: null,
    jobRole: null,
    uploadStatus,
    discrepancies: [],
    passportId: null,
    stagedAt,
    ...NOT_YET_INVITED,
    uploadId: 'upload-1',
    // join makes flat strings, as the projection's folding does (a template literal may leave a rope).
    search: ['first last', `person-${n}@example.test`].join(' '),
    sortKey: [stagedAt, id].join(' '),
    _pos: pos,
  };
}

// Standalone: node -r ./test/support/register-ts.js bench/read-models.bench.ts
if (require.main === module) {
  benchReadModels().then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
