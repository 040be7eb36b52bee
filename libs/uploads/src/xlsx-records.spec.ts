import { UploadRejectedError } from './field-error';
import { parseUpload } from './parse-upload';
import { bytesSource, collect, rejectionOf } from './testing/csv-source';
import { xlsxBytes } from './testing/xlsx-source';
import { uploadLimits } from './upload-limits';

const HEADER = ['Email', 'Date of birth', 'First name', 'Surname', 'Mobile'];

async function rowsOf(bytes: Buffer, chunkSize = 1024) {
  const warnings: string[] = [];
  const rows = await collect(
    parseUpload(bytesSource(bytes, chunkSize), uploadLimits(), { onWarning: (w) => warnings.push(w) }),
  );
  return { rows, warnings };
}

describe('parseUpload reading an Excel workbook (.xlsx)', () => {
  it('reads the first sheet: date cells as dates, numbers as stored, rows numbered as the sheet numbers them', async () => {
    const bytes = await xlsxBytes([
      {
        rows: [
          HEADER,
          ['zoe@example.com', new Date(Date.UTC(1991, 2, 14)), 'Zoë', 'Nguyễn', 412345678],
          [],
          ['jose@example.com', 33312, 'José', "O'Brien", '0412 345 679'],
          ['ana@example.com', '14-Mar-1991', 'Ana', 'Silva', 61412345680],
        ],
      },
      { name: 'Other', rows: [['not', 'read']] },
    ]);

    const { rows, warnings } = await rowsOf(bytes);

    expect(rows.map((row) => [row.row, row.cells])).toEqual([
      [
        2,
        expect.objectContaining({
          email: 'zoe@example.com',
          date_of_birth: '1991-03-14',
          first_name: 'Zoë',
          last_name: 'Nguyễn',
          mobile: '412345678',
        }),
      ],
      [
        4,
        expect.objectContaining({
          email: 'jose@example.com',
          date_of_birth: '33312',
          mobile: '0412 345 679',
        }),
      ],
      [5, expect.objectContaining({ date_of_birth: '14-Mar-1991', mobile: '61412345680' })],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the first visible sheet, and long text with characters of every width whole', async () => {
    const name = 'Zoë 😀 Nguyễn '.repeat(18).trim();
    const bytes = await xlsxBytes([
      { name: 'Hidden', state: 'hidden', rows: [['email'], ['hidden@example.com']] },
      {
        rows: [
          ['email', 'dob', 'first name'],
          ['zoe@example.com', '1990-07-15', name],
        ],
      },
    ]);

    const { rows } = await rowsOf(bytes, 7);

    expect(rows).toEqual([
      { row: 2, cells: expect.objectContaining({ email: 'zoe@example.com', first_name: name }) },
    ]);
  });

  it('ignores values right of the header, with one warning', async () => {
    const bytes = await xlsxBytes([
      {
        rows: [
          ['email', 'dob'],
          ['a@example.com', '1990-01-01', 'note'],
          ['b@example.com', '1990-01-01', 'x'],
        ],
      },
    ]);

    const { rows, warnings } = await rowsOf(bytes);

    expect(rows.map((row) => row.cells?.email)).toEqual(['a@example.com', 'b@example.com']);
    expect(warnings).toEqual(["Cells right of the header's last column are ignored (the first on line 2)."]);
  });

  it('refuses a workbook whose sheet holds more rows than the limit, as soon as it passes it', async () => {
    const rows = [
      ['email', 'dob'],
      ...Array.from({ length: 50 }, (_, i) => [`p${i}@example.com`, '1990-01-01']),
    ];
    const error = await rejectionOf(
      collect(parseUpload(bytesSource(await xlsxBytes([{ rows }])), uploadLimits({ maxRows: 10 }))),
    );

    expect(error).toEqual(new UploadRejectedError([{ row: 12, message: 'The file has more than 10 rows.' }]));
  });

  it('refuses a workbook over the byte limit while it is written to its temporary file', async () => {
    const bytes = await xlsxBytes([
      {
        rows: [
          ['email', 'dob'],
          ['a@example.com', 'x'.repeat(5000)],
        ],
      },
    ]);
    const error = await rejectionOf(
      collect(parseUpload(bytesSource(bytes), uploadLimits({ maxBytes: 2000 }))),
    );

    expect((error as UploadRejectedError).errors).toEqual([
      { message: 'The file is larger than the limit of 2 KB.' },
    ]);
  });

  it('refuses a part larger unpacked than the limit allows, before unpacking it', async () => {
    const rows = [
      ['email', 'dob'],
      ...Array.from({ length: 400 }, (_, i) => [`person${i}@example.com`, `${'x'.repeat(200)}${i}`]),
    ];
    const bytes = await xlsxBytes([{ rows }]);
    const error = await rejectionOf(
      collect(parseUpload(bytesSource(bytes), uploadLimits({ maxBytes: bytes.length + 10 }))),
    );

    expect((error as UploadRejectedError).errors).toEqual([
      {
        message: expect.stringMatching(
          /^The workbook's part xl\/sharedStrings.xml is larger than the upload can read/,
        ),
      },
    ]);
  });

  it('refuses a zip that is not a workbook, and a damaged workbook, saying how to save the file', async () => {
    const zipOfNothing = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), zipOfNothing]);
    const damaged = (await xlsxBytes([{ rows: [['email', 'dob']] }])).subarray(0, 300);

    for (const bytes of [notAWorkbook, damaged]) {
      const error = await rejectionOf(collect(parseUpload(bytesSource(bytes))));
      expect(error).toBeInstanceOf(UploadRejectedError);
      expect((error as UploadRejectedError).errors[0].message).toContain('CSV UTF-8');
    }
  });
});
