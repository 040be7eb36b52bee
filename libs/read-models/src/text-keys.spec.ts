import fc from 'fast-check';
import { foldText } from './fold-text';
import { searchText } from './invitees/search-text';
import { decodeCursor, encodeCursor, sortKey } from './invitees/tab-order';
import { possibleDuplicateKey } from './passports/possible-duplicate-key';
import { positionKey } from './projection/projection';

describe('text keys', () => {
  it('folds accents and case, and collapses whitespace', () => {
    expect(foldText('  Zoë   ÅNGSTRÖM\tNúñez ')).toBe('zoe angstrom nunez');
  });

  it('folds ASCII text (its short way) as it folds any text', () => {
    const decomposed = (text: string) =>
      text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    // Long enough to pass the memo by: each is folded afresh.
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
    });
    fc.assert(
      fc.property(ascii, (text) =>
        expect(foldText(text.padEnd(80, ' Ab'))).toBe(decomposed(text.padEnd(80, ' Ab'))),
      ),
    );
    fc.assert(fc.property(ascii, (text) => expect(foldText(text)).toBe(decomposed(text))));
  });

  it('makes the search text from every name, the email and the mobile, skipping the missing ones', () => {
    const person = {
      firstName: 'Chloé',
      middleNames: null,
      lastName: "O'Brien",
      preferredName: 'Clo',
      email: 'chloe@example.org',
      mobile: null,
    };
    expect(searchText(person)).toBe("chloe o'brien clo chloe@example.org");
  });

  it('gives the same possible-duplicate key to the same person however the names are written', () => {
    expect(possibleDuplicateKey(' Zoë ', 'ångström', '1990-12-10')).toBe(
      possibleDuplicateKey('ZOE', 'Angstrom', '1990-12-10'),
    );
    expect(possibleDuplicateKey('Zoe', 'Angstrom', '1990-12-10')).not.toBe(
      possibleDuplicateKey('Zoe', 'Angstrom', '1990-12-11'),
    );
  });

  it('orders by instant, then by id', () => {
    const keys = [
      sortKey('2025-03-02T09:00:00.000Z', 'a'),
      sortKey('2025-03-01T09:00:00.000Z', 'b'),
      sortKey('2025-03-01T09:00:00.000Z', 'a'),
    ];
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[0]]);
  });

  it('makes cursors of sort keys, and refuses one it did not make', () => {
    const key = sortKey('2025-03-01T09:00:00.000Z', 'a');
    expect(decodeCursor(encodeCursor(key))).toBe(key);
    expect(() => decodeCursor('not a cursor!')).toThrow('The cursor is not valid.');
  });
});

describe('positionKey', () => {
  it('writes a position as 20 digits, so that keys sort as positions do', () => {
    expect(positionKey(0n)).toBe('0'.repeat(20));
    expect(positionKey(12345n)).toBe(`${'0'.repeat(15)}12345`);
    expect(positionKey(2n ** 64n - 1n)).toBe('18446744073709551615');
    expect(positionKey(9n) < positionKey(10n)).toBe(true);
  });
});
