import { randomBytes } from 'node:crypto';
import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStoreCorruptionError, EventStoreLockedError } from '../event-store.port';
import { aStreamId, anEvent, asAppended, collect, rejectionOf, someEvents } from '../testing/event-fixtures';
import { EmbeddedEventStore, LOG_FILE_NAME } from './embedded-event-store';
import { aTempDirectory } from './testing/temp-directory';

/** The start and length of every record in a log file (read from the records' length fields). */
function recordsOf(log: Buffer): { start: number; length: number }[] {
  const records: { start: number; length: number }[] = [];
  for (let start = 0; start < log.length;) {
    const length = log.readUInt32LE(start + 4);
    records.push({ start, length });
    start += length;
  }
  return records;
}

describe('opening a damaged log', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let logPath: string;
  const streamId = aStreamId();
  const events = someEvents(6);

  /** Six events, one append (one write batch) each. */
  beforeEach(async () => {
    directory = await aTempDirectory();
    logPath = join(directory.path, LOG_FILE_NAME);
    const store = await EmbeddedEventStore.open(directory.path);
    for (const [revision, event] of events.entries()) {
      await store.append(streamId, [event], revision === 0 ? 'no_stream' : BigInt(revision - 1));
    }
    await store.close();
  });

  afterEach(async () => {
    await directory.remove();
  });

  async function expectIntactAfterRepair(intact: number, cutBytes: number): Promise<void> {
    const sizeBefore = (await stat(logPath)).size;
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      expect(store.stats().truncatedBytesAtOpen).toBe(cutBytes);
      expect((await stat(logPath)).size).toBe(sizeBefore - cutBytes);
      expect((await collect(store.readStream(streamId))).map(asAppended)).toEqual(events.slice(0, intact));
      const next = await store.append(streamId, [anEvent('after repair')], BigInt(intact - 1));
      expect(next).toEqual({ nextExpectedRevision: BigInt(intact), position: BigInt(intact) });
    } finally {
      await store.close();
    }
    const reopened = await EmbeddedEventStore.open(directory.path);
    expect(reopened.stats()).toMatchObject({ events: intact + 1, truncatedBytesAtOpen: 0 });
    await reopened.close();
  }

  async function expectCorruption(): Promise<EventStoreCorruptionError> {
    const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
    expect(error).toBeInstanceOf(EventStoreCorruptionError);
    return error as EventStoreCorruptionError;
  }

  describe('a torn tail is cut off, and everything before it kept', () => {
    it('garbage after the last record', async () => {
      await appendFile(logPath, randomBytes(100));
      await expectIntactAfterRepair(6, 100);
    });

    it('the first part of a record after the last one', async () => {
      const log = await readFile(logPath);
      const [first] = recordsOf(log);
      await appendFile(logPath, log.subarray(first.start, first.start + Math.floor(first.length / 2)));
      await expectIntactAfterRepair(6, Math.floor(first.length / 2));
    });

    it('a last record cut short', async () => {
      const log = await readFile(logPath);
      const last = recordsOf(log).at(-1)!;
      await truncate(logPath, log.length - 10);
      await expectIntactAfterRepair(5, last.length - 10);
    });

    it('a last record whose bytes were not all written (a bad checksum)', async () => {
      const log = await readFile(logPath);
      const last = recordsOf(log).at(-1)!;
      log.fill(0, last.start + 60, last.start + 70);
      await writeFile(logPath, log);
      await expectIntactAfterRepair(5, last.length);
    });
  });

  describe('an unfinished multi-event append is cut off whole', () => {
    let batchBytes: number;

    beforeEach(async () => {
      const store = await EmbeddedEventStore.open(directory.path);
      const sizeBefore = store.stats().logBytes;
      await store.append(aStreamId(), someEvents(3), 'no_stream');
      batchBytes = store.stats().logBytes - sizeBefore;
      await store.close();
    });

    it('when its last record is cut short', async () => {
      await truncate(logPath, (await stat(logPath)).size - 5);
      await expectIntactAfterRepair(6, batchBytes - 5);
    });

    it('when a record in its middle is missing (a hole in the last write)', async () => {
      const log = await readFile(logPath);
      const middle = recordsOf(log).at(-2)!;
      log.fill(0, middle.start, middle.start + middle.length);
      await writeFile(logPath, log);
      await expectIntactAfterRepair(6, batchBytes);
    });
  });

  describe('damage before the last write is refused', () => {
    it('a flipped byte in a record in the middle', async () => {
      const log = await readFile(logPath);
      const third = recordsOf(log)[2];
      log[third.start + third.length - 3] ^= 0xff;
      await writeFile(logPath, log);
      const error = await expectCorruption();
      expect(error.message).toContain(logPath);
      expect(error.message).toContain(`damaged at byte ${third.start}`);
      expect(error.message).toMatch(/acknowledged events follow it/);
    });

    it('a flipped byte in the length of a record in the middle', async () => {
      const log = await readFile(logPath);
      const second = recordsOf(log)[1];
      log[second.start + 5] ^= 0x01;
      await writeFile(logPath, log);
      await expectCorruption();
    });

    it('leaves the file as it was, and the directory unlocked', async () => {
      const log = await readFile(logPath);
      log[recordsOf(log)[0].start + 50] ^= 0x10;
      await writeFile(logPath, log);
      await expectCorruption();
      const error = await expectCorruption();
      expect(error).not.toBeInstanceOf(EventStoreLockedError);
      expect(await readFile(logPath)).toEqual(log);
    });
  });

  it('reports damage found while reading, once open', async () => {
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      const log = await readFile(logPath);
      log[recordsOf(log)[3].start + 50] ^= 0x10;
      await writeFile(logPath, log);
      const error = await rejectionOf(collect(store.readAll()));
      expect(error).toBeInstanceOf(EventStoreCorruptionError);
      expect(error.message).toMatch(/position 3/);
    } finally {
      await store.close();
    }
  });
});
