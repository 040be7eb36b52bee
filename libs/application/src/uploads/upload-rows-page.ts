import {
  countMatching,
  matchesRowFilter,
  noRowCounts,
  rowCategory,
  uploadStreamId,
  type ChunkRowCounts,
  type RowFilter,
  type UploadPreviewed,
  type UploadRow,
} from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { ServiceError } from '@invitations/kernel';
import { notFound } from '../tenancy/tenant-streams';
import { readUploadChunk } from './upload-stream';

/** The largest page of rows given at once (as a tab's). */
export const MAX_ROWS_PAGE = 500;

export interface UploadRowsRequest extends RowFilter {
  /** 0 to MAX_ROWS_PAGE. */
  first: number;
  /** A page's endCursor: the page starts after it. */
  after: string | null;
}

export interface UploadRowsPage {
  /** How many rows the filter matches in the whole file. */
  totalCount: number;
  /** In the file's order. */
  nodes: UploadRow[];
  hasNextPage: boolean;
  /** The cursor after the last row of the page; null for an empty page. */
  endCursor: string | null;
}

/**
 * A page of a preview's rows, in the file's order, narrowed by upload status and by being a duplicate, before
 * anything is staged. The preview records how many rows of each kind every chunk of rows holds, so a page reads
 * only the chunks that hold its rows (about one for a page of 50), never all of a large file's. Another
 * organisation's upload answers NOT_FOUND.
 */
export async function uploadRowsPage(
  store: EventStore,
  organisationId: string,
  uploadId: string,
  request: UploadRowsRequest,
): Promise<UploadRowsPage> {
  checkPageSize(request.first);
  const start = request.after === null ? 0 : decodeRowCursor(request.after) + 1;
  const preview = await previewOf(store, organisationId, uploadId);
  const counts = preview.rowCounts ?? (await countRows(store, uploadId, preview.chunks));
  const filter: RowFilter = { uploadStatus: request.uploadStatus, duplicate: request.duplicate };
  const matching = counts.map((chunk) => countMatching(chunk, filter));
  const totalCount = matching.reduce((sum, count) => sum + count, 0);

  const nodes: UploadRow[] = [];
  let matchedBefore = 0;
  let lastIndex = -1;
  const sizes = counts.map((chunk) => chunk.reduce((sum, count) => sum + count, 0));
  const chunkStarts: number[] = [];
  for (let chunk = 0, at = 0; chunk < sizes.length; at += sizes[chunk], chunk += 1) chunkStarts.push(at);
  for (let chunk = 0; chunk < counts.length; chunk += 1) {
    const chunkStart = chunkStarts[chunk];
    const chunkEnd = chunkStart + sizes[chunk];
    if (chunkEnd <= start) matchedBefore += matching[chunk];
    else if (matching[chunk] > 0) {
      // Past the cursor with the page full: nothing more to read.
      if (chunkStart >= start && nodes.length >= request.first) break;
      const rows = await readUploadChunk(store, uploadId, chunk);
      rows.forEach((row, offset) => {
        if (!matchesRowFilter(filter, row)) return;
        const index = chunkStart + offset;
        if (index < start) matchedBefore += 1;
        else if (nodes.length < request.first) {
          nodes.push(row);
          lastIndex = index;
        }
      });
    }
  }
  return {
    totalCount,
    nodes,
    hasNextPage: matchedBefore + nodes.length < totalCount,
    endCursor: nodes.length > 0 ? encodeRowCursor(lastIndex) : null,
  };
}

/** The preview (the stream's first event), of this organisation. */
async function previewOf(
  store: EventStore,
  organisationId: string,
  uploadId: string,
): Promise<UploadPreviewed['data']> {
  for await (const event of store.readStream(uploadStreamId(uploadId), { maxCount: 1 })) {
    const preview = event.data as UploadPreviewed['data'];
    if (event.type === 'UploadPreviewed' && preview.organisationId === organisationId) return preview;
  }
  throw notFound('upload');
}

/** The rows of an upload previewed before chunks were counted, counted by reading every chunk once. */
async function countRows(store: EventStore, uploadId: string, chunks: number): Promise<ChunkRowCounts[]> {
  const counts: ChunkRowCounts[] = [];
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const chunkCounts = noRowCounts();
    for (const row of await readUploadChunk(store, uploadId, chunk)) {
      chunkCounts[rowCategory(row.uploadStatus, row.duplicateReasons.length > 0)] += 1;
    }
    counts.push(chunkCounts);
  }
  return counts;
}

function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_ROWS_PAGE) {
    throw new ServiceError('BAD_USER_INPUT', `first must be between 0 and ${MAX_ROWS_PAGE}.`, [
      { field: 'first', message: `must be between 0 and ${MAX_ROWS_PAGE}` },
    ]);
  }
}

const CURSOR_PREFIX = 'row:';

/** The cursor after the row at `index` (0-based, in the file's order), opaque to clients. */
export const encodeRowCursor = (index: number): string =>
  Buffer.from(`${CURSOR_PREFIX}${index}`, 'utf8').toString('base64url');

function decodeRowCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const index = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(index) || index < 0 || encodeRowCursor(index) !== cursor) {
    throw new ServiceError('BAD_USER_INPUT', 'The cursor is not valid.', [
      { field: 'after', message: 'is not a valid cursor' },
    ]);
  }
  return index;
}

/** Each chunk's rows by category, for the record of a preview (UploadPreviewed.rowCounts). */
export function rowCountsOf(
  rows: {
    length: number;
    statusAt(index: number): UploadRow['uploadStatus'] | undefined;
    isDuplicate(index: number): boolean;
  },
  rowsPerChunk: number,
): ChunkRowCounts[] {
  const counts: ChunkRowCounts[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    if (index % rowsPerChunk === 0) counts.push(noRowCounts());
    const status = rows.statusAt(index);
    if (status !== undefined) counts[counts.length - 1][rowCategory(status, rows.isDuplicate(index))] += 1;
  }
  return counts;
}
