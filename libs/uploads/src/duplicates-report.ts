import type { Readable } from 'node:stream';
import { csvDownload } from './csv-download';

/**
 * The duplicates report's row: the contract's UploadDuplicate (row, email, mobile, reasons), then the person's
 * names, the line of the row it repeats (a repeated email or mobile) and whether it is a possible duplicate (same
 * names and date of birth as a passport under another email: staged, but worth a look).
 */
export interface DuplicateReportRow {
  row: number;
  email: string;
  mobile: string | null;
  reasons: readonly string[];
  firstName?: string | null;
  lastName?: string | null;
  repeatsRow?: number | null;
  possibleDuplicate?: boolean;
}

/** The contract's four columns first, in their order, so that readers of the first report keep working. */
export const DUPLICATES_REPORT_COLUMNS = [
  'row',
  'email',
  'mobile',
  'reasons',
  'first_name',
  'last_name',
  'repeats_row',
  'possible_duplicate',
] as const;
export const DUPLICATES_REPORT_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP ASVS 5.0 1.2.10, and OWASP's CSV
 * injection page): '=', '+', '-', '@', tab, carriage return and NUL. A mobile in E.164 starts with '+'.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One line per reason would break the report's one-row-per-duplicate shape; a space reads well and needs no quotes. */
const REASON_SEPARATOR = ' ';

/**
 * A cell as RFC 4180 writes it, made inert for spreadsheets: a value starting with a formula character is
 * prefixed with a single quote, which shows as text, and quoted.
 */
export function spreadsheetCell(value: string): string {
  const escaped = FORMULA_START.test(value) ? `'${value}` : value;
  const quoted = escaped !== value || NEEDS_QUOTES.test(escaped);
  return quoted ? `"${escaped.replace(/"/g, '""')}"` : escaped;
}

export function duplicatesReportLine(duplicate: DuplicateReportRow): string {
  return [
    String(duplicate.row),
    spreadsheetCell(duplicate.email),
    spreadsheetCell(duplicate.mobile ?? ''),
    spreadsheetCell(duplicate.reasons.join(REASON_SEPARATOR)),
    spreadsheetCell(duplicate.firstName ?? ''),
    spreadsheetCell(duplicate.lastName ?? ''),
    duplicate.repeatsRow == null ? '' : String(duplicate.repeatsRow),
    duplicate.possibleDuplicate ? 'yes' : '',
  ].join(',');
}

/**
 * The duplicates report (`GET /api/uploads/:id/duplicates.csv`): UTF-8 with a BOM (for Excel), CRLF line ends,
 * a header row, then one row per duplicate. Streamed in chunks, so a report of 150,000 rows is never one string;
 * the rows may come as they are read (an async iterable).
 */
export function duplicatesReportCsv(
  duplicates: Iterable<DuplicateReportRow> | AsyncIterable<DuplicateReportRow>,
): Readable {
  return csvDownload(DUPLICATES_REPORT_COLUMNS, duplicates, duplicatesReportLine);
}
