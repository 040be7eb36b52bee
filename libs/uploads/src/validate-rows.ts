import type { PersonDetails } from '@invitations/domain';
import { PersonField, PersonInput, PersonRules, validatePerson } from '@invitations/domain';
import { ErrorList, FieldError, MAX_LISTED_ERRORS, UploadRejectedError } from './field-error';
import { PackedPeople, holdsSeparator, packPerson, type PackedBatch } from './packed-person';
import { ParsedRow } from './parse-upload';
import { quotedValue } from './quoted-value';
import { isScientificNumber, spreadsheetDate } from './spreadsheet-values';
import { CSV_COLUMNS, CsvCells, CsvColumn, TEMPLATE_EXAMPLE_EMAIL } from './template';

/** The CSV column that holds each field of a person: errors are named by column, as the admin sees the file. */
export const COLUMN_OF_FIELD: Readonly<Record<PersonField, CsvColumn>> = {
  email: 'email',
  dateOfBirth: 'date_of_birth',
  firstName: 'first_name',
  middleNames: 'middle_names',
  lastName: 'last_name',
  preferredName: 'preferred_name',
  mobile: 'mobile',
  jobRole: 'job_role',
};

export type RowValidation =
  { person: PersonDetails; errors?: undefined } | { person: null; errors: FieldError[] };

export interface ValidateRowsOptions {
  /** The cohort's job role, for rows that give none. */
  jobRoleFallback?: string | null;
  maxListedErrors?: number;
}

export interface ValidatedRows {
  /** Every data row's validated details (null for a row with errors), compactly. */
  people: PackedPeople;
  /** Every row error: the first `maxListedErrors` listed, all counted. */
  errors: ErrorList;
  /** Why the file was refused before its end (wrong header, broken quoting, a limit); empty otherwise. */
  rejection: readonly FieldError[];
}

/** Consecutive data rows, validated: what the classification takes, batch by batch, as they are read. */
export interface ValidatedBatch extends PackedBatch {
  /** Each row's details packed (packPerson), or null for a row with errors. */
  people: (string | null)[];
  /** Each row's line in the file (ParsedRow.row). */
  lines: number[];
  emails: (string | null)[];
  mobiles: (string | null)[];
  /** The batch's row errors, as far as the upload's listed errors are not yet `maxListedErrors`. */
  errors: FieldError[];
  /** All of the batch's row errors, listed or not. */
  errorCount: number;
}

export const DEFAULT_VALIDATED_BATCH_ROWS = 1000;

export interface ValidatedBatchesOptions extends ValidateRowsOptions {
  /** Rows per batch (default DEFAULT_VALIDATED_BATCH_ROWS). */
  batchRows?: number;
}

/**
 * Validates every row of a parsed upload with the same rules as a single person (validatePerson), yielding
 * the rows in batches as they are read, with every error of every row, by row and CSV column. Reading continues
 * after row errors so that the admin sees them all at once; a refusal of the file itself (UploadRejectedError,
 * from the parser) is thrown on to the consumer after the rows before it.
 */
export async function* validatedBatches(
  rows: AsyncIterable<ParsedRow>,
  rules: PersonRules,
  options: ValidatedBatchesOptions = {},
): AsyncGenerator<ValidatedBatch, void, undefined> {
  const batchRows = options.batchRows ?? DEFAULT_VALIDATED_BATCH_ROWS;
  const jobRoleFallback = options.jobRoleFallback ?? null;
  let listable = options.maxListedErrors ?? MAX_LISTED_ERRORS;
  const empty = (): ValidatedBatch => ({
    people: [],
    lines: [],
    emails: [],
    mobiles: [],
    errors: [],
    errorCount: 0,
  });
  let batch = empty();
  try {
    for await (const parsed of rows) {
      const validation = validateRow(parsed, rules, jobRoleFallback);
      const { person } = validation;
      batch.people.push(person === null ? null : packPerson(person));
      batch.lines.push(parsed.row);
      batch.emails.push(person === null ? null : person.email);
      batch.mobiles.push(person === null ? null : person.mobile);
      if (validation.errors) {
        batch.errorCount += validation.errors.length;
        for (const error of validation.errors) if (listable-- > 0) batch.errors.push(error);
      }
      if (batch.people.length === batchRows) {
        yield batch;
        batch = empty();
      }
    }
  } catch (error) {
    // Before a refusal too: the rows read before it, and their errors, are part of the answer.
    if (batch.people.length > 0) yield batch;
    throw error;
  }
  if (batch.people.length > 0) yield batch;
}

/**
 * Validates every row of a parsed upload (see validatedBatches) and collects the outcome: the people, the
 * errors, and the file's refusal if it was refused before its end.
 */
export async function validateRows(
  rows: AsyncIterable<ParsedRow>,
  rules: PersonRules,
  options: ValidateRowsOptions = {},
): Promise<ValidatedRows> {
  const people = new PackedPeople();
  const errors = new ErrorList(options.maxListedErrors ?? MAX_LISTED_ERRORS);
  try {
    for await (const batch of validatedBatches(rows, rules, options)) {
      people.pushPacked(batch.people, batch.lines);
      errors.addCounted(batch.errors, batch.errorCount);
    }
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    return { people, errors, rejection: error.errors };
  }
  return { people, errors, rejection: [] };
}

/** One row's validated details, or every error it holds. */
export function validateRow(
  parsed: ParsedRow,
  rules: PersonRules,
  jobRoleFallback: string | null,
): RowValidation {
  const { row } = parsed;
  if (parsed.cells === null) return { person: null, errors: [{ row, message: parsed.problem }] };

  const { cells } = parsed;
  const errors = unreadableCells(row, cells);
  const input = personInput(cells);
  const dateRead = spreadsheetDate(cells.date_of_birth);
  if (dateRead !== null) input.dateOfBirth = dateRead;
  if (isScientificNumber(cells.mobile)) {
    errors.push({
      row,
      field: 'mobile',
      message: `${SCIENTIFIC_MOBILE_MESSAGE}: ${quotedValue(cells.mobile.trim())}`,
    });
    input.mobile = null;
  }
  const validation = validatePerson(input, rules);
  if (!validation.ok) {
    const named = new Set(errors.map((error) => error.field));
    for (const { field, message } of validation.errors) {
      const column = COLUMN_OF_FIELD[field];
      if (!named.has(column))
        errors.push({ row, field: column, message: withValue(column, message, cells, dateRead) });
    }
  }
  if (errors.length > 0 || !validation.ok) return { person: null, errors: inColumnOrder(errors) };

  const { person } = validation;
  if (person.email === TEMPLATE_EXAMPLE_EMAIL) {
    return { person: null, errors: [{ row, field: 'email', message: TEMPLATE_ROW_MESSAGE }] };
  }
  if (person.jobRole === null && jobRoleFallback !== null) person.jobRole = jobRoleFallback;
  return { person };
}

export const SCIENTIFIC_MOBILE_MESSAGE =
  'is a number in scientific notation, which the spreadsheet rounded: format the mobile column as text, type the ' +
  'numbers again and save the file again';

export const TEMPLATE_ROW_MESSAGE = `is the template's example row (${TEMPLATE_EXAMPLE_EMAIL}): delete it before uploading`;

/** The date forms an upload reads: the rules' own, and what spreadsheets write (spreadsheetDate). */
const UPLOAD_DATE_MESSAGE =
  'must be a real date written YYYY-MM-DD, DD/MM/YYYY or DD-Mon-YYYY (e.g. 14-Mar-1991)';

/**
 * A rule's message with the value the admin typed, shortened (quotedValue), so the cell can be found and fixed;
 * a date given as an Excel serial number also says what it was read as. Nothing is added for an empty cell.
 */
function withValue(column: CsvColumn, message: string, cells: CsvCells, dateRead: string | null): string {
  const value = cells[column].trim();
  const text =
    column === 'date_of_birth' && message.startsWith('must be a real date') ? UPLOAD_DATE_MESSAGE : message;
  if (value === '') return text;
  // An Excel serial number says nothing to a person: the date it stands for does.
  const read =
    column === 'date_of_birth' && dateRead !== null && /^\d/.test(value) && !value.includes('-')
      ? ` (read as ${dateRead})`
      : '';
  return `${text}: ${quotedValue(value)}${read}`;
}

function personInput(cells: CsvCells): PersonInput {
  return {
    email: cells.email,
    dateOfBirth: cells.date_of_birth,
    firstName: cells.first_name,
    middleNames: cells.middle_names,
    lastName: cells.last_name,
    preferredName: cells.preferred_name,
    mobile: cells.mobile,
    jobRole: cells.job_role,
  };
}

/**
 * Cells the rules of a person cannot judge: U+FFFD is what the decoder makes of bytes that are not UTF-8 (a file
 * that mixes encodings), and a NUL cannot be stored.
 */
function unreadableCells(row: number, cells: CsvCells): FieldError[] {
  const errors: FieldError[] = [];
  for (const column of CSV_COLUMNS) {
    const value = cells[column];
    if (value.includes('\uFFFD')) {
      errors.push({
        row,
        field: column,
        message: `is not UTF-8 text: save the file as "CSV UTF-8": ${quotedValue(value)}`,
      });
    } else if (holdsSeparator(value)) {
      errors.push({ row, field: column, message: `must not contain a NUL character: ${quotedValue(value)}` });
    }
  }
  return errors;
}

function inColumnOrder(errors: FieldError[]): FieldError[] {
  const position = (error: FieldError) => CSV_COLUMNS.indexOf(error.field as CsvColumn);
  return errors.sort((a, b) => position(a) - position(b));
}
