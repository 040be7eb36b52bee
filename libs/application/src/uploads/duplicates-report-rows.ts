import type { UploadRow } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { readUploadChunk } from './upload-stream';

/** One line of the duplicates report: a row confirming skips, or a possible duplicate it stages. */
export interface DuplicatesReportRow {
  /** The row's line in the file. */
  row: number;
  email: string;
  mobile: string | null;
  /** Why confirming skips it; none for a possible duplicate, which is staged. */
  reasons: readonly string[];
  firstName: string | null;
  lastName: string | null;
  /** The line of the row it repeats (the first with the same email, or else the same mobile); null otherwise. */
  repeatsRow: number | null;
  /** Same names and date of birth as a passport under another email. */
  possibleDuplicate: boolean;
}

/**
 * The duplicates report's rows, read a chunk at a time in the file's order (a large file's rows are never all held
 * at once): every duplicate, with the line it repeats, and every possible duplicate. A repeated email or mobile
 * repeats its first occurrence, which comes before it: remembering the first line of each email and mobile as the
 * rows go by is enough.
 */
export async function* duplicatesReportRows(
  store: EventStore,
  uploadId: string,
  chunks: number,
): AsyncGenerator<DuplicatesReportRow> {
  const firstByEmail = new Map<string, number>();
  const firstByMobile = new Map<string, number>();
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    for (const row of await readUploadChunk(store, uploadId, chunk)) {
      const { email, mobile } = row.person;
      const firstOfEmail = firstByEmail.get(email);
      const firstOfMobile = mobile === null ? undefined : firstByMobile.get(mobile);
      if (firstOfEmail === undefined) firstByEmail.set(email, row.row);
      if (mobile !== null && firstOfMobile === undefined) firstByMobile.set(mobile, row.row);
      if (row.duplicateReasons.length === 0 && !row.possibleDuplicate) continue;
      yield reportRow(row, repeated(row, firstOfEmail, firstOfMobile));
    }
  }
}

function repeated(row: UploadRow, firstOfEmail?: number, firstOfMobile?: number): number | null {
  if (row.duplicateReasons.includes('EMAIL_REPEATED_IN_FILE') && firstOfEmail !== undefined)
    return firstOfEmail;
  if (row.duplicateReasons.includes('MOBILE_REPEATED_IN_FILE') && firstOfMobile !== undefined)
    return firstOfMobile;
  return null;
}

function reportRow(row: UploadRow, repeatsRow: number | null): DuplicatesReportRow {
  return {
    row: row.row,
    email: row.person.email,
    mobile: row.person.mobile,
    reasons: row.duplicateReasons,
    firstName: row.person.firstName,
    lastName: row.person.lastName,
    repeatsRow,
    possibleDuplicate: row.possibleDuplicate,
  };
}
