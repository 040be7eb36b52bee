import { Readable } from 'node:stream';
import { UploadRejectedError } from './field-error';
import { ParsedRow, parseUpload } from './parse-upload';
import { CSV_COLUMNS, TEMPLATE_HEADER_LINE } from './template';
import { uploadLimits } from './upload-limits';
import {
  bytesSource,
  collect,
  csvRow,
  csvSource,
  csvText,
  personCells,
  rejectionOf,
} from './testing/csv-source';

const ZOE = csvRow({
  email: 'zoe@example.com',
  date_of_birth: '1990-07-15',
  first_name: 'Zoë',
  last_name: 'Nguyễn',
});
const JOSE = csvRow({
  email: 'jose@example.com',
  date_of_birth: '15/07/1990',
  first_name: 'José',
  last_name: "O'Brien",
});

function cellsOf(rows: ParsedRow[]) {
  return rows.map((row) => row.cells);
}

async function rejection(source: Readable | AsyncIterable<Uint8Array | string>, limits = uploadLimits()) {
  const error = await rejectionOf(collect(parseUpload(source, limits)));
  expect(error).toBeInstanceOf(UploadRejectedError);
  return (error as UploadRejectedError).errors;
}

/** Endless valid rows, counting the bytes taken from it: to see how far a refused file was read. */
function endlessRows(rowText: string, totalBytes = Number.POSITIVE_INFINITY) {
  const pulled = { bytes: 0 };
  const chunk = Buffer.from(`${rowText}\r\n`.repeat(Math.ceil((64 * 1024) / (rowText.length + 2))));
  async function* generate() {
    yield Buffer.from(`${TEMPLATE_HEADER_LINE}\r\n`);
    while (pulled.bytes < totalBytes) {
      pulled.bytes += chunk.length;
      yield chunk;
    }
  }
  return { source: generate(), pulled };
}

describe('parseUpload', () => {
  describe('reading a well-formed file', () => {
    it('yields each data row by column, numbered by its line in the file (the header is line 1)', async () => {
      const rows = await collect(parseUpload(csvSource([ZOE, JOSE], { lineEnd: '\n' })));

      expect(rows.map((row) => row.row)).toEqual([2, 3]);
      expect(rows[0].cells).toEqual(personCells());
      expect(rows[1].cells?.last_name).toBe("O'Brien");
    });

    it.each([1, 2, 3, 5, 64 * 1024])(
      'reads UTF-8 with a BOM and CRLF line ends, even when chunks of %i bytes split characters',
      async (chunkSize) => {
        const withBom = await collect(
          parseUpload(csvSource([ZOE, JOSE], { bom: true, lineEnd: '\r\n', chunkSize })),
        );
        const plain = await collect(parseUpload(csvSource([ZOE, JOSE], { bom: false, lineEnd: '\n' })));

        expect(cellsOf(withBom)).toEqual(cellsOf(plain));
        expect(withBom[0].cells?.first_name).toBe('Zoë');
        expect(withBom[0].cells?.email).toBe('zoe@example.com');
      },
    );

    it('reads a large file given as one chunk (a GraphQL string), slice by slice', async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => ZOE.replace('zoe@', `zoe${i}@`));

      const parsed = await collect(parseUpload(Readable.from([csvText(rows)])));

      expect(parsed).toHaveLength(20_000);
      expect(parsed[19_999].cells?.email).toBe('zoe19999@example.com');
    });

    it('accepts text chunks as well as bytes', async () => {
      const rows = await collect(parseUpload(Readable.from([`${TEMPLATE_HEADER_LINE}\n`, `${ZOE}\n`])));

      expect(rows[0].cells?.last_name).toBe('Nguyễn');
    });

    it("reads a ';'-delimited file, found from its header line", async () => {
      const header = CSV_COLUMNS.join(';');
      const row = 'zoe@example.com;1990-07-15;Zoë;;"Nguyễn; Tran";;0412 345 678;Nurse, Registered';

      const rows = await collect(parseUpload(csvSource([row], { header })));

      expect(rows[0].cells).toMatchObject({
        last_name: 'Nguyễn; Tran',
        mobile: '0412 345 678',
        job_role: 'Nurse, Registered',
      });
    });

    it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', async () => {
      const row = 'zoe@example.com,1990-07-15,"Zoë ""Zed""",,"O\'Brien, Jr",,,"Nurse\r\nRegistered"';

      const rows = await collect(parseUpload(csvSource([row, JOSE], { chunkSize: 5 })));

      expect(rows[0].cells).toMatchObject({
        first_name: 'Zoë "Zed"',
        last_name: "O'Brien, Jr",
        job_role: 'Nurse\r\nRegistered',
      });
      // The first record spans lines 2 and 3: the next starts on line 4.
      expect(rows[0].row).toBe(2);
      expect(rows[1]).toMatchObject({ row: 4, cells: { email: 'jose@example.com' } });
    });

    it('ignores blank lines anywhere, which are not rows but count as lines', async () => {
      const text = `\r\n${TEMPLATE_HEADER_LINE}\r\n\r\n${ZOE}\r\n   \r\n,,,,,,,\r\n${JOSE}\r\n\r\n\r\n`;

      const rows = await collect(parseUpload(bytesSource(text)));

      expect(rows.map((row) => [row.row, row.cells?.email])).toEqual([
        [4, 'zoe@example.com'],
        [7, 'jose@example.com'],
      ]);
    });

    it('reads missing trailing cells as empty', async () => {
      const rows = await collect(parseUpload(csvSource(['zoe@example.com,1990-07-15,Zoë,,Nguyễn'])));

      expect(rows[0].cells).toMatchObject({
        last_name: 'Nguyễn',
        preferred_name: '',
        mobile: '',
        job_role: '',
      });
    });

    it('ignores empty cells after the last column, in the header and in rows', async () => {
      const rows = await collect(
        parseUpload(csvSource([`${ZOE},,`], { header: `${TEMPLATE_HEADER_LINE},,` })),
      );

      expect(rows).toEqual([{ row: 2, cells: expect.objectContaining({ email: 'zoe@example.com' }) }]);
    });

    it('matches header names after trimming and ignoring case', async () => {
      const header = CSV_COLUMNS.map((column) => ` ${column.toUpperCase()} `).join(',');

      const rows = await collect(parseUpload(csvSource([ZOE], { header })));

      expect(rows[0].cells?.email).toBe('zoe@example.com');
    });

    it('yields nothing for a file with only its header row', async () => {
      expect(await collect(parseUpload(csvSource([])))).toEqual([]);
    });
  });

  describe('a row with more cells than the template', () => {
    it('is yielded with the problem, so that every such row can be listed', async () => {
      const rows = await collect(parseUpload(csvSource([`${ZOE},extra`, JOSE, `${JOSE},x,y`])));

      expect(rows.map(({ row, cells, problem }) => ({ row, hasCells: cells !== null, problem }))).toEqual([
        { row: 2, hasCells: false, problem: expect.stringContaining('has 9 cells') },
        { row: 3, hasCells: true, problem: undefined },
        { row: 4, hasCells: false, problem: expect.stringContaining('has 10 cells') },
      ]);
    });
  });

  describe('refusing the whole file', () => {
    it('refuses an empty file', async () => {
      expect(await rejection(bytesSource(''))).toEqual([{ message: expect.stringContaining('empty') }]);
    });

    it('refuses a header without a required column, naming each, and ignores unknown columns', async () => {
      const header = 'e-mail,first name,surname,notes';

      const errors = await rejection(csvSource(['zoe@example.com,Zoë,Nguyễn,x'], { header }));

      expect(errors).toEqual([
        {
          row: 1,
          field: 'date_of_birth',
          message: 'The header row has no column date_of_birth (a heading such as "Date of birth").',
        },
      ]);
    });

    it('says so when the first line is a row of people rather than the header', async () => {
      const errors = await rejection(bytesSource(`${ZOE}\n${JOSE}\n`));

      expect(errors.map((error) => error.message)).toContainEqual(
        expect.stringContaining('looks like a row of people'),
      );
    });

    it('refuses a quote left unclosed at the end of the file, naming its line', async () => {
      const errors = await rejection(csvSource([ZOE, 'jose@example.com,15/07/1990,"José,,Brien,,,']));

      expect(errors).toEqual([
        { row: 3, message: 'Line 3 of the file: a quoted value is never closed (a " is missing).' },
      ]);
    });

    it('refuses an unclosed quote early in a large file without reading the rest of it', async () => {
      const { source, pulled } = endlessRows(ZOE, 20 * 1024 * 1024);
      async function* withStrayQuote() {
        const first = await source.next();
        yield first.value as Buffer;
        yield Buffer.from('"unclosed@example.com,1990-07-15\r\n');
        yield* source;
      }

      const errors = await rejection(withStrayQuote());

      expect(errors[0].message).toMatch(/longer than any valid row .*A quote opened on line 2/);
      expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
    });

    it('refuses a closing quote followed by other characters', async () => {
      const errors = await rejection(csvSource([ZOE, 'jose@example.com,"15/07"1990,José,,Brien,,,']));

      expect(errors).toEqual([
        { row: 3, message: expect.stringMatching(/^Line 3 of the file: a closing " must be followed/) },
      ]);
    });

    it('refuses, after ~35 MB, a stream that would be 100 MB, without reading the rest', async () => {
      const longRow = csvRow({
        email: 'zoe@example.com',
        date_of_birth: '1990-07-15',
        job_role: 'x'.repeat(250),
      });
      const { source, pulled } = endlessRows(longRow, 100 * 1024 * 1024);

      const errors = await rejection(source);

      expect(errors).toEqual([{ message: 'The file is larger than the limit of 35 MB.' }]);
      expect(pulled.bytes).toBeGreaterThan(35 * 1024 * 1024);
      expect(pulled.bytes).toBeLessThan(37 * 1024 * 1024);
    });

    it('refuses more rows than the limit as soon as the row after the limit is read', async () => {
      const { source, pulled } = endlessRows(ZOE);

      const errors = await rejection(source, uploadLimits({ maxRows: 1000 }));

      expect(errors).toEqual([{ row: 1002, message: 'The file has more than 1,000 rows.' }]);
      expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
    });

    it('refuses a row longer than any valid row could be', async () => {
      const errors = await rejection(csvSource([ZOE, `${'x'.repeat(200_000)}@example.com,1990-07-15`]));

      expect(errors).toEqual([
        { row: 3, message: expect.stringMatching(/^Line 3 of the file: a row is longer than any valid row/) },
      ]);
    });
  });

  it('reads no further ahead of its consumer than a few chunks', async () => {
    const { source, pulled } = endlessRows(ZOE);
    const rows = parseUpload(source, uploadLimits({ maxRows: Number.MAX_SAFE_INTEGER }));

    await rows.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pulledWhileWaiting = pulled.bytes;
    await rows.return(undefined);

    expect(pulledWhileWaiting).toBeLessThan(2 * 1024 * 1024);
  });

  it('lets a failure of the source through as it is', async () => {
    async function* failing() {
      yield Buffer.from(`${TEMPLATE_HEADER_LINE}\n${ZOE}\n`);
      throw new Error('client went away');
    }

    const error = await rejectionOf(collect(parseUpload(failing())));

    expect(error).toEqual(new Error('client went away'));
  });
});
