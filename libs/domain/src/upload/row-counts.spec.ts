import { countMatching, matchesRowFilter, rowCategory, type ChunkRowCounts } from './row-counts';

describe("a chunk's rows by category", () => {
  const counts: ChunkRowCounts = [10, 20, 3, 1, 2, 4];

  it('puts each status in its place, duplicates after the others', () => {
    expect(rowCategory('NEW', false)).toBe(0);
    expect(rowCategory('INVALID', false)).toBe(2);
    expect(rowCategory('EXISTING', true)).toBe(4);
  });

  it('counts the rows a filter matches', () => {
    expect(countMatching(counts, { uploadStatus: null, duplicate: null })).toBe(40);
    expect(countMatching(counts, { uploadStatus: 'NEW', duplicate: null })).toBe(11);
    expect(countMatching(counts, { uploadStatus: null, duplicate: true })).toBe(7);
    expect(countMatching(counts, { uploadStatus: 'EXISTING', duplicate: false })).toBe(20);
  });

  it('tells whether a row matches a filter', () => {
    const duplicate = { uploadStatus: 'NEW' as const, duplicateReasons: ['EMAIL_REPEATED_IN_FILE'] };
    expect(matchesRowFilter({ uploadStatus: 'NEW', duplicate: true }, duplicate)).toBe(true);
    expect(matchesRowFilter({ uploadStatus: null, duplicate: false }, duplicate)).toBe(false);
    expect(matchesRowFilter({ uploadStatus: 'INVALID', duplicate: null }, duplicate)).toBe(false);
  });
});
