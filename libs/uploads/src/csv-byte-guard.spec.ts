import { CsvByteGuard } from './csv-byte-guard';
import { UploadRejectedError } from './field-error';
import { parseUpload } from './parse-upload';
import { TEMPLATE_HEADER_LINE } from './template';
import { uploadLimits } from './upload-limits';
import { bytesSource, collect } from './testing/csv-source';

function admitAll(text: string, chunkSize = 4): CsvByteGuard {
  const guard = new CsvByteGuard(',', uploadLimits());
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += chunkSize)
    guard.admit(bytes.subarray(start, start + chunkSize));
  guard.end();
  return guard;
}

function refusal(text: string): string {
  try {
    admitAll(text);
  } catch (error) {
    if (error instanceof UploadRejectedError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('CsvByteGuard', () => {
  it.each([
    ['doubled quotes inside a quoted value', 'a,"say ""hi""",b\r\n'],
    ['a line break inside a quoted value', 'a,"two\r\nlines",b\n'],
    ['blanks around a quoted value', 'a,  "b"  ,c\n'],
    ['a quote inside an unquoted value, which is an ordinary character', 'a,5" tall,b\n'],
    ['an empty quoted value', 'a,"",b'],
  ])('admits %s', (_, text) => {
    expect(() => admitAll(text)).not.toThrow();
  });

  it('refuses an unclosed quote, naming the line where it opened, even across line breaks', () => {
    expect(refusal('a,b\r\nc,"d\r\ne,f\r\n')).toBe(
      'Line 2 of the file: a quoted value is never closed (a " is missing).',
    );
  });

  it('counts lines ended by CR alone', () => {
    expect(refusal('a,b\rc,d\r"e"x,f\r')).toMatch(/^Line 3 of the file: a closing " must be followed/);
  });

  it('agrees with fast-csv on a file with CR line ends and a quote inside an unquoted value', async () => {
    const text = `${TEMPLATE_HEADER_LINE}\rzoe@example.com,1990-07-15,Zoë,,Nguyễn,Zo "Z",,\r`;

    const rows = await collect(parseUpload(bytesSource(text, 7)));

    expect(rows).toEqual([
      { row: 2, cells: expect.objectContaining({ preferred_name: 'Zo "Z"', last_name: 'Nguyễn' }) },
    ]);
  });
});
