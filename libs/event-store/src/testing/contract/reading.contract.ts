import type { EventStore, NewEvent, RecordedEvent } from '../../event-store.port';
import { aStreamId, anEvent, asAppended, collect, someEvents } from '../event-fixtures';

const LONG_STREAM = 1_100;
const APPEND_CHUNK = 100;

/** Reading a stream forwards and backwards, in pages; reading the global log after a position. */
export function describeReading(currentStore: () => EventStore): void {
  async function streamOf(events: NewEvent[]): Promise<string> {
    const streamId = aStreamId();
    for (let start = 0; start < events.length; start += APPEND_CHUNK) {
      const expected = start === 0 ? 'no_stream' : BigInt(start - 1);
      await currentStore().append(streamId, events.slice(start, start + APPEND_CHUNK), expected);
    }
    return streamId;
  }

  const revisionsOf = (events: RecordedEvent[]): number[] => events.map((event) => Number(event.revision));
  const range = (from: number, count: number, step = 1): number[] =>
    Array.from({ length: count }, (_, i) => from + i * step);

  describe('readStream', () => {
    it('yields nothing for a missing stream', async () => {
      const streamId = aStreamId();
      expect(await collect(currentStore().readStream(streamId))).toEqual([]);
      expect(await collect(currentStore().readStream(streamId, { direction: 'backwards' }))).toEqual([]);
      expect(await currentStore().streamRevision(streamId)).toBeNull();
    });

    it('reads forwards by default, every event as appended, with increasing positions', async () => {
      const events = someEvents(5);
      const streamId = await streamOf(events);
      const read = await collect(currentStore().readStream(streamId));
      expect(read.map(asAppended)).toEqual(events);
      expect(revisionsOf(read)).toEqual(range(0, 5));
      expect(read.every((event) => event.streamId === streamId)).toBe(true);
      expectIncreasingPositions(read);
    });

    it('reads backwards from the end', async () => {
      const events = someEvents(5);
      const streamId = await streamOf(events);
      const read = await collect(currentStore().readStream(streamId, { direction: 'backwards' }));
      expect(read.map(asAppended)).toEqual([...events].reverse());
      expect(revisionsOf(read)).toEqual(range(4, 5, -1));
    });

    it('reads forwards from a revision (inclusive), at most maxCount', async () => {
      const streamId = await streamOf(someEvents(10));
      const read = (fromRevision: bigint, maxCount?: number) =>
        collect(currentStore().readStream(streamId, { fromRevision, maxCount }));
      expect(revisionsOf(await read(3n, 4))).toEqual([3, 4, 5, 6]);
      expect(revisionsOf(await read(8n, 5))).toEqual([8, 9]);
      expect(revisionsOf(await read(7n))).toEqual([7, 8, 9]);
      expect(await read(10n)).toEqual([]);
    });

    it('reads backwards from a revision (inclusive), at most maxCount', async () => {
      const streamId = await streamOf(someEvents(10));
      const read = (fromRevision: bigint, maxCount?: number) =>
        collect(currentStore().readStream(streamId, { direction: 'backwards', fromRevision, maxCount }));
      expect(revisionsOf(await read(6n, 3))).toEqual([6, 5, 4]);
      expect(revisionsOf(await read(1n, 5))).toEqual([1, 0]);
      expect(revisionsOf(await read(2n))).toEqual([2, 1, 0]);
      const lastOnly = await collect(
        currentStore().readStream(streamId, { direction: 'backwards', maxCount: 1 }),
      );
      expect(revisionsOf(lastOnly)).toEqual([9]);
    });

    it(`reads a long stream (${LONG_STREAM} events) whole, both ways, and from the middle`, async () => {
      const events = someEvents(LONG_STREAM);
      const streamId = await streamOf(events);
      const forwards = await collect(currentStore().readStream(streamId));
      expect(forwards.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(revisionsOf(forwards)).toEqual(range(0, LONG_STREAM));
      const backwards = await collect(currentStore().readStream(streamId, { direction: 'backwards' }));
      expect(revisionsOf(backwards)).toEqual(range(LONG_STREAM - 1, LONG_STREAM, -1));
      const middle = await collect(
        currentStore().readStream(streamId, { fromRevision: 1_000n, maxCount: 50 }),
      );
      expect(revisionsOf(middle)).toEqual(range(1_000, 50));
    });
  });

  describe('readAll', () => {
    async function interleaved(): Promise<{ before: bigint; streams: Set<string>; appended: NewEvent[] }> {
      const before = await currentStore().headPosition();
      const [a, b] = [aStreamId(), aStreamId()];
      const appended = [anEvent('a1'), anEvent('b1'), anEvent('a2')];
      await currentStore().append(a, [appended[0]], 'no_stream');
      await currentStore().append(b, [appended[1]], 'no_stream');
      await currentStore().append(a, [appended[2]], 0n);
      return { before, streams: new Set([a, b]), appended };
    }

    const ours = (events: RecordedEvent[], streams: Set<string>) =>
      events.filter((e) => streams.has(e.streamId));

    it('reads the events after a position, in commit order, across streams', async () => {
      const { before, streams, appended } = await interleaved();
      const read = await collect(currentStore().readAll({ after: before }));
      expect(read.every((event) => event.position > before)).toBe(true);
      expectIncreasingPositions(read);
      expect(ours(read, streams).map(asAppended)).toEqual(appended);
    });

    it('excludes the event at the given position itself', async () => {
      const { before, streams, appended } = await interleaved();
      const [first] = ours(await collect(currentStore().readAll({ after: before })), streams);
      const rest = ours(await collect(currentStore().readAll({ after: first.position })), streams);
      expect(rest.map((event) => event.id)).toEqual([appended[1].id, appended[2].id]);
    });

    it('reads at most maxCount events', async () => {
      const { before, appended } = await interleaved();
      const read = await collect(currentStore().readAll({ after: before, maxCount: 2 }));
      expect(read.map((event) => event.id)).toEqual([appended[0].id, appended[1].id]);
    });

    it('gives each event the same position as readStream does', async () => {
      const { before, streams } = await interleaved();
      const read = ours(await collect(currentStore().readAll({ after: before })), streams);
      for (const streamId of streams) {
        const inStream = await collect(currentStore().readStream(streamId));
        expect(inStream).toEqual(read.filter((event) => event.streamId === streamId));
      }
    });

    it('reads from the start when no position is given', async () => {
      const { streams, appended } = await interleaved();
      const read = await collect(currentStore().readAll());
      expectIncreasingPositions(read);
      expect(ours(read, streams).map((event) => event.id)).toEqual(appended.map((event) => event.id));
    });
  });
}

export function expectIncreasingPositions(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i += 1)
    expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}
