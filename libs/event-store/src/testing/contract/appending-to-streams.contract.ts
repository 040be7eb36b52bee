import { WrongExpectedRevisionError, type EventStore } from '../../event-store.port';
import { aStreamId, anEvent, asAppended, collect, someEvents } from '../event-fixtures';

/**
 * Appends to several streams at once (`appendToStreams`): each part is decided as `append` would decide it alone,
 * with its own expected revision and its own outcome; a refused part stops no other, and nothing is undone.
 */
export function describeAppendingToStreams(currentStore: () => EventStore): void {
  describe('append to several streams', () => {
    it('appends each part to its stream, answering each outcome in order', async () => {
      const [a, b, c] = [aStreamId(), aStreamId(), aStreamId()];
      await currentStore().append(c, someEvents(2), 'no_stream');
      const events = { a: someEvents(2, 'a'), b: [anEvent('b')], c: [anEvent('c')] };

      const outcomes = await currentStore().appendToStreams([
        { streamId: a, events: events.a, expected: 'no_stream' },
        { streamId: b, events: events.b, expected: 'any' },
        { streamId: c, events: events.c, expected: 1n },
      ]);

      expect(outcomes.map((outcome) => outcome.ok && outcome.result.nextExpectedRevision)).toEqual([
        1n,
        0n,
        2n,
      ]);
      expect((await collect(currentStore().readStream(a))).map(asAppended)).toEqual(events.a);
      expect((await collect(currentStore().readStream(b))).map(asAppended)).toEqual(events.b);
      const [readA, readB, readC] = [a, b, c].map(async (streamId) => {
        const read = await collect(currentStore().readStream(streamId));
        return read[read.length - 1].position;
      });
      expect(outcomes.map((outcome) => outcome.ok && outcome.result.position)).toEqual(
        await Promise.all([readA, readB, readC]),
      );
    });

    it('refuses a part whose stream is not at its expected revision, and still appends the others', async () => {
      const [taken, free] = [aStreamId(), aStreamId()];
      await currentStore().append(taken, [anEvent('first')], 'no_stream');

      const [refused, appended] = await currentStore().appendToStreams([
        { streamId: taken, events: [anEvent('late')], expected: 'no_stream' },
        { streamId: free, events: [anEvent('free')], expected: 'no_stream' },
      ]);

      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(refused.error).toMatchObject({ streamId: taken, expected: 'no_stream', actual: 0n });
      }
      expect(appended.ok).toBe(true);
      expect(await currentStore().streamRevision(taken)).toBe(0n);
      expect(await currentStore().streamRevision(free)).toBe(0n);
    });

    it('decides two parts naming one stream one after the other', async () => {
      const streamId = aStreamId();
      const outcomes = await currentStore().appendToStreams([
        { streamId, events: [anEvent('one')], expected: 'no_stream' },
        { streamId, events: [anEvent('two')], expected: 0n },
        { streamId, events: [anEvent('three')], expected: 'no_stream' },
      ]);
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, false]);
      expect(await currentStore().streamRevision(streamId)).toBe(1n);
    });

    it('is idempotent: the same parts again write nothing and answer the same revisions', async () => {
      const parts = [aStreamId(), aStreamId()].map((streamId) => ({
        streamId,
        events: someEvents(2),
        expected: 'no_stream' as const,
      }));
      const first = await currentStore().appendToStreams(parts);

      const again = await currentStore().appendToStreams(parts);

      expect(again.map((outcome) => outcome.ok && outcome.result.nextExpectedRevision)).toEqual(
        first.map((outcome) => outcome.ok && outcome.result.nextExpectedRevision),
      );
      for (const { streamId } of parts)
        expect(await collect(currentStore().readStream(streamId))).toHaveLength(2);
    });

    it('answers nothing for no parts', async () => {
      expect(await currentStore().appendToStreams([])).toEqual([]);
    });

    it('says how it writes the parts', () => {
      expect(['one-commit', 'concurrent']).toContain(currentStore().multiStreamAppend);
    });
  });
}
