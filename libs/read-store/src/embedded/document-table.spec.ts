import { DuplicateKeyError } from '../read-store.port';
import { DocumentTable } from './document-table';
import { HashIndex } from './hash-index';

/** How many candidates a filter would be evaluated on. */
function candidateCount(table: DocumentTable, filter: Record<string, unknown>): number {
  return [...table.candidates(filter).entries].length;
}

describe('DocumentTable', () => {
  let table: DocumentTable;
  beforeEach(() => {
    table = new DocumentTable('invitees');
    table.createIndex({ keys: { batchId: 1, state: 1, sortKey: 1 } });
    table.createIndex({ keys: { invitationId: 1 }, unique: true });
    for (let i = 0; i < 1000; i += 1) {
      table.insert({
        _id: `i${i}`,
        batchId: `b${i % 10}`,
        state: i % 20 < 5 ? 'ACCEPTED' : 'INVITED',
        sortKey: `k${i}`,
        invitationId: `v${i}`,
      });
    }
  });

  it('looks an _id up directly, whatever else the filter says', () => {
    expect(candidateCount(table, { _id: 'i7', _pos: { $lt: '0005' } })).toBe(1);
    expect(candidateCount(table, { _id: { $in: ['i1', 'i2', 'missing'] } })).toBe(2);
    expect(table.candidates({ _id: 'i7', state: 'INVITED' }).settled).toEqual(['_id']);
  });

  it('narrows by the leading fields of an index that a filter pins, the more the better', () => {
    expect(candidateCount(table, { batchId: 'b3' })).toBe(100);
    expect(candidateCount(table, { batchId: 'b3', state: 'ACCEPTED', search: { $regex: 'x' } })).toBe(50);
    expect(candidateCount(table, { batchId: { $in: ['b1', 'b2'] }, state: 'INVITED' })).toBe(100);
    expect(candidateCount(table, { invitationId: 'v42' })).toBe(1);
    expect(table.candidates({ batchId: 'b3', state: 'ACCEPTED' }).settled).toEqual(['batchId', 'state']);
  });

  it('takes a small bucket of a leading field over a lookup of more keys than the bucket holds', () => {
    table.buildPendingIndexes(); // (batchId) and (batchId, state) as well
    const sortKeys = Array.from({ length: 150 }, (_, i) => `k${i * 7}`);
    const lookupKeys = jest.spyOn(HashIndex.prototype, 'lookupKeys');
    // b3 holds 100 documents, 50 of them INVITED: fewer than the 150 keys of (batchId, state, sortKey).
    const filter = { batchId: 'b3', state: 'INVITED', sortKey: { $in: sortKeys } };
    const { entries, settled } = table.candidates(filter);
    expect([...entries]).toHaveLength(50);
    expect(settled).toEqual(['batchId', 'state']);
    expect(lookupKeys.mock.calls.map(([values]) => values.length)).not.toContain(3);
    // With fewer keys than the bucket holds, the lookup by all three fields is taken.
    expect(candidateCount(table, { ...filter, sortKey: { $in: sortKeys.slice(0, 20) } })).toBeLessThanOrEqual(
      20,
    );
    lookupKeys.mockRestore();
  });

  it('builds the deferred indexes when asked, and keeps them up to date from then on', () => {
    table.createIndex({ keys: { sortKey: 1 } });
    const build = jest.spyOn(table as unknown as { buildHashIndex: () => unknown }, 'buildHashIndex');
    table.buildPendingIndexes();
    const built = build.mock.calls.length;
    expect(built).toBeGreaterThan(0);
    table.insert({ _id: 'late', batchId: 'b3', state: 'INVITED', sortKey: 'k-late', invitationId: 'v-late' });

    expect(candidateCount(table, { sortKey: 'k-late' })).toBe(1);
    expect(candidateCount(table, { batchId: 'b3', state: 'INVITED' })).toBe(51);
    // The queries found every index built: none was built for them.
    expect(build.mock.calls.length).toBe(built);
  });

  it('scans when no index answers the filter', () => {
    expect(candidateCount(table, { state: 'ACCEPTED' })).toBe(1000);
    expect(candidateCount(table, { batchId: { $gt: 'b3' } })).toBe(1000);
    expect(candidateCount(table, { $or: [{ batchId: 'b1' }, { batchId: 'b2' }] })).toBe(1000);
  });

  it('keeps its indexes up to date as documents change and go', () => {
    const entry = [...table.candidates({ _id: 'i3' }).entries][0];
    table.replace(entry, { ...entry.doc, batchId: 'b9', state: 'ACCEPTED' });
    expect(candidateCount(table, { batchId: 'b3', state: 'ACCEPTED' })).toBe(49);
    expect(candidateCount(table, { batchId: 'b9', state: 'ACCEPTED' })).toBe(1);
    table.remove(entry);
    expect(candidateCount(table, { batchId: 'b9', state: 'ACCEPTED' })).toBe(0);
    expect(candidateCount(table, { _id: 'i3' })).toBe(0);
  });

  it('refuses a taken unique key, leaving the document and the indexes as they were', () => {
    const entry = [...table.candidates({ _id: 'i3' }).entries][0];
    expect(() => table.replace(entry, { ...entry.doc, invitationId: 'v4', batchId: 'b0' })).toThrow(
      DuplicateKeyError,
    );
    expect(entry.doc).toMatchObject({ invitationId: 'v3', batchId: 'b3' });
    expect(candidateCount(table, { batchId: 'b0', state: 'INVITED' })).toBe(50);
    expect(candidateCount(table, { batchId: 'b3', state: 'ACCEPTED' })).toBe(50);
    expect(() => table.insert({ _id: 'new', invitationId: 'v5' })).toThrow(DuplicateKeyError);
    expect(candidateCount(table, { _id: 'new' })).toBe(0);
  });

  it('does not settle an equality through a multikey index', () => {
    table.insert({ _id: 'multi', batchId: ['b3', 'b4'], state: 'INVITED', invitationId: 'm' });
    expect(candidateCount(table, { batchId: 'b3', state: 'INVITED' })).toBe(51);
    expect(table.candidates({ batchId: 'b3', state: 'INVITED' }).settled).toEqual([]);
  });
});
