import { EventIdIndex, hashId } from './event-id-index';

describe('the event id index', () => {
  it('finds the position of every id added, through many resizes', () => {
    const index = new EventIdIndex(16);
    const ids = Array.from({ length: 5_000 }, (_, i) => `event-${i}`);
    ids.forEach((id, position) => index.add(hashId(id), position));
    expect(index.size).toBe(5_000);
    ids.forEach((id, position) => expect(index.candidates(hashId(id))).toContain(position));
  });

  it('finds nothing for an id never added', () => {
    const index = new EventIdIndex();
    index.add(hashId('present'), 0);
    expect(index.candidates(hashId('absent'))).toEqual([]);
  });

  it('keeps every position of equal hashes (an id used twice, or a collision)', () => {
    const index = new EventIdIndex(16);
    index.add({ high: 7, low: 1 }, 3);
    index.add({ high: 7, low: 2 }, 4);
    index.add({ high: 7, low: 1 }, 9);
    expect(index.candidates({ high: 7, low: 1 })).toEqual([3, 9]);
    expect(index.candidates({ high: 7, low: 2 })).toEqual([4]);
  });

  it('hashes ids into two different 32-bit halves', () => {
    const { high, low } = hashId('5b0f9d3e-6a53-4f3c-9a1c-2f1e2d3c4b5a');
    expect(high).not.toBe(low);
    expect(hashId('5b0f9d3e-6a53-4f3c-9a1c-2f1e2d3c4b5b')).not.toEqual({ high, low });
  });
});
