import { DEFAULT_FROM, domainOfAddress, messageIdHeader, smtpSettingsFromUrl } from './smtp-settings';

describe('smtpSettingsFromUrl', () => {
  it('takes our from parameter off the URL and leaves the rest for nodemailer', () => {
    expect(
      smtpSettingsFromUrl('smtp://mailpit:1025?from=Invitations%20%3Cinvite%40example.org%3E&pool=true'),
    ).toEqual({
      transportUrl: 'smtp://mailpit:1025?pool=true',
      from: 'Invitations <invite@example.org>',
    });
  });

  it('keeps credentials and has no sender when the URL names none', () => {
    expect(smtpSettingsFromUrl('smtps://user:pa%24s@smtp.example.org:465')).toEqual({
      transportUrl: 'smtps://user:pa%24s@smtp.example.org:465',
    });
  });

  it('refuses other schemes', () => {
    expect(() => smtpSettingsFromUrl('http://mailpit:8025')).toThrow(/smtp:\/\//);
  });
});

describe('messageIdHeader', () => {
  it('is the message id at the domain, the same every time', () => {
    const id = '3f0e8a52-6a4c-5b8e-9d1f-0c2b7a9e4d11';
    expect(messageIdHeader(id, 'example.org')).toBe(`<${id}@example.org>`);
    expect(messageIdHeader(id, 'example.org')).toBe(messageIdHeader(id, 'example.org'));
  });

  it('replaces characters a Message-ID may not hold', () => {
    expect(messageIdHeader('a b<c>@d', 'x.org')).toBe('<a-b-c--d@x.org>');
    expect(messageIdHeader('.a..b.', 'x.org')).toBe('<-a.b-@x.org>');
  });
});

describe('domainOfAddress', () => {
  it('finds the domain in a bare or a named address', () => {
    expect(domainOfAddress('invite@Example.org')).toBe('example.org');
    expect(domainOfAddress('Invitations <no-reply@mail.example.org>')).toBe('mail.example.org');
    expect(domainOfAddress(DEFAULT_FROM)).toBe('localhost');
    expect(domainOfAddress('nobody')).toBeNull();
  });
});
