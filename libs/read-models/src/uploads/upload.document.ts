import type { ConfirmationState, UploadCohort, UploadStatusInLife } from '@invitations/domain';
import type { Positioned } from '../projection/projection';

/** An upload's confirmation job: where it stands, and its counts so far. */
export interface UploadConfirmationDoc {
  state: ConfirmationState;
  sendInvitations: boolean;
  /** Rows the job goes through: every row of the file. */
  total: number;
  chunksDone: number;
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  startedAt: string;
  /** Null while running. */
  finishedAt: string | null;
}

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
  confirmation: UploadConfirmationDoc | null;
  /** When the preview or its confirmation was cancelled. */
  cancelledAt: string | null;
  /** Its rows were shredded (confirmed, cancelled or expired): the preview's rows read as none. */
  rowsShredded?: boolean;
}

/** An upload's state as of an instant (the GraphQL `UploadState`): expiry is a matter of time, not of an event. */
export type UploadState = 'PREVIEWED' | 'EXPIRED' | 'CONFIRMING' | 'CONFIRMED' | 'CANCELLED';

export function uploadStateAt(upload: Pick<UploadDoc, 'status' | 'expiresAt'>, now: string): UploadState {
  switch (upload.status) {
    case 'confirming':
      return 'CONFIRMING';
    case 'confirmed':
      return 'CONFIRMED';
    case 'cancelled':
      return 'CANCELLED';
    case 'previewed':
      return Date.parse(upload.expiresAt) <= Date.parse(now) ? 'EXPIRED' : 'PREVIEWED';
  }
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
