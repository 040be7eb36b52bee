import { isEmail } from 'class-validator';
import { isEmailAddress } from './email-address';

/** class-validator's own answer, with its default options; undefined where it throws. */
function byDefaults(value: string): boolean | undefined {
  try {
    return isEmail(value);
  } catch {
    return undefined;
  }
}

const local = (length: number, char = 'a') => char.repeat(length);
const label = (length: number) => 'd'.repeat(length);

/** Around every limit, in characters and in bytes, and the shapes the rules turn on. */
const CASES: string[] = [
  'ann@example.com',
  'ANN@EXAMPLE.COM',
  'ann.o.brien@example.co.uk',
  "d'arcy+tag@example.com",
  'zoë@example.com',
  'josé@exämple.com',
  '"quoted local"@example.com',
  '"quoted\\"local"@example.com',
  'ann@@example.com',
  'ann@example',
  'ann@example.c',
  'ann@example.123',
  'ann@-example.com',
  'ann@example-.com',
  'ann@exa_mple.com',
  'ann@[127.0.0.1]',
  'ann@127.0.0.1',
  'ann..b@example.com',
  '.ann@example.com',
  'ann@',
  '@example.com',
  'ann',
  '',
  'ann @example.com',
  'ann@ex ample.com',
  'Ann <ann@example.com>',
  'ann@ｅxample.com',
  `${local(64)}@example.com`,
  `${local(65)}@example.com`,
  `${local(32, 'é')}@example.com`,
  `${local(33, 'é')}@example.com`,
  `${local(21, '日')}@example.com`,
  `${local(22, '日')}@example.com`,
  `ann@${label(63)}.com`,
  `ann@${label(64)}.com`,
  `ann@${[label(63), label(63), label(63), label(56)].join('.')}.com`,
  `ann@${[label(63), label(63), label(63), label(57)].join('.')}.com`,
  // 254 and 255 characters in all.
  `${local(64)}@${[label(63), label(63), label(57)].join('.')}.com`,
  `${local(64)}@${[label(63), label(63), label(58)].join('.')}.com`,
  `ann@${'é'.repeat(63)}.com`,
  `ann@${'é'.repeat(64)}.com`,
  // A domain of 254, 255 and 256 bytes, in far fewer characters.
  `ann@${['é'.repeat(63), 'é'.repeat(62)].join('.')}.ab`,
  `ann@${['é'.repeat(63), 'é'.repeat(62)].join('.')}.abc`,
  `ann@${['é'.repeat(63), 'é'.repeat(63)].join('.')}.com`,
  `a@b@${label(63)}.com`,
  `${local(60)}@x@example.com`,
  'ann@example.com\n',
  'ann\u0000@example.com',
  'ann@exam\u00adple.com',
];

describe('isEmailAddress', () => {
  it.each(
    CASES.map((value) => [value.length > 40 ? `${value.slice(0, 40)}… (${value.length})` : value, value]),
  )('answers %j as class-validator does with its defaults', (_, value) => {
    expect(isEmailAddress(value)).toBe(byDefaults(value));
  });

  it('answers as the defaults over generated addresses near every limit', () => {
    const pieces = ['a', 'é', '日', '.', '-', '_', '+', '@', '"', ' ', '😀'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let checked = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const localLength = 50 + next(30);
      const domainLabels = 1 + next(5);
      const user = Array.from({ length: localLength }, () =>
        next(10) === 0 ? pieces[next(pieces.length)] : 'a',
      ).join('');
      const domain = Array.from({ length: domainLabels }, () => label(40 + next(30)))
        .concat(next(4) === 0 ? ['c0m'] : ['com'])
        .join('.');
      const value = `${user}@${domain}`;
      const expected = byDefaults(value);
      if (expected === undefined) continue;
      expect([value, isEmailAddress(value)]).toEqual([value, expected]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(19_000);
  });

  it('is no address, rather than an exception, for text holding a lone surrogate', () => {
    expect(byDefaults('ann\ud800@example.com')).toBeUndefined();
    expect(isEmailAddress('ann\ud800@example.com')).toBe(false);
    expect(isEmailAddress('ann@exa\udc00mple.com')).toBe(false);
  });
});
