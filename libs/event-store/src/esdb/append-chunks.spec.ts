import type { NewEvent } from '../event-store.port';
import {
  DEFAULT_MAX_APPEND_BYTES,
  EventTooLargeError,
  PER_EVENT_OVERHEAD_BYTES,
  chunkEventsForAppend,
  chunkIndexesBySize,
  estimatedEventBytes,
} from './append-chunks';

const metadata = {
  organisationId: 'org-1',
  actor: 'admin-1',
  correlationId: 'c-1',
  causationId: null,
  timestamp: '2025-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

function eventOf(bytesOfPadding: number, id = 'e'): NewEvent {
  return { id, type: 'InviteeStaged', data: { padding: 'x'.repeat(bytesOfPadding) }, metadata };
}

describe('estimatedEventBytes', () => {
  it('counts the UTF-8 bytes of the JSON data, the JSON metadata and the type, plus the overhead', () => {
    const event: NewEvent = { id: 'e', type: 'Été', data: { name: 'é' }, metadata };
    const expected =
      Buffer.byteLength('{"name":"é"}') +
      Buffer.byteLength(JSON.stringify(metadata)) +
      5 /* "Été": É and é take two bytes each */ +
      PER_EVENT_OVERHEAD_BYTES;
    expect(estimatedEventBytes(event)).toBe(expected);
  });
});

describe('chunkIndexesBySize', () => {
  it('keeps everything in one chunk when it fits', () => {
    expect(chunkIndexesBySize([10, 20, 30], 60)).toEqual([[0, 1, 2]]);
  });

  it('starts a new chunk when the next item would go over the limit, keeping the order', () => {
    expect(chunkIndexesBySize([40, 30, 30, 50, 10], 70)).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('gives an item exactly at the limit a chunk of its own', () => {
    expect(chunkIndexesBySize([70, 1, 70], 70)).toEqual([[0], [1], [2]]);
  });

  it('gives nothing for nothing', () => {
    expect(chunkIndexesBySize([], 10)).toEqual([]);
  });

  it('refuses an item that cannot fit any chunk', () => {
    expect(() => chunkIndexesBySize([5, 11], 10)).toThrow(RangeError);
  });
});

describe('chunkEventsForAppend', () => {
  it('keeps a command-sized batch in one append', () => {
    const events = [eventOf(100, 'a'), eventOf(100, 'b')];
    expect(chunkEventsForAppend('batch-1', events)).toEqual([events]);
  });

  it('splits 3 MB of events into appends under 1 MiB each, in order, losing none', () => {
    // Each event is a little over 100 KiB: ten fit in 1 MiB, eleven do not.
    const events = Array.from({ length: 30 }, (_, i) => eventOf(100 * 1024, `e${i}`));
    const chunks = chunkEventsForAppend('batch-1', events);
    expect(chunks.map((chunk) => chunk.length)).toEqual([10, 10, 10]);
    for (const chunk of chunks) {
      const bytes = chunk.reduce((sum, event) => sum + estimatedEventBytes(event), 0);
      expect(bytes).toBeLessThanOrEqual(DEFAULT_MAX_APPEND_BYTES);
    }
    expect(chunks.flat().map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('refuses an event that alone is over the limit, naming its type but not its data', () => {
    const huge = eventOf(DEFAULT_MAX_APPEND_BYTES, 'huge');
    expect(() => chunkEventsForAppend('batch-1', [eventOf(10), huge])).toThrow(EventTooLargeError);
    expect(() => chunkEventsForAppend('batch-1', [huge])).toThrow(/InviteeStaged.*batch-1/);
  });

  it('honours a smaller server limit', () => {
    const events = [eventOf(500, 'a'), eventOf(500, 'b'), eventOf(500, 'c')];
    const oneEvent = estimatedEventBytes(events[0]);
    expect(chunkEventsForAppend('s', events, oneEvent * 2).map((chunk) => chunk.length)).toEqual([2, 1]);
  });
});
