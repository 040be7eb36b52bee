import { combineKeys, compoundKey, valueKey } from './index-keys';

describe('index keys', () => {
  it("keys a string by itself: the document's own string, no copy", () => {
    const email = 'ann@example.com';
    expect(valueKey(email)).toBe(email);
    expect(valueKey('')).toBe('');
  });

  it('never gives two different values the same key, whatever a string holds', () => {
    const values: unknown[] = [
      1,
      '1',
      true,
      'true',
      null,
      '',
      0,
      -1,
      new Date(0),
      { a: 1 },
      '\u0000n1',
      '\u0000z',
      '\u0000b1',
      '\u0000s',
      '\u0000',
    ];
    const keys = values.map(valueKey);
    expect(new Set(keys).size).toBe(values.length);
  });

  it('gives null and a missing value one key (MongoDB indexes a missing field as null), and 0 and -0 one', () => {
    expect(valueKey(undefined)).toBe(valueKey(null));
    expect(valueKey(-0)).toBe(valueKey(0));
  });

  it('keys compound values so that no split of the parts collides', () => {
    expect(compoundKey([valueKey('a:b'), valueKey('c')])).not.toBe(
      compoundKey([valueKey('a'), valueKey('b:c')]),
    );
  });

  it('combines the keys of one field without duplicates, and of several fields as every combination', () => {
    expect(combineKeys([['a', 'b', 'a']])).toEqual(['a', 'b']);
    expect(combineKeys([['a', 'b'], ['c']])).toEqual([compoundKey(['a', 'c']), compoundKey(['b', 'c'])]);
  });
});
