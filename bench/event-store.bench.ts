/**
 * Benchmark of the embedded event store.
 *
 * 1. Durable appends: 16 concurrent writers, each appending one small realistic event at a time (exact
 *    expected revision, a new stream every few events), for a few seconds.
 * 2. The raw limit for the same pattern: the same 16 writers make the same events and serialise each with
 *    JSON.stringify (the least any writer must do), then hand the bytes to a group-committing loop that
 *    does nothing else: take everything pending, one write at the end of a plain file, one fdatasync,
 *    acknowledge all, with the same scheduling as the store's writer (one event-loop turn to gather, one
 *    sync in flight). No framing, checksums, checks or index: the best any group-committing writer can do
 *    on this disk with this pattern. Reported too: the same loop fed a ready-made buffer of the store's
 *    record size (no event made, nothing serialised), which also leaves out the writers' own work.
 *    The kinds alternate in rounds in the same run, so all see the same disk and the same neighbours' load.
 * 3. Reading the whole log: 200,000 events appended in bulk, the store reopened (timing the index rebuild),
 *    then read with readAll and with a catch-up subscription. The file was just written, so it is read from
 *    the page cache: this measures the store's CPU cost, not the disk.
 *
 * Run alone: node -r ./test/support/register-ts.js bench/event-store.bench.ts [directory]
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@invitations/event-store';
import { encodeRecord } from '@invitations/event-store';
import type { NewEvent } from '@invitations/event-store';

export interface EventStoreBenchResult {
  /** Durable appends (one event each) per second, 16 concurrent writers. */
  appendEventsPerSec: number;
  /** The same pattern with plain write + fdatasync, grouped the same way. */
  rawFsyncAppendsPerSec: number;
  /** The raw loop fed a ready-made buffer: writers make no event and serialise nothing. */
  rawBufferAppendsPerSec: number;
  /** Events per second read by readAll over the whole log. */
  readAllEventsPerSec: number;
  appendToRawRatio: number;
  /** Events per second delivered by a catch-up subscription over the whole log. */
  subscribeEventsPerSec: number;
  /** Events per second of log scanned and indexed when the store opens. */
  openEventsPerSec: number;
  /** Average events acknowledged per sync during the append rounds. */
  eventsPerSync: number;
  readEvents: number;
  logMiB: number;
}

const WRITERS = 16;
const EVENTS_PER_STREAM = 5;
const ROUND_SECONDS = 1;
const ROUNDS = 5;
const READ_EVENTS = 200_000;
const BULK_APPEND = 500;

export async function benchEventStore(dir: string): Promise<EventStoreBenchResult> {
  await mkdir(dir, { recursive: true });
  const buffer = Buffer.alloc(encodeRecord(`invitee-${randomUUID()}`, realisticEvent()).length, 0x61);
  let storeEvents = 0;
  let storeSyncs = 0;
  const kinds: Record<'store' | 'raw' | 'rawBuffer', (round: number) => Promise<Round>> = {
    store: async (round) => {
      const result = await storeAppends(join(dir, `appends-${round}`), ROUND_SECONDS);
      storeEvents += result.events;
      storeSyncs += result.syncs;
      return result;
    },
    raw: (round) => rawGroupCommit(join(dir, `raw-${round}.log`), serialisedEvent, ROUND_SECONDS),
    rawBuffer: (round) => rawGroupCommit(join(dir, `raw-buffer-${round}.log`), () => buffer, ROUND_SECONDS),
  };
  const rates = { store: [] as number[], raw: [] as number[], rawBuffer: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the order, so that no kind always runs first (or right after another's files were synced).
    const order = (['store', 'raw', 'rawBuffer'] as const).map((_, i, all) => all[(i + round) % all.length]);
    for (const kind of order) {
      const result = await kinds[kind](round);
      rates[kind].push(result.events / result.seconds);
    }
  }
  const reads = await readWholeLog(join(dir, 'read'), READ_EVENTS);
  const appendEventsPerSec = median(rates.store);
  const rawFsyncAppendsPerSec = median(rates.raw);
  return {
    appendEventsPerSec: Math.round(appendEventsPerSec),
    rawFsyncAppendsPerSec: Math.round(rawFsyncAppendsPerSec),
    rawBufferAppendsPerSec: Math.round(median(rates.rawBuffer)),
    readAllEventsPerSec: reads.readAllEventsPerSec,
    appendToRawRatio: Number((appendEventsPerSec / rawFsyncAppendsPerSec).toFixed(2)),
    subscribeEventsPerSec: reads.subscribeEventsPerSec,
    openEventsPerSec: reads.openEventsPerSec,
    eventsPerSync: Number((storeEvents / storeSyncs).toFixed(1)),
    readEvents: READ_EVENTS,
    logMiB: reads.logMiB,
  };
}

/** An event of the size and shape the service appends (an invitee staged into a batch). */
function realisticEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'InviteeStaged',
    data: {
      inviteeId: randomUUID(),
      batchId: randomUUID(),
      poolId: randomUUID(),
      personKey: randomUUID(),
      uploadStatus: 'NEW',
      passportId: null,
      jobRole: 'Site supervisor',
      stagedAt: new Date().toISOString(),
    },
    metadata: {
      organisationId: randomUUID(),
      actor: `admin-${randomUUID()}`,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      timestamp: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

interface Round {
  events: number;
  seconds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function serialisedEvent(): Buffer {
  return Buffer.from(JSON.stringify(realisticEvent()));
}

/** Runs `writers` loops of `appendOne` until `seconds` have passed; counts the acknowledged calls. */
async function runWriters(seconds: number, appendOne: (writer: number) => Promise<void>): Promise<Round> {
  let events = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      while (Date.now() < deadline) {
        await appendOne(writer);
        events += 1;
      }
    }),
  );
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function storeAppends(directory: string, seconds: number): Promise<Round & { syncs: number }> {
  const store = await EmbeddedEventStore.open(directory);
  const streams = Array.from({ length: WRITERS }, () => ({ id: `invitee-${randomUUID()}`, revision: -1 }));
  const round = await runWriters(seconds, async (writer) => {
    const stream = streams[writer];
    if (stream.revision + 1 === EVENTS_PER_STREAM)
      Object.assign(stream, { id: `invitee-${randomUUID()}`, revision: -1 });
    const expected = stream.revision < 0 ? 'no_stream' : BigInt(stream.revision);
    stream.revision = Number(
      (await store.append(stream.id, [realisticEvent()], expected)).nextExpectedRevision,
    );
  });
  const { syncs } = store.stats();
  await store.close();
  await rm(directory, { recursive: true, force: true });
  return { ...round, syncs };
}

/** The raw limit: group commit of the bytes `makeBytes` gives, with plain write + fdatasync, and nothing else. */
async function rawGroupCommit(path: string, makeBytes: () => Buffer, seconds: number): Promise<Round> {
  const file = await open(path, 'w+');
  let pending: { bytes: Buffer; acknowledge: () => void }[] = [];
  let offset = 0;
  let writing: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      const batch = pending;
      pending = [];
      const bytes = Buffer.concat(batch.map((entry) => entry.bytes));
      await file.write(bytes, 0, bytes.length, offset);
      await file.datasync();
      offset += bytes.length;
      for (const entry of batch) entry.acknowledge();
    }
    writing = null;
  };
  const round = await runWriters(
    seconds,
    () =>
      new Promise<void>((acknowledge) => {
        pending.push({ bytes: makeBytes(), acknowledge });
        writing ??= drain();
      }),
  );
  await file.close();
  await rm(path, { force: true });
  return round;
}

async function readWholeLog(
  directory: string,
  count: number,
): Promise<{
  readAllEventsPerSec: number;
  subscribeEventsPerSec: number;
  openEventsPerSec: number;
  logMiB: number;
}> {
  const writing = await EmbeddedEventStore.open(directory);
  for (let written = 0; written < count; written += BULK_APPEND) {
    const events = Array.from({ length: Math.min(BULK_APPEND, count - written) }, realisticEvent);
    await writing.append(`bulk-${randomUUID()}`, events, 'no_stream');
  }
  await writing.close();

  const opening = process.hrtime.bigint();
  const store = await EmbeddedEventStore.open(directory);
  const openSeconds = Number(process.hrtime.bigint() - opening) / 1e9;
  try {
    const readAll = await timed(async () => {
      let read = 0;
      for await (const event of store.readAll()) if (event.position >= 0n) read += 1;
      return read;
    });
    const subscribe = await timed(
      () =>
        new Promise<number>((resolve) => {
          let delivered = 0;
          const subscription = store.subscribeToAll(() => void (delivered += 1), {
            onCaughtUp: () => void subscription.stop().then(() => resolve(delivered)),
          });
        }),
    );
    if (readAll.value !== count || subscribe.value !== count) {
      throw new Error(`Read ${readAll.value} and subscribed to ${subscribe.value} events of ${count}`);
    }
    return {
      readAllEventsPerSec: Math.round(count / readAll.seconds),
      subscribeEventsPerSec: Math.round(count / subscribe.seconds),
      openEventsPerSec: Math.round(count / openSeconds),
      logMiB: Number((store.stats().logBytes / 2 ** 20).toFixed(1)),
    };
  } finally {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

if (require.main === module) {
  void (async () => {
    const directory = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'event-store-bench-')));
    try {
      console.log(JSON.stringify(await benchEventStore(directory), null, 2));
    } finally {
      if (process.argv[2] === undefined) await rm(directory, { recursive: true, force: true });
    }
  })();
}
