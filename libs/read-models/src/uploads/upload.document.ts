import type { ConfirmationJob, UploadCohort, UploadStatusInLife } from '@invitations/domain';
import type { Positioned } from '../projection/projection';

/** One upload (a CSV's preview, then its confirmation) of a batch (`uploads`, `_id` = uploadId). */
export interface UploadDoc extends Positioned {
  organisationId: string;
  batchId: string;
  poolId: string;
  totalRows: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  cohort: UploadCohort;
  /** Remarks about the file that did not refuse it. */
  warnings: string[];
  /** How many chunks of rows the preview announced, and how many are recorded (confirmable once all are). */
  chunks: number;
  chunksRecorded: number;
  /** When it was previewed. */
  createdAt: string;
  /** Until when the preview can be confirmed. */
  expiresAt: string;
  /** previewed, confirming (its job running), confirmed (done), cancelled. */
  status: UploadStatusInLife;
  /** Null until confirmUpload started the job. */
  confirmation: ConfirmationJob | null;
  /** When the preview or its confirmation was cancelled. */
  cancelledAt: string | null;
  /** Its rows were shredded (confirmed, cancelled or expired): the preview's rows read as none. */
  rowsShredded?: boolean;
}

/** Whether nothing can need the upload's rows any more (the rule of the upload's decider, ShredUploadRows). */
export function isDueForShredding(upload: UploadDoc, now: string): boolean {
  if (upload.rowsShredded) return false;
  switch (upload.status) {
    case 'confirmed':
      return true;
    case 'cancelled':
      return upload.confirmation?.state !== 'RUNNING';
    case 'confirming':
      return false;
    case 'previewed':
      return upload.expiresAt <= now;
  }
}
