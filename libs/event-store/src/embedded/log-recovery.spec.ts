import { randomBytes } from 'node:crypto';
import { access, appendFile, readFile, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStoreCorruptionError, EventStoreLockedError, type NewEvent } from '../event-store.port';
import {
  aStreamId,
  anEvent,
  asAppended,
  collect,
  eventually,
  rejectionOf,
  someEvents,
} from '../testing/event-fixtures';
import { CLEAN_CLOSE_FILE_NAME } from './clean-close';
import { LOCK_FILE_NAME } from './directory-lock';
import { EmbeddedEventStore, LOG_FILE_NAME } from './embedded-event-store';
import { exited, readLines, startScript } from './testing/child-process';
import { aTempDirectory } from './testing/temp-directory';

interface LogRecord {
  start: number;
  length: number;
  batchIndex: number;
  batchSize: number;
}

/** The start, length and batch of every record in a log file (read from the records' headers). */
function recordsOf(log: Buffer): LogRecord[] {
  const records = [];
  for (let start = 0; start < log.length;) {
    const length = log.readUInt32LE(start + 4);
    records.push({
      start,
      length,
      batchIndex: log.readUInt32LE(start + 12),
      batchSize: log.readUInt32LE(start + 16),
    });
    start += length;
  }
  return records;
}

describe('opening a damaged log', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let logPath: string;
  let markPath: string;
  let warnings: string[];
  const streamId = aStreamId();
  const events = someEvents(6);

  /** Opens the store, keeping what it warns of. */
  const open = () => EmbeddedEventStore.open(directory.path, { logger: { warn: (m) => warnings.push(m) } });

  /**
   * The state a kill -9 right after the appends leaves: the same log, and no clean-close mark (the close writes
   * it). The real kill is in kill-during-appends.spec.ts; here the damage is then planted by hand.
   */
  const stopWithoutClosing = () => unlink(markPath);

  /** Six events, one append (one write batch) each, and a clean close. */
  beforeEach(async () => {
    directory = await aTempDirectory();
    logPath = join(directory.path, LOG_FILE_NAME);
    markPath = join(directory.path, CLEAN_CLOSE_FILE_NAME);
    warnings = [];
    const store = await open();
    for (const [revision, event] of events.entries()) {
      await store.append(streamId, [event], revision === 0 ? 'no_stream' : BigInt(revision - 1));
    }
    await store.close();
  });

  afterEach(async () => {
    await directory.remove();
  });

  async function expectCorruption(): Promise<EventStoreCorruptionError> {
    const error = await rejectionOf(open());
    expect(error).toBeInstanceOf(EventStoreCorruptionError);
    return error as EventStoreCorruptionError;
  }

  /** Changes bytes of the `at`-th record of the log (negative: from the end) in place; answers that record. */
  async function damageRecord(
    at: number,
    damage: (log: Buffer, record: LogRecord) => void,
  ): Promise<LogRecord> {
    const log = await readFile(logPath);
    const record = recordsOf(log).at(at)!;
    damage(log, record);
    await writeFile(logPath, log);
    return record;
  }

  /** The refusal names the file and the byte, and says what to do. */
  function expectActionable(error: Error, offset: number): void {
    expect(error.message).toContain(logPath);
    expect(error.message).toContain(`damaged at byte ${offset}`);
    expect(error.message).toContain('npm run ops -- verify');
    expect(error.message).toContain('restore');
    expect(error.message).toContain('docs/operations.md');
  }

  describe('after a clean close', () => {
    it('opens the log untouched, says the stop was clean, and removes the mark until the next close', async () => {
      const closed = JSON.parse(await readFile(markPath, 'utf8')) as Record<string, unknown>;
      expect(closed).toMatchObject({ length: (await stat(logPath)).size, events: 6 });

      const store = await open();
      try {
        expect(store.lastOpen()).toMatchObject({
          previousStop: 'clean',
          events: 6,
          repair: null,
          warnings: [],
        });
        await expect(access(markPath)).rejects.toMatchObject({ code: 'ENOENT' });
        expect((await collect(store.readStream(streamId))).map(asAppended)).toEqual(events);
      } finally {
        await store.close();
      }
      expect(warnings).toEqual([]);
      await expect(access(markPath)).resolves.toBeUndefined();
    });

    it('refuses a last record cut short, though after a crash that would be a torn write', async () => {
      const log = await readFile(logPath);
      await truncate(logPath, log.length - 10);
      const error = await expectCorruption();
      expectActionable(error, recordsOf(log).at(-1)!.start);
      expect(error.message).toMatch(/closed cleanly .* so every byte of it was acknowledged/);
      expect(error.message).toContain('10 fewer than at the close');
    });

    it('refuses a log cut at a record boundary (the last events gone whole)', async () => {
      const log = await readFile(logPath);
      const last = recordsOf(log).at(-1)!;
      await truncate(logPath, last.start);
      const error = await expectCorruption();
      expectActionable(error, last.start);
      expect(error.message).toContain('the log ends there, short of its length at the close');
    });

    it('refuses a flipped byte in the last record', async () => {
      const last = await damageRecord(-1, (log, { start, length }) => {
        log[start + length - 3] ^= 0xff;
      });
      expectActionable(await expectCorruption(), last.start);
    });

    it('refuses zeroed bytes in the last record', async () => {
      const last = await damageRecord(-1, (log, { start }) => {
        log.fill(0, start + 60, start + 70);
      });
      expectActionable(await expectCorruption(), last.start);
    });

    it('refuses garbage appended after the close', async () => {
      const size = (await stat(logPath)).size;
      await appendFile(logPath, randomBytes(100));
      const error = await expectCorruption();
      expectActionable(error, size);
      expect(error.message).toContain('100 more than at the close');
    });

    it('refuses damage in the middle, with valid batches after it', async () => {
      const third = await damageRecord(2, (log, { start }) => {
        log[start + 50] ^= 0x10;
      });
      expectActionable(await expectCorruption(), third.start);
    });

    it('refuses a log whose every record checks but whose end reads otherwise (another copy of the log)', async () => {
      // The same appends with a last event of the same size but other data: a log that is whole, of the same
      // length and event count, put in place of the one the mark describes.
      const other = await aTempDirectory();
      try {
        const store = await EmbeddedEventStore.open(other.path);
        const last = events.length - 1;
        for (const [revision, event] of events.entries()) {
          const written: NewEvent =
            revision === last ? { ...event, data: { ...(event.data as object), label: 'event-X' } } : event;
          await store.append(streamId, [written], revision === 0 ? 'no_stream' : BigInt(revision - 1));
        }
        await store.close();
        const otherLog = await readFile(join(other.path, LOG_FILE_NAME));
        expect(otherLog.length).toBe((await stat(logPath)).size);
        await writeFile(logPath, otherLog);
      } finally {
        await other.remove();
      }
      const error = await expectCorruption();
      expect(error.message).toContain('read differently from when it was closed');
      expect(error.message).toContain(logPath);
    });

    it('changes nothing when it refuses: the log, the mark, and no lock left behind', async () => {
      const log = await readFile(logPath);
      log[recordsOf(log).at(-1)!.start + 50] ^= 0x10;
      await writeFile(logPath, log);
      const mark = await readFile(markPath);
      await expectCorruption();
      const error = await expectCorruption();
      expect(error).not.toBeInstanceOf(EventStoreLockedError);
      expect(await readFile(logPath)).toEqual(log);
      expect(await readFile(markPath)).toEqual(mark);
      await expect(access(join(directory.path, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('opens after a kill that followed it: the mark went at the open, before anything was appended', async () => {
      const child = startScript('append-until-killed.script.ts', [directory.path]);
      const { lines, stderr } = readLines(child);
      const exit = exited(child);
      await eventually('20 acknowledged appends', () => lines.length >= 20, 30_000);
      child.kill('SIGKILL');
      await exit;
      expect(stderr()).toBe('');
      await expect(access(markPath)).rejects.toMatchObject({ code: 'ENOENT' });

      const store = await open();
      try {
        expect(store.lastOpen().previousStop).toBe('unclean');
        expect(store.lastOpen().events).toBeGreaterThanOrEqual(6 + lines.length);
      } finally {
        await store.close();
      }
    });
  });

  describe('after a crash (no clean-close mark)', () => {
    beforeEach(() => stopWithoutClosing());

    async function expectRepaired(intact: number, cutBytes: number, cutEvents: number): Promise<void> {
      const sizeBefore = (await stat(logPath)).size;
      const store = await open();
      try {
        expect(store.stats().truncatedBytesAtOpen).toBe(cutBytes);
        expect(store.lastOpen()).toMatchObject({
          previousStop: 'unclean',
          events: intact,
          repair: { cutBytes, cutEvents, firstPositionCut: intact, fromByte: sizeBefore - cutBytes },
        });
        expect((await stat(logPath)).size).toBe(sizeBefore - cutBytes);
        expect((await collect(store.readStream(streamId))).map(asAppended)).toEqual(events.slice(0, intact));
        const next = await store.append(streamId, [anEvent('after repair')], BigInt(intact - 1));
        expect(next).toEqual({ nextExpectedRevision: BigInt(intact), position: BigInt(intact) });
      } finally {
        await store.close();
      }
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(logPath);
      expect(warnings[0]).toContain(`${cutBytes} bytes from byte ${sizeBefore - cutBytes}`);
      expect(warnings[0]).toContain(cutEvents === 0 ? 'no whole event' : `${cutEvents} whole event`);
      expect(warnings[0]).toContain('never acknowledged');
      const reopened = await open();
      expect(reopened.stats()).toMatchObject({ events: intact + 1, truncatedBytesAtOpen: 0 });
      expect(reopened.lastOpen()).toMatchObject({ previousStop: 'clean', repair: null });
      await reopened.close();
    }

    it('opens a whole log as it is, saying the stop was unclean', async () => {
      const store = await open();
      expect(store.lastOpen()).toMatchObject({ previousStop: 'unclean', events: 6, repair: null });
      await store.close();
      expect(warnings).toEqual([]);
    });

    describe('a torn tail is cut off, said, and everything before it kept', () => {
      it('garbage after the last record', async () => {
        await appendFile(logPath, randomBytes(100));
        await expectRepaired(6, 100, 0);
      });

      it('the first part of a record after the last one', async () => {
        const log = await readFile(logPath);
        const [first] = recordsOf(log);
        await appendFile(logPath, log.subarray(first.start, first.start + Math.floor(first.length / 2)));
        await expectRepaired(6, Math.floor(first.length / 2), 0);
      });

      it('a last record cut short', async () => {
        const log = await readFile(logPath);
        const last = recordsOf(log).at(-1)!;
        await truncate(logPath, log.length - 10);
        await expectRepaired(5, last.length - 10, 0);
      });

      it('a last record whose bytes were not all written (zeroed: a bad checksum)', async () => {
        const last = await damageRecord(-1, (log, { start }) => {
          log.fill(0, start + 60, start + 70);
        });
        await expectRepaired(5, last.length, 0);
      });

      it('a last record with a flipped byte', async () => {
        const last = await damageRecord(-1, (log, { start, length }) => {
          log[start + length - 3] ^= 0xff;
        });
        await expectRepaired(5, last.length, 0);
      });
    });

    describe('an unfinished multi-event append is cut off whole', () => {
      let batchBytes: number;

      beforeEach(async () => {
        const store = await open();
        const sizeBefore = store.stats().logBytes;
        await store.append(aStreamId(), someEvents(3), 'no_stream');
        batchBytes = store.stats().logBytes - sizeBefore;
        await store.close();
        await stopWithoutClosing();
      });

      it('when its last record is cut short (its two whole events cut with it)', async () => {
        await truncate(logPath, (await stat(logPath)).size - 5);
        await expectRepaired(6, batchBytes - 5, 2);
      });

      it('when a record in its middle is missing (a hole in the last write)', async () => {
        await damageRecord(-2, (log, { start, length }) => {
          log.fill(0, start, start + length);
        });
        await expectRepaired(6, batchBytes, 2);
      });

      it('when the file ends after whole records of it, short of the rest', async () => {
        const log = await readFile(logPath);
        await truncate(logPath, recordsOf(log).at(-1)!.start);
        const last = recordsOf(log).at(-1)!;
        await expectRepaired(6, batchBytes - last.length, 2);
      });
    });

    describe('damage with a valid batch after it is refused', () => {
      it('a flipped byte in a record in the middle', async () => {
        const third = await damageRecord(2, (log, { start, length }) => {
          log[start + length - 3] ^= 0xff;
        });
        const error = await expectCorruption();
        expectActionable(error, third.start);
        expect(error.message).toMatch(/acknowledged events follow it/);
      });

      it('a flipped byte in the length of a record in the middle', async () => {
        const second = await damageRecord(1, (log, { start }) => {
          log[start + 5] ^= 0x01;
        });
        expectActionable(await expectCorruption(), second.start);
      });

      it('zeroed bytes in a record in the middle', async () => {
        const fourth = await damageRecord(3, (log, { start }) => {
          log.fill(0, start, start + 20);
        });
        expectActionable(await expectCorruption(), fourth.start);
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
  });

  describe('a clean-close mark that cannot be read', () => {
    beforeEach(() => writeFile(markPath, 'not a mark'));

    it('opens a whole log, saying so', async () => {
      const store = await open();
      expect(store.lastOpen()).toMatchObject({ previousStop: 'unclean', repair: null });
      await store.close();
      expect(warnings).toEqual([
        expect.stringContaining(`${CLEAN_CLOSE_FILE_NAME} is not a clean-close mark`),
      ]);
    });

    it('refuses a log whose end is damaged, since a torn write cannot be told from lost events', async () => {
      await appendFile(logPath, randomBytes(50));
      const error = await expectCorruption();
      expect(error.message).toContain('clean-close mark cannot be read');
      expect(error.message).toContain(logPath);
    });
  });

  it('reports damage found while reading, once open', async () => {
    const store = await open();
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

/**
 * The finding replayed: 4,096 bytes zeroed near the end of a cleanly stopped store's log, starting inside an
 * acknowledged 5-event batch, over the three later batches, leaving only the tail of the last record. Nothing
 * valid follows the damage, so it looks like a torn last write; only the clean close tells it is not.
 */
describe('4,096 bytes zeroed across the last acknowledged batches', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let logPath: string;
  /** Where the record the zeroing starts in begins. */
  let damagedRecordStart: number;
  const streamId = aStreamId();
  const padded = (label: string) => anEvent(label, { data: { label, padding: 'x'.repeat(500) } });

  beforeEach(async () => {
    directory = await aTempDirectory();
    logPath = join(directory.path, LOG_FILE_NAME);
    const store = await EmbeddedEventStore.open(directory.path);
    await store.append(streamId, ['a', 'b', 'c'].map(padded), 'no_stream');
    await store.append(streamId, ['d', 'e', 'f', 'g', 'h'].map(padded), 2n);
    for (const [i, label] of ['i', 'j', 'k'].entries())
      await store.append(streamId, [padded(label)], BigInt(7 + i));
    await store.close();

    const log = await readFile(logPath);
    const records = recordsOf(log);
    const from = log.length - 10 - 4096;
    const batchOfFive = records.slice(3, 8);
    expect(batchOfFive.map((r) => r.batchSize)).toEqual([5, 5, 5, 5, 5]);
    expect(from).toBeGreaterThan(batchOfFive[0].start);
    expect(from).toBeLessThan(batchOfFive[4].start);
    damagedRecordStart = records.filter((record) => record.start <= from).at(-1)!.start;
    log.fill(0, from, from + 4096);
    await writeFile(logPath, log);
  });

  afterEach(() => directory.remove());

  it('refuses to open, naming the file, the byte where the damage starts and what to do', async () => {
    const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
    expect(error).toBeInstanceOf(EventStoreCorruptionError);
    expect(error.message).toContain(logPath);
    expect(error.message).toContain(`damaged at byte ${damagedRecordStart}`);
    expect(error.message).toContain('npm run ops -- verify');
  });

  it('after a crash could not be told from a torn write: cut off, and said, with the events cut', async () => {
    await unlink(join(directory.path, CLEAN_CLOSE_FILE_NAME));
    const warnings: string[] = [];
    const store = await EmbeddedEventStore.open(directory.path, {
      logger: { warn: (m) => warnings.push(m) },
    });
    try {
      expect(store.lastOpen()).toMatchObject({ events: 3, repair: { firstPositionCut: 3 } });
      expect(warnings).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
