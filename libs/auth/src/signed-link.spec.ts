import { linkRefusal, signLink } from './signed-link';

describe('signed links', () => {
  const secret = 'a-secret-only-the-service-holds';
  const purpose = ['duplicates-report', 'upload-1', 'org-a'];
  const now = new Date('2026-03-01T10:00:00.000Z');
  const inAnHour = Math.floor(now.getTime() / 1000) + 3600;

  it('accepts a link signed for its purpose until it expires', () => {
    const link = signLink(secret, purpose, inAnHour);
    const given = { expires: String(link.expires), signature: link.signature };
    expect(linkRefusal(secret, purpose, given, now)).toBeNull();
    expect(linkRefusal(secret, purpose, given, new Date(inAnHour * 1000))).toBe('expired');
  });

  it('refuses a link for another purpose, a later expiry, another secret, or no signature', () => {
    const link = signLink(secret, purpose, inAnHour);
    const given = { expires: String(link.expires), signature: link.signature };
    expect(linkRefusal(secret, ['duplicates-report', 'upload-2', 'org-a'], given, now)).toBe('invalid');
    expect(linkRefusal(secret, ['duplicates-report', 'upload-1', 'org-b'], given, now)).toBe('invalid');
    expect(linkRefusal(secret, purpose, { ...given, expires: String(inAnHour + 3600) }, now)).toBe('invalid');
    expect(linkRefusal('another-secret', purpose, given, now)).toBe('invalid');
    expect(linkRefusal(secret, purpose, { expires: given.expires, signature: undefined }, now)).toBe(
      'invalid',
    );
    expect(linkRefusal(secret, purpose, { expires: 'soon', signature: link.signature }, now)).toBe('invalid');
  });
});
