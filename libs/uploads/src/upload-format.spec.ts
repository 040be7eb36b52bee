import iconv from 'iconv-lite';
import { completeUtf8Length, sniffFormat, utf8Text, type TextEncoding } from './upload-format';

async function decoded(bytes: Buffer, chunkSize: number) {
  const format = sniffFormat(bytes);
  if (format.kind !== 'text') throw new Error(`not text: ${JSON.stringify(format)}`);
  async function* chunks() {
    for (let start = 0; start < bytes.length; start += chunkSize)
      yield bytes.subarray(start, start + chunkSize);
  }
  const encodings: TextEncoding[] = [];
  const out: Buffer[] = [];
  for await (const chunk of utf8Text(chunks(), format, (encoding) => encodings.push(encoding)))
    out.push(chunk);
  return { text: Buffer.concat(out).toString('utf8'), encodings };
}

const TEXT = 'email,first_name\r\nzoe@example.com,Zoë\r\nrenee@example.com,Renée “Ren”\r\n';

describe('sniffFormat', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], { kind: 'xlsx' }],
    [[0xef, 0xbb, 0xbf, 0x65], { kind: 'text', encoding: 'utf-8', bomBytes: 3 }],
    [[0xff, 0xfe, 0x65, 0x00], { kind: 'text', encoding: 'utf-16le', bomBytes: 2 }],
    [[0xfe, 0xff, 0x00, 0x65], { kind: 'text', encoding: 'utf-16be', bomBytes: 2 }],
    [[0x65, 0x6d, 0x61, 0x69], { kind: 'text', encoding: null, bomBytes: 0 }],
  ])('reads %j by its bytes', (bytes, format) => {
    expect(sniffFormat(Buffer.from(bytes))).toEqual(format);
  });

  it.each([
    ['UTF-16 without a byte-order mark', Buffer.from('email,dob', 'utf16le'), /NUL bytes/],
    ['UTF-32', Buffer.from([0xff, 0xfe, 0, 0, 0x65, 0, 0, 0]), /UTF-32/],
    ['an .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /97-2003/],
    ['a PDF', Buffer.from('%PDF-1.7\n'), /PDF/],
  ])('refuses %s, saying how to save it', (_, bytes, reason) => {
    const format = sniffFormat(bytes);
    expect(format).toEqual({ kind: 'refused', message: expect.stringMatching(reason) });
    expect((format as { message: string }).message).toContain('CSV UTF-8');
  });
});

describe('utf8Text', () => {
  it.each([1, 2, 3, 7, 4096])(
    'passes UTF-8 through, with or without a BOM, in chunks of %i bytes',
    async (size) => {
      expect(await decoded(Buffer.from(TEXT, 'utf8'), size)).toEqual({ text: TEXT, encodings: ['utf-8'] });
      expect(await decoded(Buffer.from(`\uFEFF${TEXT}`, 'utf8'), size)).toEqual({
        text: TEXT,
        encodings: ['utf-8'],
      });
    },
  );

  it.each([1, 3, 4096])('transcodes UTF-16 LE and BE (in chunks of %i bytes)', async (size) => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);

    expect(await decoded(le, size)).toEqual({ text: TEXT, encodings: ['utf-16le'] });
    expect(await decoded(be, size)).toEqual({ text: TEXT, encodings: ['utf-16be'] });
  });

  it.each([1, 2, 5, 4096])(
    'reads Windows-1252 (chunks of %i bytes), told apart at its first non-ASCII byte',
    async (size) => {
      expect(await decoded(iconv.encode(TEXT, 'windows-1252'), size)).toEqual({
        text: TEXT,
        encodings: ['windows-1252'],
      });
    },
  );

  it('says nothing of an ASCII file until it ends, and then nothing is to be said', async () => {
    expect(await decoded(Buffer.from('email\r\na@example.com\r\n'), 3)).toEqual({
      text: 'email\r\na@example.com\r\n',
      encodings: [],
    });
  });
});

describe('completeUtf8Length', () => {
  it('leaves out a character cut short at the end, and only that', () => {
    const zoe = Buffer.from('Zoë', 'utf8');
    expect(completeUtf8Length(zoe)).toBe(zoe.length);
    expect(completeUtf8Length(zoe.subarray(0, zoe.length - 1))).toBe(2);
    const emoji = Buffer.from('a😀', 'utf8');
    expect(completeUtf8Length(emoji.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(Buffer.from([0x61, 0xe9]))).toBe(1);
  });
});
