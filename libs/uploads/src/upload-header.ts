import { FieldError } from './field-error';
import { columnOfHeading } from './header-aliases';
import { CSV_COLUMNS, CsvCells, CsvColumn } from './template';
import { quotedValue } from './quoted-value';

/** The columns without which no row can be read: the rest may be left out of a file. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['email', 'date_of_birth'];

/** Where each template column is in a file, read from its header row. */
export interface UploadHeader {
  /** The column each cell position holds, or null for a column the upload ignores. */
  readonly columns: readonly (CsvColumn | null)[];
  /** Headings up to the last non-empty one: a row with more non-empty cells than this is misread. */
  readonly width: number;
  /** Columns ignored, and why: shown with the preview. */
  readonly warnings: readonly string[];
}

export type HeaderReading =
  { header: UploadHeader; errors?: undefined } | { header: null; errors: FieldError[] };

/**
 * Reads a file's header row (on `line`): columns in any order, named as people name them (see header-aliases.ts);
 * optional columns may be absent; columns the upload does not read, a column named twice and a column without a
 * heading are ignored with a warning. Only a missing required column (email, date_of_birth) refuses the file.
 * Empty headings after the last column are ignored silently: a spreadsheet writes them when cells right of the
 * table were once touched.
 */
export function readHeader(cells: readonly string[], line: number): HeaderReading {
  const headings = withoutTrailingEmpty(cells).map((cell) => cell.trim());
  const columns: (CsvColumn | null)[] = [];
  const positionOf = new Map<CsvColumn, number>();
  const warnings: string[] = [];
  headings.forEach((heading, index) => {
    const position = `column ${index + 1}`;
    const column = heading === '' ? null : columnOfHeading(heading);
    columns.push(null);
    if (heading === '') {
      warnings.push(`The ${position} has no heading: it is ignored.`);
    } else if (column === null) {
      warnings.push(
        `The column ${quotedValue(heading)} (${position}) is not one the upload reads: it is ignored.`,
      );
    } else if (positionOf.has(column)) {
      const first = positionOf.get(column)! + 1;
      warnings.push(
        `The column ${quotedValue(heading)} (${position}) holds ${column} again: it is ignored, column ${first} is read.`,
      );
    } else {
      positionOf.set(column, index);
      columns[index] = column;
    }
  });

  const missing = REQUIRED_COLUMNS.filter((column) => !positionOf.has(column));
  if (missing.length === 0) return { header: { columns, width: headings.length, warnings } };
  const errors: FieldError[] = missing.map((column) => ({
    row: line,
    field: column,
    message: `The header row has no column ${column} (a heading such as "${exampleHeading(column)}").`,
  }));
  if (headings.some((heading) => heading.includes('@'))) {
    errors.push({
      row: line,
      message: `The first line must be the header row (${CSV_COLUMNS.join(', ')}): this one looks like a row of people.`,
    });
  } else if (headings.length === 1) {
    errors.push({
      row: line,
      message: 'The header row has a single column: is the file comma-separated (CSV)?',
    });
  }
  return { header: null, errors };
}

const EXAMPLE_HEADINGS: Readonly<Record<CsvColumn, string>> = {
  email: 'Email',
  date_of_birth: 'Date of birth',
  first_name: 'First name',
  middle_names: 'Middle names',
  last_name: 'Last name',
  preferred_name: 'Preferred name',
  mobile: 'Mobile',
  job_role: 'Job role',
};

function exampleHeading(column: CsvColumn): string {
  return EXAMPLE_HEADINGS[column];
}

/** A row's cells by column, as the header places them; absent columns and missing trailing cells are ''. */
export function cellsByColumn(values: readonly string[], header: UploadHeader): CsvCells {
  const cells: CsvCells = {
    email: '',
    date_of_birth: '',
    first_name: '',
    middle_names: '',
    last_name: '',
    preferred_name: '',
    mobile: '',
    job_role: '',
  };
  const { columns } = header;
  const end = Math.min(columns.length, values.length);
  for (let index = 0; index < end; index += 1) {
    const column = columns[index];
    if (column !== null) cells[column] = values[index];
  }
  return cells;
}

/** How many cells a row uses past the header's width (0 when none): empty cells after the last are not used. */
export function cellsPastHeader(values: readonly string[], header: UploadHeader): number {
  if (values.length <= header.width) return 0;
  return Math.max(0, withoutTrailingEmpty(values).length - header.width);
}

/** Drops empty cells after the last non-empty one. */
export function withoutTrailingEmpty(cells: readonly string[]): readonly string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}
