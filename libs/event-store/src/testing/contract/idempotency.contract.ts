import { WrongExpectedRevisionError, type EventStore } from '../../event-store.port';
import { aStreamId, anEvent, collect, rejectionOf, someEvents } from '../event-fixtures';

/** Re-appending events already there (same ids) succeeds and writes nothing, as in EventStoreDB. */
export function describeIdempotency(currentStore: () => EventStore): void {
  async function idsIn(streamId: string): Promise<string[]> {
    return (await collect(currentStore().readStream(streamId))).map((event) => event.id);
  }

  describe('re-appending the same events', () => {
    it.each([
      ['with the same expected revision', 2, 'no_stream'],
      ['expecting any revision', 3, 'any'],
    ] as const)('%s answers as the first time and writes nothing', async (_how, count, expectedRevision) => {
      const streamId = aStreamId();
      const events = someEvents(count);
      const first = await currentStore().append(streamId, events, expectedRevision);
      const again = await currentStore().append(streamId, events, expectedRevision);
      expect(again).toEqual(first);
      expect(await idsIn(streamId)).toEqual(events.map((event) => event.id));
    });

    it('with an exact expected revision, after the stream moved on, answers their revisions', async () => {
      const streamId = aStreamId();
      await currentStore().append(streamId, [anEvent('start')], 'no_stream');
      const events = someEvents(2);
      const first = await currentStore().append(streamId, events, 0n);
      await currentStore().append(streamId, [anEvent('later')], 2n);
      const again = await currentStore().append(streamId, events, 0n);
      expect(again).toEqual(first);
      expect(await currentStore().streamRevision(streamId)).toBe(3n);
    });

    it('expecting no stream, after the stream moved on, still succeeds and writes nothing', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      const first = await currentStore().append(streamId, events, 'no_stream');
      await currentStore().append(streamId, [anEvent('later')], 1n);
      const again = await currentStore().append(streamId, events, 'no_stream');
      expect(again).toEqual(first);
      expect(await currentStore().streamRevision(streamId)).toBe(2n);
    });

    it('together with new events (a partial overlap) is a conflict, and writes nothing', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      await currentStore().append(streamId, events, 'no_stream');
      const error = await rejectionOf(
        currentStore().append(streamId, [...events, anEvent('new')], 'no_stream'),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await idsIn(streamId)).toEqual(events.map((event) => event.id));
    });
  });
}
