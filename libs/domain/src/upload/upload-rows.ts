import { PERSON_DETAIL_FIELDS, personDetailValues, personFromValues } from '../person/person-details-fields';
import { UPLOAD_ROW_COLUMNS, type UploadRow, type UploadRowValues } from './upload.events';

/** An event of an upload's stream as read back: only UploadRowsRecorded ones are looked into. */
interface UploadStreamEvent {
  type: string;
  data: unknown;
}

/** A row as UploadRowsRecorded lists it: its values in UPLOAD_ROW_COLUMNS order. */
export function toRowValues(row: UploadRow): UploadRowValues {
  return [
    row.row,
    ...personDetailValues(row.person),
    row.uploadStatus,
    row.discrepancies,
    row.passportId,
    row.duplicateReasons,
    row.possibleDuplicate,
  ];
}

const AFTER_PERSON = 1 + PERSON_DETAIL_FIELDS.length;

export function fromRowValues(values: UploadRowValues): UploadRow {
  const [uploadStatus, discrepancies, passportId, duplicateReasons, possibleDuplicate] = values.slice(
    AFTER_PERSON,
  ) as [
    UploadRow['uploadStatus'],
    UploadRow['discrepancies'],
    string | null,
    UploadRow['duplicateReasons'],
    boolean,
  ];
  return {
    row: values[0],
    person: personFromValues(values, 1),
    uploadStatus,
    discrepancies,
    passportId,
    duplicateReasons,
    possibleDuplicate,
  };
}

/**
 * The rows of an upload, in row order, from its stream's UploadRowsRecorded events (chunks are recorded once
 * each and in order; see the upload decider). Only readers that need the rows (confirming, the duplicates
 * report, the preview's lists) collect them; the decider's state only counts the chunks. Takes both forms of the
 * event: rows as values in `columns` order, and (recorded before that form) rows as objects.
 */
export function collectUploadRows(events: Iterable<UploadStreamEvent>): UploadRow[] {
  const rows: UploadRow[] = [];
  for (const event of events) {
    if (event.type !== 'UploadRowsRecorded') continue;
    const data = event.data as { columns?: readonly string[]; rows: unknown[] };
    if (data.columns === undefined) {
      for (const row of data.rows as UploadRow[]) rows.push(row);
      continue;
    }
    if (!sameColumns(data.columns)) {
      throw new Error(`UploadRowsRecorded with unknown columns ${JSON.stringify(data.columns)}`);
    }
    for (const values of data.rows as UploadRowValues[]) rows.push(fromRowValues(values));
  }
  return rows;
}

function sameColumns(columns: readonly string[]): boolean {
  return columns.length === UPLOAD_ROW_COLUMNS.length && columns.every((c, i) => c === UPLOAD_ROW_COLUMNS[i]);
}
