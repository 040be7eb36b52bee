import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { PersonRules } from '@invitations/domain';
import { UploadRejectedError } from './field-error';
import { parseUpload } from './parse-upload';
import { bytesSource } from './testing/csv-source';
import { uploadLimits } from './upload-limits';
import { validateRow, validateRows } from './validate-rows';
import { CSV_COLUMNS, type CsvCells } from './template';

const RULES: PersonRules = { defaultRegion: 'AU', maxFieldLength: 64, today: '2025-06-30' };
const LIMITS = uploadLimits({ maxBytes: 64 * 1024, maxRows: 200, maxFieldLength: 64 });

/** Parses and validates, answering what a preview would: the rows' people, or why the file is refused. */
async function read(bytes: Buffer, chunkSize: number) {
  return validateRows(parseUpload(bytesSource(bytes, chunkSize), LIMITS), RULES);
}

/** Text made of what CSV files are made of, so that quoting, delimiters and line ends meet often. */
const csvish = fc
  .array(
    fc.constantFrom(
      'a',
      'é',
      '😀',
      ',',
      ';',
      '\t',
      '"',
      '\r',
      '\n',
      '\r\n',
      ' ',
      '@',
      '0',
      '1',
      '-',
      '/',
      '\0',
      '\uFEFF',
    ),
    {
      maxLength: 300,
    },
  )
  .map((parts) => parts.join(''));

const header = fc.constantFrom(
  'email,date_of_birth',
  CSV_COLUMNS.join(','),
  'Email;DOB;Surname',
  'E-mail\tBirth date\tFirst name',
  '',
);

describe('parseUpload and validateRows, for any file', () => {
  it('answer rows with their errors, or a refusal: never a crash (any bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, size) => {
          // read() rejects on anything but a refusal of the file: resolving is the property.
          const outcome = await read(Buffer.from(bytes), size);
          for (const error of [...outcome.rejection, ...outcome.errors.errors]) {
            expect(error.message.length).toBeGreaterThan(0);
            if (error.row !== undefined) expect(error.row).toBeGreaterThanOrEqual(1);
          }
          expect(outcome.errors.count).toBeGreaterThanOrEqual(outcome.errors.errors.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('number rows by line, rising, and name every error by line; a refusal is never silent (CSV-like text)', async () => {
    await fc.assert(
      fc.asyncProperty(
        header,
        csvish,
        fc.constantFrom('utf-8', 'utf-16le', 'windows-1252'),
        fc.integer({ min: 1, max: 32 }),
        async (head, body, encoding, size) => {
          const text = `${head}\r\n${body}`;
          const bytes =
            encoding === 'utf-16le'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
              : iconv.encode(text, encoding);
          const rows = [];
          let refused: UploadRejectedError | null = null;
          try {
            for await (const row of parseUpload(bytesSource(bytes, size), LIMITS)) rows.push(row);
          } catch (error) {
            if (!(error instanceof UploadRejectedError)) throw error;
            refused = error;
          }
          if (refused !== null) expect(refused.errors.length).toBeGreaterThan(0);
          const lines = rows.map((row) => row.row);
          expect(lines).toEqual([...lines].sort((a, b) => a - b));
          expect(new Set(lines).size).toBe(lines.length);
          expect(lines.every((line) => line >= 2 && line <= text.length + 2)).toBe(true);
          for (const row of rows) {
            const validation = validateRow(row, RULES, null);
            if (validation.person === null) {
              expect(validation.errors.length).toBeGreaterThan(0);
              expect(validation.errors.every((error) => error.row === row.row)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateRow, for any cells', () => {
  const cells = fc.record(
    Object.fromEntries(
      CSV_COLUMNS.map((column) => [column, fc.string({ maxLength: 80, unit: 'binary' })]),
    ) as Record<keyof CsvCells, fc.Arbitrary<string>>,
  );

  it('gives a person the rules accept again, or errors each naming a column and quoting at most 40 characters', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 2, max: 1000 }), (row, line) => {
        const validation = validateRow({ row: line, cells: row }, RULES, null);
        if (validation.person !== null) {
          expect(validation.person.email).toBe(validation.person.email.trim().toLowerCase());
          expect(validation.person.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(validation.person.dateOfBirth <= RULES.today).toBe(true);
          return;
        }
        for (const error of validation.errors) {
          expect(error.row).toBe(line);
          expect(CSV_COLUMNS).toContain(error.field);
          const quoted = /: (".*")(?: \(read as [\d-]+\))?$/.exec(error.message)?.[1];
          if (quoted !== undefined)
            expect(Array.from(JSON.parse(quoted) as string).length).toBeLessThanOrEqual(40);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
