/**
 * The bulk upload template: the contract's header row, in the contract's order, and one example row.
 */

/** The template's columns, in its order (a file may give them in any order, named as in header-aliases.ts). */
export const CSV_COLUMNS = [
  'email',
  'date_of_birth',
  'first_name',
  'middle_names',
  'last_name',
  'preferred_name',
  'mobile',
  'job_role',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One row's raw cells, by column (a missing trailing cell is ''). */
export type CsvCells = Record<CsvColumn, string>;

export const TEMPLATE_HEADER_LINE = CSV_COLUMNS.join(',');

/**
 * A realistic example row. The mobile is in national format with spaces and the date is ISO on purpose:
 * a spreadsheet keeps "0412 345 678" as text, whereas it turns "+61412345678" into the number 61412345678.
 */
export const TEMPLATE_EXAMPLE_EMAIL = 'jane.citizen@example.com';
export const TEMPLATE_EXAMPLE_ROW = `${TEMPLATE_EXAMPLE_EMAIL},1990-07-15,Jane,Anne Marie,Citizen,Janey,0412 345 678,Registered Nurse`;

/** The UTF-8 byte-order mark: without it, Excel reads a CSV file in the machine's legacy code page. */
export const UTF8_BOM = '\uFEFF';

export const TEMPLATE_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const TEMPLATE_FILE_NAME = 'invitations.csv';

/** The template as text, without a BOM: the GraphQL `invitationTemplate` field. CRLF line ends, as RFC 4180 says. */
export function invitationTemplateCsv(): string {
  return `${TEMPLATE_HEADER_LINE}\r\n${TEMPLATE_EXAMPLE_ROW}\r\n`;
}

/** The template as the bytes of `GET /api/templates/invitations.csv`: UTF-8 with a BOM so Excel opens it right. */
export function invitationTemplateCsvBytes(): Buffer {
  return Buffer.from(UTF8_BOM + invitationTemplateCsv(), 'utf8');
}
