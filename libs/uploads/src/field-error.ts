/**
 * One problem with an upload, as GraphQL's `extensions.errors` and the HTTP route list it: `row` is the line of
 * the file as a spreadsheet numbers it (the header is line 1, blank lines count; a record spanning lines is on the
 * line it starts on; for a workbook, the sheet's row number); `field` is the template's column (email,
 * date_of_birth, ..., job_role), whatever the file's heading for it. Either is absent when the problem is not
 * about one row or one field.
 */
export type { FieldError };

/**
 * How many errors an outcome lists. A wholly wrong file of 150,000 rows can hold over a million errors:
 * listing them all would make a response of tens of megabytes that nobody reads. The first 1,000 (by row)
 * are listed and `totalErrors` counts them all.
 */
export const MAX_LISTED_ERRORS = 1000;

/** Collects errors, keeping the first `cap` and counting every one. */
export class ErrorList {
  private readonly listed: FieldError[] = [];
  private total = 0;

  constructor(private readonly cap = MAX_LISTED_ERRORS) {}

  add(error: FieldError): void {
    this.total += 1;
    if (this.listed.length < this.cap) this.listed.push(error);
  }

  addAll(errors: readonly FieldError[]): void {
    for (const error of errors) this.add(error);
  }

  /** Adds `count` errors, of which only `listed` (the first of them) are known. */
  addCounted(listed: readonly FieldError[], count: number): void {
    for (const error of listed) if (this.listed.length < this.cap) this.listed.push(error);
    this.total += count;
  }

  get count(): number {
    return this.total;
  }

  get errors(): readonly FieldError[] {
    return this.listed;
  }
}

/**
 * Merges error lists that are each in row order into one in row order (errors without a row first),
 * keeping the first `cap`.
 */
export function mergeByRow(lists: readonly (readonly FieldError[])[], cap = MAX_LISTED_ERRORS): FieldError[] {
  return lists
    .flat()
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.row ?? 0) - (b.error.row ?? 0) || a.index - b.index)
    .slice(0, cap)
    .map(({ error }) => error);
}

/**
 * Thrown while reading a file that cannot be read on: a wrong header, broken quoting, a limit passed.
 * The pipeline turns it into an `INVALID_UPLOAD` outcome; it never escapes `previewUpload`.
 */
export class UploadRejectedError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'UploadRejectedError';
  }

  static because(message: string, row?: number): UploadRejectedError {
    return new UploadRejectedError([row === undefined ? { message } : { row, message }]);
  }
}
import { type FieldError } from '@invitations/kernel';
