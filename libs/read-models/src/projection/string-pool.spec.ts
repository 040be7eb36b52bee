import { StringPool } from './string-pool';

describe('StringPool', () => {
  // (Which copy comes back cannot be seen from JavaScript: equal strings are equal. What can be seen: the value.)
  it('gives back an equal string, and null as null', () => {
    const pool = new StringPool();
    expect(pool.shared(['Invitation', 'Sent'].join(''))).toBe('InvitationSent');
    expect(pool.shared(['Invitation', 'Se', 'nt'].join(''))).toBe('InvitationSent');
    expect(pool.shared(null)).toBeNull();
  });

  it('forgets what it held at its limit, and still answers with equal strings', () => {
    const pool = new StringPool(2);
    pool.shared('a');
    pool.shared('b');
    expect(pool.shared('c')).toBe('c');
    expect(pool.shared('a')).toBe('a');
  });
});
