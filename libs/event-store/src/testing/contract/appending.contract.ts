import { WrongExpectedRevisionError, type EventStore, type ExpectedRevision } from '../../event-store.port';
import {
  aStreamId,
  anEvent,
  asAppended,
  collect,
  rejectionOf,
  someEvents,
  someMetadata,
} from '../event-fixtures';

/** Appends: the four kinds of expected revision, the typed conflict, concurrency, what is stored. */
export function describeAppending(currentStore: () => EventStore): void {
  async function expectConflict(
    streamId: string,
    expected: ExpectedRevision,
    actual: bigint | null,
    events = [anEvent('refused')],
  ): Promise<void> {
    const error = await rejectionOf(currentStore().append(streamId, events, expected));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', streamId, expected, actual });
  }

  async function streamWith(count: number): Promise<string> {
    const streamId = aStreamId();
    await currentStore().append(streamId, someEvents(count), 'no_stream');
    return streamId;
  }

  describe('append, expecting no stream', () => {
    it('creates the stream', async () => {
      const streamId = aStreamId();
      const result = await currentStore().append(streamId, someEvents(2), 'no_stream');
      expect(result.nextExpectedRevision).toBe(1n);
      expect(await currentStore().streamRevision(streamId)).toBe(1n);
    });

    it('is refused when the stream exists, and writes nothing', async () => {
      const streamId = await streamWith(1);
      await expectConflict(streamId, 'no_stream', 0n);
      expect(await currentStore().streamRevision(streamId)).toBe(0n);
    });
  });

  describe('append, expecting the stream to exist', () => {
    it('appends to an existing stream', async () => {
      const streamId = await streamWith(1);
      const result = await currentStore().append(streamId, [anEvent('more')], 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('is refused when the stream does not exist, and creates nothing', async () => {
      const streamId = aStreamId();
      await expectConflict(streamId, 'stream_exists', null);
      expect(await currentStore().streamRevision(streamId)).toBeNull();
      expect(await collect(currentStore().readStream(streamId))).toEqual([]);
    });
  });

  describe('append, expecting an exact revision', () => {
    it('appends when the stream is at that revision', async () => {
      const streamId = await streamWith(2);
      const result = await currentStore().append(streamId, someEvents(3), 1n);
      expect(result.nextExpectedRevision).toBe(4n);
      expect(await currentStore().streamRevision(streamId)).toBe(4n);
    });

    it('is refused when the stream has moved on, naming the actual revision', async () => {
      const streamId = await streamWith(2);
      await expectConflict(streamId, 0n, 1n);
      expect(await currentStore().streamRevision(streamId)).toBe(1n);
    });

    it('is refused when the stream is behind the expected revision', async () => {
      const streamId = await streamWith(1);
      await expectConflict(streamId, 5n, 0n);
    });

    it('is refused when the stream does not exist', async () => {
      const streamId = aStreamId();
      await expectConflict(streamId, 0n, null);
      expect(await currentStore().streamRevision(streamId)).toBeNull();
    });
  });

  describe('append, expecting any revision', () => {
    it('creates a missing stream and appends to an existing one', async () => {
      const streamId = aStreamId();
      expect((await currentStore().append(streamId, [anEvent('first')], 'any')).nextExpectedRevision).toBe(
        0n,
      );
      expect((await currentStore().append(streamId, someEvents(2), 'any')).nextExpectedRevision).toBe(2n);
    });
  });

  describe('what an append stores', () => {
    it('keeps every field of every event, metadata included, in order', async () => {
      const streamId = aStreamId('metadata');
      const events = [
        anEvent('with everything'),
        anEvent('with no organisation, actor nor cause', {
          metadata: someMetadata({ organisationId: null, actor: null, causationId: null, schemaVersion: 3 }),
          data: { nested: { list: [1, 'two', null, true, { deep: 'é ✓ 漢字' }] }, empty: {}, zero: 0 },
        }),
      ];
      await currentStore().append(streamId, events, 'no_stream');
      const read = await collect(currentStore().readStream(streamId));
      expect(read.map(asAppended)).toEqual(events);
      expect(read.map((event) => [event.streamId, event.revision])).toEqual([
        [streamId, 0n],
        [streamId, 1n],
      ]);
    });

    it('answers the position of the last event written, and later appends get later positions', async () => {
      const streamId = aStreamId();
      const first = await currentStore().append(streamId, someEvents(2), 'no_stream');
      const second = await currentStore().append(aStreamId(), [anEvent('elsewhere')], 'no_stream');
      const read = await collect(currentStore().readStream(streamId));
      expect(read[1].position).toBe(first.position);
      expect(read[0].position).toBeLessThan(read[1].position);
      expect(second.position).toBeGreaterThan(first.position);
      expect(await currentStore().headPosition()).toBeGreaterThanOrEqual(second.position);
    });
  });

  describe('concurrent appends', () => {
    it('to one stream at the same expected revision: exactly one wins', async () => {
      const streamId = await streamWith(1);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => currentStore().append(streamId, [anEvent(`racer-${i}`)], 0n)),
      );
      expectOneWinner(outcomes);
      expect(await currentStore().streamRevision(streamId)).toBe(1n);
    });

    it('creating one stream: exactly one wins', async () => {
      const streamId = aStreamId();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          currentStore().append(streamId, someEvents(2, `racer-${i}`), 'no_stream'),
        ),
      );
      expectOneWinner(outcomes);
      expect(await collect(currentStore().readStream(streamId))).toHaveLength(2);
    });

    it('to different streams all succeed', async () => {
      const streamIds = Array.from({ length: 20 }, () => aStreamId());
      const results = await Promise.all(
        streamIds.map((streamId) => currentStore().append(streamId, [anEvent('own')], 'no_stream')),
      );
      expect(new Set(results.map((result) => result.position)).size).toBe(streamIds.length);
      for (const streamId of streamIds) expect(await currentStore().streamRevision(streamId)).toBe(0n);
    });
  });
}

function expectOneWinner(outcomes: PromiseSettledResult<unknown>[]): void {
  const rejections = outcomes.filter((outcome) => outcome.status === 'rejected');
  expect(outcomes.length - rejections.length).toBe(1);
  for (const rejection of rejections) expect(rejection.reason).toBeInstanceOf(WrongExpectedRevisionError);
}
