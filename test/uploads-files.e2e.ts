import { copyPersonDetails, type PersonDetails } from '@invitations/domain';
import iconv from 'iconv-lite';
import { xlsxBytes } from '@invitations/uploads/testing';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

/**
 * Bulk uploads of files as admins save them: headers as people write them, workbooks, UTF-16 and Windows-1252
 * text, errors numbered by the spreadsheet's lines and quoting the cell, and the cohort given with a REST upload.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONFIRM = `mutation($input: ConfirmUploadInput!) { confirmUpload(input: $input) { staged } }`;
const UPLOAD = `query($id: ID!) { upload(id: $id) { id totalRows warnings cohort { jobRole staffType startDate } } }`;

interface Preview {
  id: string;
  totalRows: number;
  newCount: number;
  warnings: string[];
  cohort: { jobRole: string | null; staffType: string | null; startDate: string | null };
}
interface Refusal {
  code: string;
  message: string;
  errors: { row?: number; field?: string; message: string }[];
}
/** A staged person's details as the API answers them (of op.INVITEE's fields). */
type Person = PersonDetails;

/** Three people whose names Windows-1252 can hold, typed as a spreadsheet keeps them. */
const PEOPLE = [
  ['zoe@example.com', '1990-07-15', 'Zoë', 'Anne Marie', 'Brontë', '', '0412 345 678', 'Registered Nurse'],
  ['jose@example.com', '14/03/1991', 'José', '', 'García', 'Pepe', '+61412345679', ''],
  ['renee@example.com', '1985-01-02', 'Renée', '', "O'Brien-Müller", '', '', 'Cook, Senior'],
];
const TEMPLATE_HEADER =
  'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

const csvLine = (cells: readonly string[], delimiter = ',') =>
  cells.map((cell) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter);
const csvOf = (header: string, rows: readonly (readonly string[])[], delimiter = ',') =>
  [header, ...rows.map((row) => csvLine(row, delimiter))].join('\r\n') + '\r\n';

describe('bulk uploads of files as admins save them, end to end', () => {
  let gw: Gateway;
  let token: string;

  beforeAll(async () => {
    gw = await Gateway.start({ env: { UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) } });
    token = await gw.token('org-files', 'fay');
  });
  afterAll(() => gw.stop());

  const post = (batchId: string, body: string | Buffer | FormData, type?: string, query = '') =>
    fetch(`${gw.url}/api/uploads?batchId=${batchId}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
      body,
    });

  const preview = async (body: string | Buffer | FormData, type?: string, query = '') => {
    const { batchId } = await gw.poolAndBatch(token);
    const response = await post(batchId, body, type, query);
    const answer = (await response.json()) as Preview & Refusal;
    if (response.status !== 200) throw new Error(`preview refused: ${JSON.stringify(answer)}`);
    return { batchId, preview: answer as Preview };
  };

  const refusal = async (body: string | Buffer, type = 'text/csv') => {
    const { batchId } = await gw.poolAndBatch(token);
    const response = await post(batchId, body, type);
    expect(response.status).toBe(422);
    const answer = (await response.json()) as Refusal;
    expect(answer.code).toBe('INVALID_UPLOAD');
    const { invitationBatch } = await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
      op.BATCH,
      { id: batchId, first: 1 },
      token,
    );
    expect(invitationBatch.counts.uploaded).toBe(0);
    return answer.errors;
  };

  /** Confirms a preview and answers the people staged in its batch, by email. */
  const staged = async (batchId: string, uploadId: string): Promise<Person[]> => {
    await gw.ok(CONFIRM, { input: { uploadId } }, token);
    const { invitationBatch } = await gw.ok<{ invitationBatch: { uploaded: { nodes: { id: string }[] } } }>(
      op.BATCH,
      { id: batchId, first: 50 },
      token,
    );
    const people = await Promise.all(
      invitationBatch.uploaded.nodes.map(
        async ({ id }) => (await gw.ok<{ invitee: Person }>(op.INVITEE, { id }, token)).invitee,
      ),
    );
    // The invitee's person details only (the query asks for more).
    return people.map(copyPersonDetails).sort((a, b) => a.email.localeCompare(b.email));
  };

  it('reads headers as people write them: any order, usual names, optional columns left out, unknown ones ignored with a warning', async () => {
    const { batchId, preview: twin } = await preview(csvOf(TEMPLATE_HEADER, PEOPLE), 'text/csv');
    const expected = await staged(batchId, twin.id);
    expect(expected).toHaveLength(3);

    const reordered = [6, 0, 1, 2, 3, 4, 5, 7];
    const variants: [string, string[][]][] = [
      [
        'Email,Date of Birth,First Name,Middle Names,Surname,Preferred Name,Mobile number,Job Role',
        PEOPLE.map((row) => [...row]),
      ],
      [
        'Phone,E-mail,DOB,Given name,Other names,Family name,Known as,Job title',
        PEOPLE.map((row) => reordered.map((i) => row[i])),
      ],
      [`${TEMPLATE_HEADER},Notes`, PEOPLE.map((row) => [...row, 'ring after 5'])],
    ];
    for (const [header, rows] of variants) {
      const { batchId: variantBatch, preview: variant } = await preview(csvOf(header, rows), 'text/csv');
      expect(variant).toMatchObject({ totalRows: 3, newCount: 3 });
      expect(await staged(variantBatch, variant.id)).toEqual(expected);
    }

    const withNotes = await preview(
      csvOf(
        `${TEMPLATE_HEADER},Notes`,
        PEOPLE.map((row) => [...row, 'x']),
      ),
      'text/csv',
    );
    expect(withNotes.preview.warnings).toEqual([
      'The column "Notes" (column 9) is not one the upload reads: it is ignored.',
    ]);
    const { upload } = await gw.ok<{ upload: Preview }>(UPLOAD, { id: withNotes.preview.id }, token);
    expect(upload.warnings).toEqual(withNotes.preview.warnings);

    const withoutOptional = await preview(
      csvOf(
        'First Name,Surname,Email,DOB',
        PEOPLE.map((row) => [row[2], row[4], row[0], row[1]]),
      ),
      'text/csv',
    );
    expect(withoutOptional.preview).toMatchObject({ totalRows: 3, newCount: 3, warnings: [] });
  });

  it('previews an .xlsx workbook, a UTF-16 "Unicode Text" file and a Windows-1252 CSV as their UTF-8 twin', async () => {
    const twin = await preview(csvOf(TEMPLATE_HEADER, PEOPLE), 'text/csv');
    const expected = await staged(twin.batchId, twin.preview.id);

    // As Excel keeps them: dates as date cells, a mobile as a number (its leading 0 gone).
    const workbook = await xlsxBytes([
      {
        rows: [
          TEMPLATE_HEADER.split(','),
          [...PEOPLE[0].slice(0, 6), 412345678, PEOPLE[0][7]],
          [PEOPLE[1][0], new Date(Date.UTC(1991, 2, 14)), ...PEOPLE[1].slice(2)],
          [PEOPLE[2][0], new Date(Date.UTC(1985, 0, 2)), ...PEOPLE[2].slice(2)],
        ],
      },
    ]);
    const unicodeText = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(csvOf(TEMPLATE_HEADER.replace(/,/g, '\t'), PEOPLE, '\t'), 'utf-16le'),
    ]);
    const utf16be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      iconv.encode(csvOf(TEMPLATE_HEADER, PEOPLE), 'utf-16be'),
    ]);
    const windows1252 = iconv.encode(csvOf(TEMPLATE_HEADER, PEOPLE), 'windows-1252');
    const form = new FormData();
    form.append('file', new Blob([workbook]), 'people.xlsx');

    for (const [body, type] of [
      [workbook, XLSX_TYPE],
      [form, undefined],
      [unicodeText, 'application/octet-stream'],
      [utf16be, 'text/csv'],
      [windows1252, 'text/csv'],
    ] as const) {
      const { batchId, preview: read } = await preview(body, type);
      expect(read).toMatchObject({ totalRows: 3, newCount: 3 });
      expect(await staged(batchId, read.id)).toEqual(expected);
      if (body === windows1252) expect(read.warnings).toEqual([expect.stringContaining('Windows-1252')]);
    }
  });

  it('reads Excel serial dates and DD-Mon-YYYY', async () => {
    const rows = [
      ['ana@example.com', '33312', 'Ana', '', 'Silva', '', '', ''],
      ['ben@example.com', '14-Mar-1991', 'Ben', '', 'Ode', '', '', ''],
    ];
    const { batchId, preview: read } = await preview(csvOf(TEMPLATE_HEADER, rows), 'text/csv');
    expect((await staged(batchId, read.id)).map((p) => p.dateOfBirth)).toEqual(['1991-03-15', '1991-03-14']);
  });

  it('refuses each unreadable form with its message, on the line the spreadsheet shows, quoting the cell; nothing is staged', async () => {
    expect(await refusal(csvOf('First Name,Surname,Mobile', [['Zoë', 'Brontë', '0412345678']]))).toEqual([
      { row: 1, field: 'email', message: 'The header row has no column email (a heading such as "Email").' },
      {
        row: 1,
        field: 'date_of_birth',
        message: 'The header row has no column date_of_birth (a heading such as "Date of birth").',
      },
    ]);

    const lines = [
      TEMPLATE_HEADER,
      'jane.citizen@example.com,1990-07-15,Jane,Anne Marie,Citizen,Janey,0412 345 678,Registered Nurse',
      '',
      'ana@example.com,1990-07-15,Ana,,Silva,,4.12345678E+08,',
      '"ben@example.com",31-Feb-1991,"Ben',
      'Junior",,Ode,,,',
      `not-an-email-${'x'.repeat(60)},1990-07-15,Cy,,Dee,,,`,
      'dee@example.com,99999,Dee,,Ell,,,',
    ];
    expect(await refusal(lines.join('\r\n'))).toEqual([
      { row: 2, field: 'email', message: expect.stringContaining("is the template's example row") },
      {
        row: 4,
        field: 'mobile',
        message: expect.stringMatching(
          /scientific notation.*format the mobile column as text.*: "4\.12345678E\+08"$/,
        ),
      },
      { row: 5, field: 'date_of_birth', message: expect.stringMatching(/DD-Mon-YYYY.*: "31-Feb-1991"$/) },
      // A quoted name spanning two lines holds a line break: a control character no name may hold.
      { row: 5, field: 'first_name', message: expect.stringMatching(/control characters \(found U\+000D\)/) },
      { row: 7, field: 'email', message: `is not a valid email address: "not-an-email-${'x'.repeat(26)}…"` },
      { row: 8, field: 'date_of_birth', message: 'must not be in the future: "99999" (read as 2173-10-13)' },
    ]);

    expect(await refusal(`${TEMPLATE_HEADER}\nzoe@example.com,1990-07-15,"Zoë,,Brontë,,,\n`)).toEqual([
      { row: 2, message: 'Line 2 of the file: a quoted value is never closed (a " is missing).' },
    ]);

    for (const [bytes, type] of [
      [Buffer.from(`${TEMPLATE_HEADER}\r\n`, 'utf16le'), 'text/plain'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'application/vnd.ms-excel'],
      [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]), XLSX_TYPE],
    ] as const) {
      const errors = await refusal(bytes, type);
      expect(errors).toEqual([
        { message: expect.stringContaining('save it from the spreadsheet as "CSV UTF-8') },
      ]);
    }
  });

  it('takes the cohort with a REST upload: in the query, or as form fields before the file', async () => {
    const body = csvOf(TEMPLATE_HEADER, PEOPLE);
    const fromQuery = await preview(
      body,
      'text/csv',
      '&jobRole=Porter&staffType=Casual&startDate=2025-07-01',
    );
    expect(fromQuery.preview.cohort).toEqual({
      jobRole: 'Porter',
      staffType: 'Casual',
      startDate: '2025-07-01',
    });
    const roles = (await staged(fromQuery.batchId, fromQuery.preview.id)).map((p) => p.jobRole);
    expect(roles).toEqual(['Porter', 'Cook, Senior', 'Registered Nurse']);

    const form = new FormData();
    form.append('staffType', 'Permanent');
    form.append('startDate', '2025-08-01');
    form.append('file', new Blob([body], { type: 'text/csv' }), 'people.csv');
    const fromForm = await preview(form);
    const { upload } = await gw.ok<{ upload: Preview }>(UPLOAD, { id: fromForm.preview.id }, token);
    expect(upload.cohort).toEqual({ jobRole: null, staffType: 'Permanent', startDate: '2025-08-01' });

    const { batchId } = await gw.poolAndBatch(token);
    const bad = await post(batchId, body, 'text/csv', '&startDate=2025-02-30');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Refusal).errors).toEqual([
      { field: 'cohort.startDate', message: 'must be a real date written YYYY-MM-DD' },
    ]);
    const twice = await post(batchId, body, 'text/csv', '&jobRole=A&jobRole=B');
    expect(twice.status).toBe(400);
  });
});
