import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { aStreamId, anEvent, asAppended, collect, someEvents } from '../testing/event-fixtures';
import { LOCK_FILE_NAME } from './directory-lock';
import { EmbeddedEventStore, LOG_FILE_NAME } from './embedded-event-store';
import { ReadOnlyLog } from './read-only-log';
import { encodeRecord } from './record-format';
import { aTempDirectory } from './testing/temp-directory';

describe('ReadOnlyLog', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let store: EmbeddedEventStore;
  let log: ReadOnlyLog | null;

  beforeEach(async () => {
    directory = await aTempDirectory();
    store = await EmbeddedEventStore.open(directory.path, { maxBatchBytes: 2048 });
    log = null;
  });

  afterEach(async () => {
    await log?.close();
    await store.close();
    await directory.remove();
  });

  const openLog = async (path = directory.path) =>
    (log = await ReadOnlyLog.open(path, { readChunkBytes: 512, streamPageSize: 3 }));

  it('reads the log of a running store without taking its lock', async () => {
    const streamId = aStreamId();
    const events = someEvents(7);
    await store.append(streamId, events, 'no_stream');
    const lockBefore = await readFile(join(directory.path, LOCK_FILE_NAME), 'utf8');

    const reader = await openLog();

    expect((await collect(reader.readStream(streamId))).map(asAppended)).toEqual(events);
    expect(await readFile(join(directory.path, LOCK_FILE_NAME), 'utf8')).toBe(lockBefore);
    await store.append(streamId, [anEvent('still writable')], 6n);
  });

  it('answers stream reads, global reads and the head exactly as the store does', async () => {
    const streams = [aStreamId(), aStreamId(), aStreamId()];
    for (let round = 0; round < 5; round += 1) {
      for (const [i, streamId] of streams.entries()) {
        await store.append(
          streamId,
          someEvents(i + 1, `r${round}`),
          round === 0 ? 'no_stream' : 'stream_exists',
        );
      }
    }
    const reader = await openLog();
    const readOptions = [
      {},
      { direction: 'backwards' as const },
      { fromRevision: 4n },
      { fromRevision: 6n, direction: 'backwards' as const, maxCount: 4 },
      { maxCount: 5 },
    ];

    for (const streamId of streams) {
      for (const options of readOptions) {
        expect(await collect(reader.readStream(streamId, options))).toEqual(
          await collect(store.readStream(streamId, options)),
        );
      }
      expect(await reader.streamRevision(streamId)).toBe(await store.streamRevision(streamId));
    }
    expect(await collect(reader.readAll())).toEqual(await collect(store.readAll()));
    expect(await collect(reader.readAll({ after: 10n, maxCount: 7 }))).toEqual(
      await collect(store.readAll({ after: 10n, maxCount: 7 })),
    );
    expect(await reader.headPosition()).toBe(await store.headPosition());
    expect(await collect(reader.readStream(aStreamId()))).toEqual([]);
  });

  it('sees what was appended after it opened', async () => {
    const streamId = aStreamId();
    await store.append(streamId, someEvents(2), 'no_stream');
    const reader = await openLog();
    expect(await reader.headPosition()).toBe(1n);

    await store.append(streamId, someEvents(3), 1n);

    expect(await reader.headPosition()).toBe(4n);
    expect(await collect(reader.readStream(streamId))).toHaveLength(5);
  });

  it('answers concurrent reads, each looking for new events in turn', async () => {
    const streamId = aStreamId();
    await store.append(streamId, someEvents(3), 'no_stream');
    const reader = await openLog();
    await store.append(streamId, someEvents(4), 2n);

    const [all, stream, head] = await Promise.all([
      collect(reader.readAll()),
      collect(reader.readStream(streamId)),
      reader.headPosition(),
    ]);

    expect(all).toHaveLength(7);
    expect(stream).toHaveLength(7);
    expect(head).toBe(6n);
  });

  it('reads a consistent prefix while the store appends concurrently', async () => {
    const streamId = aStreamId();
    await store.append(streamId, someEvents(1), 'no_stream');
    const reader = await openLog();
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 150; i += 1)
        await store.append(streamId, someEvents(1 + (i % 3), `w${i}`), 'stream_exists');
      writing = false;
    })();

    let reads = 0;
    while (writing || reads < 2) {
      const all = await collect(reader.readAll());
      expect(all.map((event) => Number(event.position))).toEqual(all.map((_, i) => i));
      expect(all.map((event) => Number(event.revision))).toEqual(all.map((_, i) => i));
      reads += 1;
    }
    await writer;
    expect(await collect(reader.readAll())).toEqual(await collect(store.readAll()));
  });

  describe('with a torn or unfinished write at the end of the file', () => {
    const before = [anEvent('whole')];
    const batch = [anEvent('first of a pair'), anEvent('second of a pair')];
    let streamId: string;
    let bytes: Buffer;
    let tornDirectory: string;

    beforeEach(async () => {
      streamId = aStreamId();
      await store.append(streamId, before, 'no_stream');
      await store.append(streamId, batch, 0n);
      bytes = await readFile(join(directory.path, LOG_FILE_NAME));
      tornDirectory = join(directory.path, 'torn');
      await mkdir(tornDirectory);
    });

    /** A read-only log over a copy of the store's log with the given content. */
    async function logWith(content: Buffer): Promise<ReadOnlyLog> {
      await writeFile(join(tornDirectory, LOG_FILE_NAME), content);
      return (log = await ReadOnlyLog.open(tornDirectory));
    }

    const typesRead = async (reader: ReadOnlyLog) =>
      (await collect(reader.readAll())).map((event) => (event.data as { label: string }).label);

    it('stops before a record cut short, and leaves the file as it is', async () => {
      const content = bytes.subarray(0, bytes.length - 10);
      const reader = await logWith(content);

      expect(await typesRead(reader)).toEqual(['whole']);
      expect(await reader.headPosition()).toBe(0n);
      expect(await readFile(join(tornDirectory, LOG_FILE_NAME))).toEqual(content);
    });

    it('shows none of a write batch whose first records are whole but whose last is missing', async () => {
      const secondRecordBytes = encodeRecord(streamId, batch[1]).length;
      const reader = await logWith(bytes.subarray(0, bytes.length - secondRecordBytes));

      expect(await typesRead(reader)).toEqual(['whole']);
      expect(await collect(reader.readStream(streamId))).toHaveLength(1);
    });

    it('stops at bytes that are not a record (a write not yet on disk reads as zeros)', async () => {
      const reader = await logWith(Buffer.concat([bytes, Buffer.alloc(300)]));

      expect(await typesRead(reader)).toEqual(['whole', 'first of a pair', 'second of a pair']);
    });

    it('stops at a record whose checksum fails', async () => {
      const damaged = Buffer.from(bytes);
      damaged[damaged.length - 3] ^= 0xff;
      const reader = await logWith(damaged);

      expect(await typesRead(reader)).toEqual(['whole']);
    });

    it('takes the rest in once the write is complete', async () => {
      const reader = await logWith(bytes.subarray(0, bytes.length - 10));
      expect(await typesRead(reader)).toEqual(['whole']);

      await writeFile(join(tornDirectory, LOG_FILE_NAME), bytes);

      expect(await typesRead(reader)).toEqual(['whole', 'first of a pair', 'second of a pair']);
    });
  });

  it('fails clearly when there is no log', async () => {
    await expect(ReadOnlyLog.open(join(directory.path, 'nowhere'))).rejects.toThrow(/ENOENT/);
  });
});
