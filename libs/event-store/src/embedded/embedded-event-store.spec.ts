import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WrongExpectedRevisionError, type RecordedEvent } from '../event-store.port';
import {
  aStreamId,
  anEvent,
  asAppended,
  collect,
  eventually,
  expectToWaitForTheHandler,
  rejectionOf,
  someEvents,
} from '../testing/event-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { LOCK_FILE_NAME } from './directory-lock';
import { EmbeddedEventStore, type EmbeddedEventStoreOptions } from './embedded-event-store';
import { LAZY_BODY_BYTES } from './record-format';
import { aTempDirectory } from './testing/temp-directory';

function embeddedFactory(options: EmbeddedEventStoreOptions = {}) {
  return async () => {
    const directory = await aTempDirectory();
    const store = await EmbeddedEventStore.open(directory.path, options);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await directory.remove();
      },
    };
  };
}

describeEventStoreContract('embedded', embeddedFactory());

// The same promises with tiny read chunks and stream pages, so that every read crosses many page boundaries
// (and records larger than a chunk are read one by one).
describeEventStoreContract(
  'embedded, tiny pages',
  embeddedFactory({ readChunkBytes: 700, streamPageSize: 3 }),
);

describe('embedded event store', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let store: EmbeddedEventStore;

  beforeEach(async () => {
    directory = await aTempDirectory();
    store = await EmbeddedEventStore.open(directory.path);
  });

  afterEach(async () => {
    await store.close();
    await directory.remove();
  });

  async function reopen(options?: EmbeddedEventStoreOptions): Promise<void> {
    await store.close();
    store = await EmbeddedEventStore.open(directory.path, options);
  }

  describe('positions', () => {
    it('are the sequence numbers of the events in the log, -1 when it is empty', async () => {
      expect(await store.headPosition()).toBe(-1n);
      expect(await collect(store.readAll())).toEqual([]);
      await store.append(aStreamId(), someEvents(2), 'no_stream');
      await store.append(aStreamId(), someEvents(1), 'no_stream');
      const positions = (await collect(store.readAll())).map((event) => event.position);
      expect(positions).toEqual([0n, 1n, 2n]);
      expect(await store.headPosition()).toBe(2n);
    });
  });

  describe('reopening', () => {
    it('keeps every event, revision and position, and goes on from there', async () => {
      const streamId = aStreamId();
      await store.append(streamId, someEvents(3), 'no_stream');
      await store.append(aStreamId(), someEvents(2), 'no_stream');
      const before = await collect(store.readAll());

      await reopen();

      expect(await collect(store.readAll())).toEqual(before);
      expect(await store.streamRevision(streamId)).toBe(2n);
      expect(await store.headPosition()).toBe(4n);
      const next = await store.append(streamId, [anEvent('after reopening')], 2n);
      expect(next).toEqual({ nextExpectedRevision: 3n, position: 5n });
    });

    it('still recognises re-appended events (the id index is rebuilt)', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      const first = await store.append(streamId, events, 'no_stream');
      await reopen();
      expect(await store.append(streamId, events, 'no_stream')).toEqual(first);
      expect(store.stats().events).toBe(2);
    });

    it('reads back a log larger than one read chunk', async () => {
      const events = someEvents(300);
      const streamId = aStreamId();
      await store.append(streamId, events, 'no_stream');
      await reopen({ readChunkBytes: 4096 });
      expect((await collect(store.readStream(streamId))).map(asAppended)).toEqual(events);
    });
  });

  describe('group commit', () => {
    it('acknowledges 100 concurrent appends with far fewer syncs', async () => {
      const appends = Array.from({ length: 100 }, () =>
        store.append(aStreamId(), [anEvent('concurrent')], 'no_stream'),
      );
      const results = await Promise.all(appends);
      expect(new Set(results.map((result) => result.position)).size).toBe(100);
      expect(store.stats().syncs).toBeLessThanOrEqual(5);
      await reopen();
      expect(store.stats().events).toBe(100);
    });

    it('syncs once per append when appends come one after another', async () => {
      const streamId = aStreamId();
      for (let revision = 0; revision < 5; revision += 1) {
        await store.append(
          streamId,
          [anEvent('sequential')],
          revision === 0 ? 'no_stream' : BigInt(revision - 1),
        );
      }
      expect(store.stats().syncs).toBe(5);
    });

    it('checks the appends of one batch in order: a refused one does not affect the others', async () => {
      const [shared, other] = [aStreamId(), aStreamId()];
      const outcomes = await Promise.allSettled([
        store.append(shared, [anEvent('first')], 'no_stream'),
        store.append(shared, [anEvent('second')], 'no_stream'),
        store.append(other, [anEvent('other')], 'no_stream'),
        store.append(shared, [anEvent('third')], 0n),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({
        expected: 'no_stream',
        actual: 0n,
      });
      expect(store.stats()).toMatchObject({ syncs: 1, events: 3 });
      expect((await collect(store.readStream(shared))).map((event) => event.data)).toEqual([
        expect.objectContaining({ label: 'first' }),
        expect.objectContaining({ label: 'third' }),
      ]);
    });

    it('treats a retry in the same batch as a re-append', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      const [first, retry] = await Promise.all([
        store.append(streamId, events, 'no_stream'),
        store.append(streamId, events, 'no_stream'),
      ]);
      expect(retry).toEqual(first);
      expect(store.stats().events).toBe(2);
    });

    it('writes an append to a thousand streams with one write and one sync', async () => {
      const parts = Array.from({ length: 1000 }, () => ({
        streamId: aStreamId(),
        events: [anEvent('bulk')],
        expected: 'no_stream' as const,
      }));
      const outcomes = await store.appendToStreams(parts);
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      expect(store.stats()).toMatchObject({ syncs: 1, batches: 1, events: 1000 });
      expect(store.multiStreamAppend).toBe('one-commit');
    });

    it('answers a part it cannot encode with its own error, and writes the others', async () => {
      const [bad, good] = [aStreamId(), aStreamId()];
      const outcomes = await store.appendToStreams([
        { streamId: bad, events: [anEvent('no id', { id: '' })], expected: 'no_stream' },
        { streamId: good, events: [anEvent('fine')], expected: 'no_stream' },
      ]);
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, true]);
      expect(await store.streamRevision(bad)).toBeNull();
      expect(await store.streamRevision(good)).toBe(0n);
    });

    it('writes and syncs nothing when every append of a batch is refused', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [anEvent('there')], 'no_stream');
      const error = await rejectionOf(store.append(streamId, [anEvent('refused')], 'no_stream'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(store.stats()).toMatchObject({ syncs: 1, batches: 1 });
    });
  });

  describe('event ids', () => {
    it('may be reused in another stream: that is a new event there, not a re-append', async () => {
      const event = anEvent('shared id');
      const [first, second] = [aStreamId(), aStreamId()];
      await store.append(first, [event], 'no_stream');
      const result = await store.append(second, [event], 'no_stream');
      expect(result).toEqual({ nextExpectedRevision: 0n, position: 1n });
      expect(await store.append(first, [event], 'any')).toEqual({ nextExpectedRevision: 0n, position: 0n });
      expect(store.stats().events).toBe(2);
    });
  });

  describe('subscriptions', () => {
    it('share the events one of them decoded, and leave each a large record of its own', async () => {
      const delivered: RecordedEvent[][] = [[], []];
      for (const received of delivered) store.subscribeToAll((event) => void received.push(event));
      const large = anEvent('large', { data: { rows: 'x'.repeat(LAZY_BODY_BYTES) } });
      await store.append(aStreamId(), [...someEvents(3), large], 'no_stream');
      await eventually('both subscribers to get every event', () =>
        delivered.every((got) => got.length === 4),
      );
      const [first, second] = delivered;
      expect(second).toEqual(first);
      expect(second.slice(0, 3).every((event, index) => event === first[index])).toBe(true);
      expect(second[3]).not.toBe(first[3]);
      expect((second[3].data as { rows: string }).rows).toHaveLength(LAZY_BODY_BYTES);
    });

    it('leave their events decoded for a read of the stream just after', async () => {
      const delivered: RecordedEvent[] = [];
      store.subscribeToAll((event) => void delivered.push(event));
      const streamId = aStreamId();
      await store.append(streamId, someEvents(3), 'no_stream');
      await eventually('the subscriber to get every event', () => delivered.length === 3);
      const read = await collect(store.readStream(streamId));
      expect(read.every((event, index) => event === delivered[index])).toBe(true);
      await store.append(streamId, someEvents(1), 2n);
      const [older] = await collect(store.readStream(streamId, { maxCount: 1 }));
      expect(older).toEqual(delivered[0]);
    });

    it('share one read of the file when they catch up together, each getting what it asked for', async () => {
      await store.append(aStreamId(), someEvents(5), 'no_stream');
      await reopen();
      const delivered: RecordedEvent[][] = [[], []];
      for (const received of delivered) store.subscribeToAll((event) => void received.push(event));
      // Asked while the subscribers' read is under way: a read of two events gets two.
      await Promise.resolve();
      const read = await collect(store.readAll({ maxCount: 2 }));
      await eventually('both subscribers to get every event', () =>
        delivered.every((got) => got.length === 5),
      );
      expect(delivered[1].every((event, index) => event === delivered[0][index])).toBe(true);
      expect(read).toEqual(delivered[0].slice(0, 2));
    });
  });

  describe('closing', () => {
    it('lets queued appends finish, then refuses work and releases the directory', async () => {
      const pending = store.append(aStreamId(), [anEvent('queued')], 'no_stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ position: 0n });
      await expect(store.append(aStreamId(), [anEvent('late')], 'no_stream')).rejects.toThrow(/closed/);
      await expect(store.ping()).rejects.toThrow(/closed/);
      await expect(access(join(directory.path, LOCK_FILE_NAME))).rejects.toThrow();
      await reopen();
      expect(store.stats().events).toBe(1);
    });

    it('waits for a running subscription handler', async () => {
      let release: () => void = () => undefined;
      let started = false;
      let handled = 0;
      store.subscribeToAll(async () => {
        started = true;
        await new Promise<void>((resolve) => (release = resolve));
        handled += 1;
      });
      await store.append(aStreamId(), [anEvent('held')], 'no_stream');
      await eventually('the handler to start', () => started);
      await expectToWaitForTheHandler(
        () => store.close(),
        () => release(),
        () => handled,
      );
    });
  });

  describe('the lock file', () => {
    it('names the process holding the directory', async () => {
      const text = await readFile(join(directory.path, LOCK_FILE_NAME), 'utf8');
      expect(text.split('\n')[0]).toBe(String(process.pid));
    });
  });
});
