import type { PersonRules } from '@invitations/domain';
import { UploadRejectedError } from './field-error';
import { ParsedRow } from './parse-upload';
import { personCells as cells } from './testing/csv-source';
import { zoe } from './testing/zoe';
import { validateRows } from './validate-rows';

const RULES: PersonRules = { defaultRegion: 'AU', maxFieldLength: 20, today: '2025-06-30' };

async function* rowsOf(...rows: ParsedRow[]): AsyncGenerator<ParsedRow> {
  yield* rows;
}

describe('validateRows', () => {
  it('keeps every valid row, normalised, by row', async () => {
    const { people, errors } = await validateRows(
      rowsOf(
        { row: 1, cells: cells({ email: ' Zoe@Example.COM ', mobile: '0412 345 678' }) },
        {
          row: 2,
          cells: cells({ email: 'jose@example.com', date_of_birth: '15/07/1990', mobile: '61412345679' }),
        },
      ),
      RULES,
    );

    expect(errors.count).toBe(0);
    expect(people.length).toBe(2);
    expect(people.at(0)).toEqual(zoe({ mobile: '+61412345678' }));
    expect(people.at(1)).toMatchObject({ dateOfBirth: '1990-07-15', mobile: '+61412345679' });
  });

  it('lists every error of every row, named by CSV column, and goes on reading after them', async () => {
    const { people, errors } = await validateRows(
      rowsOf(
        { row: 1, cells: cells({ email: 'not-an-email', date_of_birth: '31/02/1990', mobile: '12' }) },
        { row: 2, cells: cells({}) },
        { row: 3, cells: cells({ date_of_birth: '2030-01-01', preferred_name: 'x'.repeat(21) }) },
        { row: 4, cells: null, problem: 'The row has 9 cells; the template has 8 columns.' },
      ),
      RULES,
    );

    expect(errors.errors).toEqual([
      { row: 1, field: 'email', message: 'is not a valid email address: "not-an-email"' },
      { row: 1, field: 'date_of_birth', message: expect.stringContaining('real date') },
      { row: 1, field: 'mobile', message: expect.stringContaining('not a valid mobile') },
      { row: 3, field: 'date_of_birth', message: 'must not be in the future: "2030-01-01"' },
      { row: 3, field: 'preferred_name', message: `must be at most 20 characters: "${'x'.repeat(21)}"` },
      { row: 4, message: 'The row has 9 cells; the template has 8 columns.' },
    ]);
    expect(errors.count).toBe(6);
    expect([people.at(0), people.at(1), people.at(2), people.at(3)].map((person) => person !== null)).toEqual(
      [false, true, false, false],
    );
  });

  it('names a cell that was not UTF-8 (decoded as U+FFFD) instead of judging its value', async () => {
    const { errors } = await validateRows(
      rowsOf({ row: 1, cells: cells({ first_name: 'Zo\uFFFD' }) }),
      RULES,
    );

    expect(errors.errors).toEqual([
      { row: 1, field: 'first_name', message: expect.stringContaining('CSV UTF-8') },
    ]);
  });

  it('refuses a NUL in a cell', async () => {
    const { errors } = await validateRows(
      rowsOf({ row: 1, cells: cells({ job_role: 'Nurse\u0000' }) }),
      RULES,
    );

    expect(errors.errors).toEqual([
      { row: 1, field: 'job_role', message: 'must not contain a NUL character: "Nurse\\u0000"' },
    ]);
  });

  it("gives the cohort's job role to rows that have none", async () => {
    const { people } = await validateRows(
      rowsOf({ row: 1, cells: cells({}) }, { row: 2, cells: cells({ job_role: 'Cook' }) }),
      RULES,
      { jobRoleFallback: 'Registered Nurse' },
    );

    expect([people.at(0)?.jobRole, people.at(1)?.jobRole]).toEqual(['Registered Nurse', 'Cook']);
  });

  it('lists the first errors up to the cap and counts them all', async () => {
    const bad = Array.from({ length: 30 }, (_, i): ParsedRow => ({
      row: i + 1,
      cells: cells({ email: 'nope' }),
    }));

    const { errors } = await validateRows(rowsOf(...bad), RULES, { maxListedErrors: 10 });

    expect(errors.count).toBe(30);
    expect(errors.errors.map((error) => error.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("answers the file's refusal with the row errors found before it", async () => {
    async function* refusedAfterOneRow(): AsyncGenerator<ParsedRow> {
      yield { row: 1, cells: cells({ email: 'nope' }) };
      throw UploadRejectedError.because('The file is larger than the limit of 35 MB.');
    }

    const { errors, rejection } = await validateRows(refusedAfterOneRow(), RULES);

    expect(rejection).toEqual([{ message: 'The file is larger than the limit of 35 MB.' }]);
    expect(errors.errors).toEqual([
      { row: 1, field: 'email', message: 'is not a valid email address: "nope"' },
    ]);
  });
});
