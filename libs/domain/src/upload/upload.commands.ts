import type { ChunkRowCounts } from './row-counts';
import type { UploadPreviewCounts, UploadRowValues } from './upload.events';

/** Records the preview's summary; its rows follow with RecordUploadRows. */
export interface RecordUploadPreview extends UploadPreviewCounts {
  type: 'RecordUploadPreview';
  uploadId: string;
  batch: { batchId: string; poolId: string; organisationId: string };
  fileSha256: string;
  /** Remarks about the file that did not refuse it (columns ignored, the encoding it was read in). */
  warnings?: readonly string[];
  /** Each chunk's rows by category (see ChunkRowCounts). */
  rowCounts?: readonly ChunkRowCounts[];
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

/** confirmUpload: starts the confirmation job, or joins the one already started. */
export interface StartUploadConfirmation {
  type: 'StartUploadConfirmation';
  sendInvitations: boolean;
  message: string | null;
  now: string;
}

/** The job's counts so far (cumulative). */
export interface ConfirmationCounts {
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
}

/** The job has gone through the first `chunksDone` chunks of rows. */
export interface RecordConfirmationProgress extends ConfirmationCounts {
  type: 'RecordConfirmationProgress';
  chunksDone: number;
  now: string;
}

/** The job has gone through every row. */
export interface CompleteUploadConfirmation extends ConfirmationCounts {
  type: 'CompleteUploadConfirmation';
  now: string;
}

/** The job cannot go on. */
export interface FailUploadConfirmation {
  type: 'FailUploadConfirmation';
  reason: string;
  now: string;
}

/** cancelUpload: stops a preview from being confirmed, or its running confirmation. */
export interface CancelUpload {
  type: 'CancelUpload';
  now: string;
}

/** Shreds the preview's rows (destroys the upload's key), once nothing needs them: confirmed, cancelled or expired. */
export interface ShredUploadRows {
  type: 'ShredUploadRows';
  now: string;
}

export type UploadCommand =
  | ShredUploadRows
  | RecordUploadPreview
  | RecordUploadRows
  | StartUploadConfirmation
  | RecordConfirmationProgress
  | CompleteUploadConfirmation
  | FailUploadConfirmation
  | CancelUpload;
