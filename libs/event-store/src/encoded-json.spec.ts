import { EncodedJson, jsonParts } from './encoded-json';

const joined = (value: unknown): string | undefined => {
  const parts = jsonParts(value);
  return parts.length === 0
    ? undefined
    : Buffer.concat(parts.map((part) => Buffer.from(part))).toString('utf8');
};

describe('EncodedJson', () => {
  const rows = [[1, 'zoë@example.com', null, ['FIRST_NAME'], false]];

  it('is its value to JSON.stringify, so that any writer writes the same JSON', () => {
    expect(JSON.stringify({ chunk: 3, rows: EncodedJson.encode(rows) })).toBe(
      JSON.stringify({ chunk: 3, rows }),
    );
  });

  it.each<[string, unknown]>([
    ['a plain object', { a: 1, b: 'é', c: null, d: [1, { e: 2 }] }],
    ['an array', [1, 'two', null]],
    ['a string', 'line\nbreak "quoted"'],
    ['null', null],
    ['an object with undefined and function fields', { a: undefined, b: () => 1, c: 3 }],
    ['an object with a toJSON', { toJSON: () => ({ as: 'json' }) }],
    ['a Date', new Date('2026-12-01T00:00:00Z')],
    ['undefined', undefined],
  ])('pieces of %s join into JSON.stringify of it', (_, value) => {
    expect(joined(value)).toBe(JSON.stringify(value));
  });

  it.each<[string, Record<string, unknown>]>([
    ['first', { rows: 'ENCODED', chunk: 3 }],
    ['last', { uploadId: 'u-1', chunk: 3, rows: 'ENCODED' }],
    ['between, after a skipped field', { skipped: undefined, chunk: 3, rows: 'ENCODED', note: 'é' }],
    ['twice', { rows: 'ENCODED', chunk: 3, again: 'ENCODED' }],
  ])('splices the bytes of an EncodedJson property (%s) where its JSON goes', (_, shape) => {
    const withEncoded = Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [
        key,
        field === 'ENCODED' ? EncodedJson.encode(rows) : field,
      ]),
    );
    const plain = Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [key, field === 'ENCODED' ? rows : field]),
    );
    const parts = jsonParts(withEncoded);
    expect(parts.filter((part) => Buffer.isBuffer(part))).toHaveLength(
      Object.values(shape).filter((f) => f === 'ENCODED').length,
    );
    expect(joined(withEncoded)).toBe(JSON.stringify(plain));
  });

  it.each<[string, unknown[]]>([
    ['an empty list', []],
    ['a list of rows', [rows[0], [2, 'josé@example.com', 'Łukasz', [], true], null, 'plain']],
    ['a list larger than the first buffer', Array.from({ length: 5000 }, (_, i) => [i, `row ${i} ✓`, null])],
    ['a list with undefined and functions, as arrays write them', [undefined, () => 1, 3]],
    // eslint-disable-next-line no-sparse-arrays
    ['a list with a hole', [1, , 3]],
  ])('encodes %s item by item into the bytes of JSON.stringify', (_, list) => {
    expect(EncodedJson.encodeList(list).bytes.toString('utf8')).toBe(JSON.stringify(list));
  });

  it('gives each list bytes of its own', () => {
    const first = EncodedJson.encodeList([1, 2, 3]);
    EncodedJson.encodeList(['overwrite', 'what', 'came', 'before']);
    expect(first.bytes.toString('utf8')).toBe('[1,2,3]');
    expect(first.bytes.buffer.byteLength).toBe(first.bytes.length);
  });

  it('takes an EncodedJson value whole', () => {
    const encoded = EncodedJson.encode(rows);
    expect(jsonParts(encoded)).toEqual([encoded.bytes]);
  });
});
