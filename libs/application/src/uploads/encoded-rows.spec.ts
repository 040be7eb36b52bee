import { EncodedRows } from './encoded-rows';

describe('EncodedRows', () => {
  const rows = [[1, 'zoë@example.com', null, ['FIRST_NAME'], false]];

  it.each<[string, unknown[]]>([
    ['an empty list', []],
    ['a list of rows', [rows[0], [2, 'josé@example.com', 'Łukasz', [], true], null, 'plain']],
    ['a list larger than the first buffer', Array.from({ length: 5000 }, (_, i) => [i, `row ${i} ✓`, null])],
    ['a list with undefined and functions, as arrays write them', [undefined, () => 1, 3]],
    // eslint-disable-next-line no-sparse-arrays
    ['a list with a hole', [1, , 3]],
  ])('encodes %s item by item into the bytes of JSON.stringify', (_, list) => {
    expect(EncodedRows.encode(list).bytes.toString('utf8')).toBe(JSON.stringify(list));
  });

  it('gives each list bytes of its own', () => {
    const first = EncodedRows.encode([1, 2, 3]);
    EncodedRows.encode(['overwrite', 'what', 'came', 'before']);
    expect(first.bytes.toString('utf8')).toBe('[1,2,3]');
    expect(first.bytes.buffer.byteLength).toBe(first.bytes.length);
  });

  it('is the rows property of an object, as JSON.stringify writes that object', () => {
    const fields = { uploadId: 'u-1', chunk: 3, columns: ['row', 'email'], note: 'é "quoted"' };
    const json = EncodedRows.encode(rows).asPropertyOf(fields).toString('utf8');
    expect(json).toBe(JSON.stringify({ ...fields, rows }));
  });
});
