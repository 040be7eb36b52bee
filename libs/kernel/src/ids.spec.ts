import { v5 as uuidv5 } from 'uuid';
import { deriveId } from './ids';

const NAMESPACE = '3f1c2a9e-7d4b-4c61-9a57-1b2f0e8d6c45';

describe('deriveId', () => {
  it("answers exactly uuid's v5 of the parts joined by U+001F, in the service's namespace", () => {
    const cases: string[][] = [
      [],
      [''],
      ['upload'],
      ['0f8e3a52-1c2b-4d5e-9f00-123456789abc', 'row', '150001'],
      ['scope', 'a key with spaces, commas; and "quotes"', 'previewUpload'],
      ['Zoë', 'Nguyễn', '漢字', '😀'],
      ['x'.repeat(1000)],
    ];
    for (let i = 0; i < 500; i += 1) cases.push([`part-${i}`, String(i * 7919), Math.random().toString(36)]);
    for (const parts of cases) expect(deriveId(...parts)).toBe(uuidv5(parts.join('\u001f'), NAMESPACE));
  });

  it('refuses a name with a lone surrogate, as uuid does', () => {
    expect(() => deriveId('\ud800')).toThrow(URIError);
  });
});
