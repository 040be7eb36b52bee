import { collect } from './testing/csv-source';
import { DuplicateReportRow, duplicatesReportCsv, spreadsheetCell } from './duplicates-report';

async function reportText(
  rows: Iterable<DuplicateReportRow> | AsyncIterable<DuplicateReportRow>,
): Promise<string> {
  return Buffer.concat(await collect(duplicatesReportCsv(rows))).toString('utf8');
}

describe('the duplicates report', () => {
  it('is UTF-8 with a BOM, a header row and one CRLF line per duplicate, reasons separated by spaces', async () => {
    const text = await reportText([
      { row: 3, email: 'zoe@example.com', mobile: null, reasons: ['EMAIL_REPEATED_IN_FILE'] },
      {
        row: 7,
        email: 'josé@example.com',
        mobile: null,
        reasons: ['ALREADY_IN_POOL', 'MOBILE_BELONGS_TO_OTHER_PASSPORT'],
      },
    ]);

    expect(text).toBe(
      '\uFEFFrow,email,mobile,reasons,first_name,last_name,repeats_row,possible_duplicate\r\n' +
        '3,zoe@example.com,,EMAIL_REPEATED_IN_FILE,,,,\r\n' +
        '7,josé@example.com,,ALREADY_IN_POOL MOBILE_BELONGS_TO_OTHER_PASSPORT,,,,\r\n',
    );
  });

  it('names the person, the line a repeated row repeats, and a possible duplicate, with formula cells escaped', async () => {
    const text = await reportText(
      (async function* () {
        yield {
          row: 9,
          email: 'zoe@example.com',
          mobile: null,
          reasons: ['EMAIL_REPEATED_IN_FILE'],
          firstName: 'Zoë',
          lastName: '=cmd|calc',
          repeatsRow: 2,
          possibleDuplicate: false,
        };
        yield {
          row: 12,
          email: 'ana@example.com',
          mobile: null,
          reasons: [],
          firstName: 'Ana',
          lastName: 'Lima',
          repeatsRow: null,
          possibleDuplicate: true,
        };
      })(),
    );

    expect(text.split('\r\n').slice(1, 3)).toEqual([
      `9,zoe@example.com,,EMAIL_REPEATED_IN_FILE,Zoë,"'=cmd|calc",2,`,
      '12,ana@example.com,,,Ana,Lima,,yes',
    ]);
  });

  it('escapes a mobile in E.164, whose leading + a spreadsheet would read as a formula', async () => {
    const text = await reportText([
      { row: 1, email: 'zoe@example.com', mobile: '+61412345678', reasons: ['MOBILE_REPEATED_IN_FILE'] },
    ]);

    expect(text.split('\r\n')[1]).toBe(`1,zoe@example.com,"'+61412345678",MOBILE_REPEATED_IN_FILE,,,,`);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['\0cmd', `"'\0cmd"`],
  ])('makes a cell starting a formula inert: %j', (value, cell) => {
    expect(spreadsheetCell(value)).toBe(cell);
  });

  it('quotes as RFC 4180 needs and leaves other cells as they are', () => {
    expect(spreadsheetCell('a,b')).toBe('"a,b"');
    expect(spreadsheetCell('say "hi"')).toBe('"say ""hi"""');
    expect(spreadsheetCell('zoe+work@example.com')).toBe('zoe+work@example.com');
  });

  it('streams a large report in chunks', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      row: i + 1,
      email: `p${i}@example.com`,
      mobile: null,
      reasons: ['ALREADY_IN_POOL'],
    }));

    const chunks = await collect(duplicatesReportCsv(rows));

    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n')).toHaveLength(2001);
  });
});
