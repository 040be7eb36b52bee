import { randomBytes } from 'node:crypto';
import { appendFile, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aStreamId, rejectionOf, someEvents } from '../testing/event-fixtures';
import { CLEAN_CLOSE_FILE_NAME } from './clean-close';
import { EmbeddedEventStore, LOG_FILE_NAME } from './embedded-event-store';
import { embeddedStoreHolder, verifyEmbeddedLog } from './log-verification';
import { aTempDirectory } from './testing/temp-directory';

/** Record starts, from the records' length fields (on an undamaged log). */
function recordStarts(log: Buffer): number[] {
  const starts: number[] = [];
  for (let start = 0; start < log.length; start += log.readUInt32LE(start + 4)) starts.push(start);
  return starts;
}

/** Every file of the directory with its bytes: to show that verifying changed nothing. */
async function snapshot(directory: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const name of (await readdir(directory)).sort()) files[name] = await readFile(join(directory, name));
  return files;
}

describe('verifying a stopped store (ops verify)', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let logPath: string;
  let starts: number[];

  /** Four write batches of two events, closed cleanly. */
  beforeEach(async () => {
    directory = await aTempDirectory();
    logPath = join(directory.path, LOG_FILE_NAME);
    const store = await EmbeddedEventStore.open(directory.path);
    for (let i = 0; i < 4; i += 1) await store.append(aStreamId(), someEvents(2), 'no_stream');
    await store.close();
    starts = recordStarts(await readFile(logPath));
  });

  afterEach(() => directory.remove());

  /** Verifies, checks that nothing changed, and that the next open agrees with the verdict. */
  async function verifyAndOpen() {
    const before = await snapshot(directory.path);
    const verification = await verifyEmbeddedLog(directory.path);
    expect(await snapshot(directory.path)).toEqual(before);
    const opened = await EmbeddedEventStore.open(directory.path, { logger: { warn: () => undefined } }).then(
      async (store) => {
        const report = store.lastOpen();
        await store.close();
        return report;
      },
      (error: Error) => error,
    );
    return { verification, opened };
  }

  it('finds a cleanly closed log intact', async () => {
    const { verification, opened } = await verifyAndOpen();
    const size = (await stat(logPath)).size;
    expect(verification).toMatchObject({
      file: logPath,
      bytes: size,
      previousStop: 'clean',
      cleanClose: { length: size, events: 8 },
      validRecords: 8,
      damage: [],
      verdict: 'intact',
      soundEvents: 8,
      soundBytes: size,
      repair: null,
      message: null,
    });
    expect(opened).toMatchObject({ previousStop: 'clean', events: 8 });
  });

  it('lists damage to acknowledged events, with the message the open refuses with', async () => {
    const log = await readFile(logPath);
    log[starts[3] + 60] ^= 0x01;
    await writeFile(logPath, log);
    const { verification, opened } = await verifyAndOpen();
    expect(verification).toMatchObject({
      verdict: 'damaged',
      validRecords: 7,
      damage: [{ fromByte: starts[3], toByte: starts[4], problem: 'checksum mismatch' }],
      soundEvents: 2,
      soundBytes: starts[2],
    });
    expect(opened).toBeInstanceOf(Error);
    expect(verification.message).toBe((opened as Error).message);
  });

  it('tells a torn tail after a crash, and the repair the open then makes', async () => {
    await unlink(join(directory.path, CLEAN_CLOSE_FILE_NAME));
    const size = (await stat(logPath)).size;
    await appendFile(logPath, randomBytes(64));
    const { verification, opened } = await verifyAndOpen();
    expect(verification).toMatchObject({
      previousStop: 'unclean',
      cleanClose: null,
      verdict: 'torn-tail',
      validRecords: 8,
      damage: [{ fromByte: size, toByte: size + 64 }],
      repair: { fromByte: size, cutBytes: 64, cutEvents: 0, firstPositionCut: 8 },
    });
    expect(opened).toMatchObject({ previousStop: 'unclean', repair: verification.repair });
  });

  it('lists every damaged stretch, not only the first', async () => {
    await unlink(join(directory.path, CLEAN_CLOSE_FILE_NAME));
    const log = await readFile(logPath);
    log.fill(0, starts[1], starts[1] + 8);
    log[starts[6] + 50] ^= 0x80;
    await writeFile(logPath, log);
    const { verification, opened } = await verifyAndOpen();
    expect(verification.verdict).toBe('damaged');
    expect(verification.damage.map(({ fromByte, toByte }) => [fromByte, toByte])).toEqual([
      [starts[1], starts[2]],
      [starts[6], starts[7]],
    ]);
    expect(verification.validRecords).toBe(6);
    expect(opened).toBeInstanceOf(Error);
  });

  it('knows whether a process has the store open', async () => {
    expect(await embeddedStoreHolder(directory.path)).toBeNull();
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      expect(await embeddedStoreHolder(directory.path)).toBe(process.pid);
    } finally {
      await store.close();
    }
  });

  it('fails plainly where there is no log', async () => {
    const empty = await aTempDirectory();
    try {
      const error = await rejectionOf(verifyEmbeddedLog(empty.path));
      expect(error).toMatchObject({ code: 'ENOENT' });
    } finally {
      await empty.remove();
    }
  });
});
