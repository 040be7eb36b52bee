import type { UploadRow } from './upload.events';

/** An event of an upload's stream as read back: only UploadRowsRecorded ones are looked into. */
interface UploadStreamEvent {
  type: string;
  data: unknown;
}

/**
 * The rows of an upload, in row order, from its stream's UploadRowsRecorded events (chunks are recorded once
 * each and in order; see the upload decider). Only readers that need the rows (confirming, the duplicates
 * report, the preview's lists) collect them; the decider's state only counts the chunks.
 */
export function collectUploadRows(events: Iterable<UploadStreamEvent>): UploadRow[] {
  const rows: UploadRow[] = [];
  for (const event of events) {
    if (event.type !== 'UploadRowsRecorded') continue;
    for (const row of (event.data as { rows: UploadRow[] }).rows) rows.push(row);
  }
  return rows;
}
