import type { UploadStatus } from '../person/person-details';

/**
 * How many rows of one chunk of an upload fall in each category, in ROW_CATEGORIES order: by upload status, and
 * whether the row is a duplicate. Recorded with the preview (one small list per chunk), so that a page of the
 * preview's rows, narrowed by status or duplicates, reads only the chunks that hold its rows.
 */
export type ChunkRowCounts = [
  newRows: number,
  existingRows: number,
  invalidRows: number,
  newDuplicates: number,
  existingDuplicates: number,
  invalidDuplicates: number,
];

const STATUSES: readonly UploadStatus[] = ['NEW', 'EXISTING', 'INVALID'];

/** The index of a row's category in ChunkRowCounts. */
export function rowCategory(uploadStatus: UploadStatus, duplicate: boolean): number {
  return STATUSES.indexOf(uploadStatus) + (duplicate ? STATUSES.length : 0);
}

export const noRowCounts = (): ChunkRowCounts => [0, 0, 0, 0, 0, 0];

/** Which rows a page asks for: by upload status, by being a duplicate or not; null asks for any. */
export interface RowFilter {
  uploadStatus: UploadStatus | null;
  duplicate: boolean | null;
}

export function matchesRowFilter(
  filter: RowFilter,
  row: { uploadStatus: UploadStatus; duplicateReasons: readonly unknown[] },
): boolean {
  if (filter.uploadStatus !== null && row.uploadStatus !== filter.uploadStatus) return false;
  return filter.duplicate === null || row.duplicateReasons.length > 0 === filter.duplicate;
}

/** How many rows of a chunk the filter matches. */
export function countMatching(counts: ChunkRowCounts, filter: RowFilter): number {
  let total = 0;
  STATUSES.forEach((status, index) => {
    if (filter.uploadStatus !== null && status !== filter.uploadStatus) return;
    if (filter.duplicate !== true) total += counts[index];
    if (filter.duplicate !== false) total += counts[index + STATUSES.length];
  });
  return total;
}
