import type { UploadCohort, UploadRowValues } from './upload.events';

/** Records the preview's summary; its rows follow with RecordUploadRows. */
export interface RecordUploadPreview {
  type: 'RecordUploadPreview';
  uploadId: string;
  batch: { batchId: string; poolId: string; organisationId: string };
  cohort: UploadCohort;
  totalRows: number;
  /** Rows that confirming would stage, by status (duplicates excluded), and the duplicates. */
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  /** How many chunks of rows will follow. */
  chunks: number;
  fileSha256: string;
  /** Remarks about the file that did not refuse it (columns ignored, the encoding it was read in). */
  warnings?: readonly string[];
  now: string;
  expiresAt: string;
}

/**
 * Records the next chunks of a preview's rows, in order, from chunk `firstChunk`: each row as its values, or in
 * whatever form (`Rows`) the recorder writes them as those values.
 */
export interface RecordUploadRows<Rows = UploadRowValues[]> {
  type: 'RecordUploadRows';
  firstChunk: number;
  chunks: readonly Rows[];
}

/** May the preview be confirmed now? No events: the handler stages, then completes the confirmation. */
export interface StartUploadConfirmation {
  type: 'StartUploadConfirmation';
  now: string;
}

export interface CompleteUploadConfirmation {
  type: 'CompleteUploadConfirmation';
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  sendInvitations: boolean;
  now: string;
}

export type UploadCommand =
  RecordUploadPreview | RecordUploadRows | StartUploadConfirmation | CompleteUploadConfirmation;
