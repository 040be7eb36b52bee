import { decideAppend } from './append-decision';

describe('deciding an append', () => {
  describe('of new events, by the expected revision', () => {
    it.each([
      ['any', null, 'write'],
      ['any', 3, 'write'],
      ['no_stream', null, 'write'],
      ['no_stream', 0, 'conflict'],
      ['stream_exists', 0, 'write'],
      ['stream_exists', null, 'conflict'],
      [2n, 2, 'write'],
      [2n, 3, 'conflict'],
      [2n, 1, 'conflict'],
      [0n, null, 'conflict'],
    ] as const)('expecting %s with the stream at %s: %s', (expected, current, kind) => {
      expect(decideAppend(expected, current, [undefined, undefined])).toEqual({ kind });
    });
  });

  describe('of events already in the stream', () => {
    it('is already written, whatever was expected, when they are all there in order', () => {
      for (const expected of ['any', 'no_stream', 'stream_exists', 7n] as const) {
        expect(decideAppend(expected, 9, [4, 5, 6])).toEqual({ kind: 'already-written', lastRevision: 6 });
      }
    });

    it('is a conflict when only some are there', () => {
      expect(decideAppend('any', 9, [8, 9, undefined])).toEqual({ kind: 'conflict' });
      expect(decideAppend(9n, 9, [undefined, 3])).toEqual({ kind: 'conflict' });
    });

    it('is a conflict when they are there in another order or with gaps', () => {
      expect(decideAppend('any', 9, [5, 4])).toEqual({ kind: 'conflict' });
      expect(decideAppend('any', 9, [4, 6])).toEqual({ kind: 'conflict' });
    });
  });
});
