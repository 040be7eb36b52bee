import type { Positioned } from '../projection/projection';

/** How an upload was confirmed: what it staged and skipped, and whom it invited. */
export interface UploadConfirmationDoc {
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  sendInvitations: boolean;
  confirmedAt: string;
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
  /** How many chunks of rows the preview announced, and how many are recorded (confirmable once all are). */
  chunks: number;
  chunksRecorded: number;
  /** When it was previewed. */
  createdAt: string;
  /** Until when the preview can be confirmed. */
  expiresAt: string;
  /** Null until confirmed. */
  confirmation: UploadConfirmationDoc | null;
}

/** An upload's state as of an instant: expiry is a matter of time, not of an event. */
export type UploadState = 'PREVIEWED' | 'CONFIRMED' | 'EXPIRED';

export function uploadStateAt(upload: UploadDoc, now: string): UploadState {
  if (upload.confirmation !== null) return 'CONFIRMED';
  return upload.expiresAt <= now ? 'EXPIRED' : 'PREVIEWED';
}
