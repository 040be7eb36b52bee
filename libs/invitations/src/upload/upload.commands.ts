import type { UploadCohort, UploadRow } from './upload.events';

export interface RecordUploadPreview {
  type: 'RecordUploadPreview';
  uploadId: string;
  batch: { batchId: string; poolId: string; organisationId: string };
  cohort: UploadCohort;
  totalRows: number;
  rows: readonly UploadRow[];
  /** Rows per UploadRowsRecorded event. */
  rowsPerChunk: number;
  now: string;
  expiresAt: string;
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

export type UploadCommand = RecordUploadPreview | StartUploadConfirmation | CompleteUploadConfirmation;
