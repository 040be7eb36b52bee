import { IN_MEMORY_ORGANISATION, InMemoryUploadLookups } from './in-memory-upload-lookups';
import {
  PreviewUploadOptions,
  UploadPreviewOutcome,
  UploadPreviewed,
  UploadRefused,
  previewUpload,
} from './upload-preview';
import { bytesSource, csvRow, csvSource, zoePassport } from '@invitations/uploads/testing';
import { TEMPLATE_HEADER_LINE } from '@invitations/uploads';

const POOL = 'pool-1';

const ZOE_PASSPORT = zoePassport();

function previewed(outcome: UploadPreviewOutcome): UploadPreviewed {
  if (!outcome.ok) throw new Error(`expected a preview, got ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

function refused(outcome: UploadPreviewOutcome): UploadRefused {
  if (outcome.ok) throw new Error('expected the upload to be refused');
  return outcome;
}

// Every rule holds alike whether the rows are validated in this thread or in a worker thread.
describe.each(['inline', 'worker'] as const)('previewUpload, validating %s', (validation) => {
  const OPTIONS: PreviewUploadOptions = {
    poolId: POOL,
    organisationId: IN_MEMORY_ORGANISATION,
    rules: { defaultRegion: 'AU', today: '2025-06-30' },
    validation,
  };

  it('previews a valid file: totals by status, duplicates and possible duplicates', async () => {
    const lookups = new InMemoryUploadLookups([
      ZOE_PASSPORT,
      {
        ...ZOE_PASSPORT,
        passportId: 'passport-jose',
        email: 'jose@example.com',
        firstName: 'José',
        lastName: "O'Brien",
        mobile: null,
      },
      {
        ...ZOE_PASSPORT,
        passportId: 'passport-ana',
        email: 'ana.work@example.com',
        firstName: 'Ana',
        lastName: 'Silva',
        mobile: null,
      },
    ])
      .takeSeat(POOL, 'staged@example.com')
      // Ana is already one of the organisation's people (in another of its pools): her namesake is flagged.
      .takeSeat('another-pool', 'ana.work@example.com');
    const file = csvSource(
      [
        csvRow({ email: 'ZOE@example.com', date_of_birth: '15/07/1990', mobile: '61412345678' }),
        csvRow({ email: 'jose@example.com', date_of_birth: '1991-01-01' }),
        csvRow({
          email: 'ana@example.com',
          date_of_birth: '1990-07-15',
          first_name: 'Ana',
          last_name: 'Silva',
        }),
        csvRow({
          email: 'new@example.com',
          date_of_birth: '1990-07-15',
          first_name: 'Tom',
          last_name: 'Lee',
        }),
        csvRow({ email: 'zoe@example.com', date_of_birth: '1990-07-15' }),
        csvRow({ email: 'staged@example.com', date_of_birth: '1990-07-15' }),
      ],
      { bom: true },
    );

    const preview = previewed(await previewUpload(file, OPTIONS, lookups));

    expect(preview).toMatchObject({
      totalRows: 6,
      newCount: 2,
      existingCount: 1,
      invalidCount: 1,
      duplicateCount: 2,
      duplicates: [
        { row: 6, email: 'zoe@example.com', mobile: null, reasons: ['EMAIL_REPEATED_IN_FILE'] },
        { row: 7, email: 'staged@example.com', mobile: null, reasons: ['ALREADY_IN_POOL'] },
      ],
      possibleDuplicates: [{ row: 4, email: 'ana@example.com', reason: 'SAME_NAME_AND_DATE_OF_BIRTH' }],
    });
    expect(preview.rows.length).toBe(6);
    expect(preview.rows.at(0)).toMatchObject({ uploadStatus: 'EXISTING', passportId: 'passport-zoe' });
    expect(preview.rows.at(1)).toMatchObject({ uploadStatus: 'INVALID', discrepancies: ['DATE_OF_BIRTH'] });
  });

  it('records the cohort and gives its job role to rows that have none', async () => {
    const file = csvSource([
      csvRow({ email: 'a@example.com', date_of_birth: '1990-07-15', first_name: 'A', last_name: 'B' }),
      csvRow({
        email: 'b@example.com',
        date_of_birth: '1990-07-15',
        first_name: 'C',
        last_name: 'D',
        job_role: 'Cook',
      }),
    ]);

    const preview = previewed(
      await previewUpload(
        file,
        {
          ...OPTIONS,
          cohort: { staffType: ' Casual ', jobRole: 'Registered Nurse', startDate: '2025-07-01' },
        },
        new InMemoryUploadLookups(),
      ),
    );

    expect(preview.cohort).toEqual({
      staffType: 'Casual',
      jobRole: 'Registered Nurse',
      startDate: '2025-07-01',
    });
    expect([...preview.rows].map((row) => row.person.jobRole)).toEqual(['Registered Nurse', 'Cook']);
  });

  it('refuses a file with errors, listing every one by row and column: validation and missing names together', async () => {
    const file = csvSource([
      csvRow({ email: 'not-an-email', date_of_birth: '1990-07-15', first_name: 'A', last_name: 'B' }),
      csvRow({ email: 'new@example.com', date_of_birth: '1990-07-15' }),
      csvRow({ email: 'zoe@example.com', date_of_birth: '1990-13-15', mobile: 'call me' }),
      csvRow({ email: 'zoe@example.com', date_of_birth: '1990-07-15' }),
    ]);

    const outcome = refused(await previewUpload(file, OPTIONS, new InMemoryUploadLookups([ZOE_PASSPORT])));

    expect(outcome.errors).toEqual([
      { row: 2, field: 'email', message: 'is not a valid email address: "not-an-email"' },
      { row: 3, field: 'first_name', message: expect.stringContaining('required') },
      { row: 3, field: 'last_name', message: expect.stringContaining('required') },
      { row: 4, field: 'date_of_birth', message: expect.stringContaining('real date') },
      {
        row: 4,
        field: 'mobile',
        message: 'is not a valid mobile number (use E.164, e.g. +61412345678): "call me"',
      },
    ]);
    expect(outcome.totalErrors).toBe(5);
  });

  it('refuses a field longer than the limit', async () => {
    const file = csvSource([
      csvRow({ email: 'zoe@example.com', date_of_birth: '1990-07-15', job_role: 'x'.repeat(17) }),
    ]);

    const outcome = refused(
      await previewUpload(
        file,
        { ...OPTIONS, limits: { maxFieldLength: 16 } },
        new InMemoryUploadLookups([ZOE_PASSPORT]),
      ),
    );

    expect(outcome.errors).toEqual([
      { row: 2, field: 'job_role', message: `must be at most 16 characters: "${'x'.repeat(17)}"` },
    ]);
  });

  it('lists the first errors of a wholly wrong file, counting them all', async () => {
    const rows = Array.from({ length: 1500 }, () => csvRow({ email: 'nope', date_of_birth: 'never' }));

    const outcome = refused(await previewUpload(csvSource(rows), OPTIONS, new InMemoryUploadLookups()));

    expect(outcome.errors).toHaveLength(1000);
    expect(outcome.totalErrors).toBe(3000);
    expect(outcome.errors.at(-1)).toMatchObject({ row: 501, field: 'date_of_birth' });
  });

  it('refuses a file that breaks a limit, with the row errors found before', async () => {
    const file = csvSource([
      csvRow({ email: 'nope', date_of_birth: '1990-07-15' }),
      csvRow({ email: 'b@example.com', date_of_birth: '1990-07-15' }),
    ]);

    const outcome = refused(
      await previewUpload(file, { ...OPTIONS, limits: { maxRows: 1 } }, new InMemoryUploadLookups()),
    );

    expect(outcome.errors).toEqual([
      { row: 2, field: 'email', message: 'is not a valid email address: "nope"' },
      { row: 3, message: 'The file has more than 1 rows.' },
    ]);
  });

  it('refuses a file with a header and no rows', async () => {
    const outcome = refused(
      await previewUpload(
        bytesSource(`${TEMPLATE_HEADER_LINE}\r\n\r\n`),
        OPTIONS,
        new InMemoryUploadLookups(),
      ),
    );

    expect(outcome.errors).toEqual([{ message: expect.stringContaining('no rows') }]);
  });

  it('refuses a cohort that breaks the rules of a field, before reading the file', async () => {
    const outcome = refused(
      await previewUpload(
        csvSource([]),
        {
          ...OPTIONS,
          limits: { maxFieldLength: 5 },
          cohort: { jobRole: 'Registered Nurse', startDate: '2025-02-30' },
        },
        new InMemoryUploadLookups(),
      ),
    );

    expect(outcome.errors).toEqual([
      { field: 'cohort.jobRole', message: 'must be at most 5 characters' },
      { field: 'cohort.startDate', message: expect.stringContaining('real date') },
    ]);
  });
});
