import type { Event } from '@invitations/kernel';

/**
 * The confirmation of an upload runs as a job recorded in the upload's own stream (`upload-<uploadId>`): started
 * with the admin's request, checkpointed as it goes (so that a restart carries on from the last checkpoint), and
 * ended by UploadConfirmed (done), UploadConfirmationCancelled or UploadConfirmationFailed. Every id the job
 * writes derives from the upload and the row, so a row gone through twice is staged once.
 */

/** confirmUpload accepted: the job goes through every row, staging those that are not duplicates. */
export type UploadConfirmationStarted = Event<
  'UploadConfirmationStarted',
  {
    uploadId: string;
    sendInvitations: boolean;
    /** The invitation's message, when inviting. */
    message: string | null;
    /** Rows the job goes through: every row of the file (the duplicates are skipped). */
    total: number;
    /** Chunks of rows already gone through by an earlier job that failed, carried on from (0 for a first job). */
    fromChunk: number;
    startedAt: string;
  }
>;

/** A checkpoint: the first `chunksDone` chunks of rows are gone through; the counts are the job's so far. */
export type UploadConfirmationProgressed = Event<
  'UploadConfirmationProgressed',
  {
    uploadId: string;
    chunksDone: number;
    staged: number;
    skippedDuplicates: number;
    invited: number;
    autoAccepted: number;
    at: string;
  }
>;

/** The admin stopped the running confirmation: what is staged stays, the rest of the rows are not gone through. */
export type UploadConfirmationCancelled = Event<
  'UploadConfirmationCancelled',
  { uploadId: string; cancelledAt: string }
>;

/** The job could not go on (the reason names no person); confirming again carries on from its last checkpoint. */
export type UploadConfirmationFailed = Event<
  'UploadConfirmationFailed',
  { uploadId: string; reason: string; failedAt: string }
>;

/** The admin withdrew the preview before confirming it: it can no longer be confirmed. */
export type UploadPreviewCancelled = Event<
  'UploadPreviewCancelled',
  { uploadId: string; cancelledAt: string }
>;

/**
 * The preview's rows were shredded: the upload's key is destroyed, so its rows read as none from now on (what was
 * staged lives on in the invitees' own events). Holds no personal data.
 */
export type UploadRowsShredded = Event<
  'UploadRowsShredded',
  { uploadId: string; reason: 'CONFIRMED' | 'CANCELLED' | 'EXPIRED'; shreddedAt: string }
>;

export type ConfirmationEvent =
  | UploadRowsShredded
  | UploadConfirmationStarted
  | UploadConfirmationProgressed
  | UploadConfirmationCancelled
  | UploadConfirmationFailed
  | UploadPreviewCancelled;
