import { FieldError } from './field-error';
import { CSV_COLUMNS } from './template';

/**
 * What is wrong with a file's header row, if anything. Names match after trimming and ignoring case, and
 * must be the template's, each once, in the template's order. Empty headings after the last column are
 * ignored: a spreadsheet writes them when cells right of the table were once touched.
 */
export function headerErrors(cells: readonly string[]): FieldError[] {
  const names = withoutTrailingEmpty(cells).map((cell) => cell.trim().toLowerCase());
  if (names.length === CSV_COLUMNS.length && names.every((name, i) => name === CSV_COLUMNS[i])) return [];

  const errors = [...missingColumns(names), ...unexpectedColumns(names)];
  if (errors.length === 0) {
    return [
      {
        message:
          `The header row's columns must be in the template's order: ${CSV_COLUMNS.join(',')}; ` +
          `the file has: ${names.join(',')}.`,
      },
    ];
  }
  if (names.length === 1 && CSV_COLUMNS.length > 1) {
    errors.push({ message: 'The header row has a single column: is the file comma-separated (CSV)?' });
  }
  return errors;
}

/** Drops empty cells after the last non-empty one. */
export function withoutTrailingEmpty(cells: readonly string[]): readonly string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

function missingColumns(names: readonly string[]): FieldError[] {
  const present = new Set(names);
  return CSV_COLUMNS.filter((column) => !present.has(column)).map((column) => ({
    field: column,
    message: `The header row is missing the column "${column}".`,
  }));
}

function unexpectedColumns(names: readonly string[]): FieldError[] {
  const expected = new Set<string>(CSV_COLUMNS);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  names.forEach((name, index) => {
    const position = `column ${index + 1}`;
    if (name === '') errors.push({ message: `The header row has an empty heading (${position}).` });
    else if (!expected.has(name))
      errors.push({ message: `The header row has an unexpected column "${name}" (${position}).` });
    else if (seen.has(name))
      errors.push({ field: name, message: `The header row has the column "${name}" more than once.` });
    seen.add(name);
  });
  return errors;
}
