import { LogIndex } from './log-index';

const hash = (n: number) => ({ high: n, low: n * 7 });

describe('LogIndex', () => {
  it("keeps each stream's positions by revision, for streams of one event and of several", () => {
    const index = new LogIndex();
    let offset = 0;
    const add = (streamId: string) => {
      const revision = index.add(streamId, hash(index.count), offset, 10);
      offset += 10;
      return revision;
    };
    expect(add('passport-1')).toBe(0);
    expect(add('invitee-1')).toBe(0);
    expect(add('invitee-1')).toBe(1);
    expect(add('passport-2')).toBe(0);
    expect(add('invitee-1')).toBe(2);

    expect(index.streamPositions('passport-1')).toEqual([0]);
    expect(index.streamPositions('passport-2')).toEqual([3]);
    expect(index.streamPositions('invitee-1')).toEqual([1, 2, 4]);
    expect(index.streamPositions('absent')).toBeUndefined();
    expect(index.lastRevision('passport-1')).toBe(0);
    expect(index.lastRevision('invitee-1')).toBe(2);
    expect(index.lastRevision('absent')).toBeNull();
    expect(index.streamCount).toBe(3);
    expect(index.count).toBe(5);
  });
});
