import type { UploadEvent, UploadPreviewed } from './upload.events';
import type { ConfirmationJob, UploadStatusInLife } from './upload.state';

/** What of the preview a job needs: how many rows and chunks of rows the file has. */
type FileSize = Pick<UploadPreviewed['data'], 'totalRows' | 'chunks'>;

/**
 * The confirmation job after one more event of its upload (unchanged by events that are not the job's): started,
 * carried on from a checkpoint, done, cancelled or failed. The upload's state and the uploads read model both
 * follow the job this way.
 */
export function evolveConfirmationJob(
  job: ConfirmationJob | null,
  event: UploadEvent,
  file: FileSize,
): ConfirmationJob | null {
  switch (event.type) {
    case 'UploadConfirmationStarted': {
      const { sendInvitations, message, total, fromChunk, startedAt } = event.data;
      // A job carrying on after a failed one keeps its counts; a first job starts from none.
      const earlier = fromChunk > 0 ? job : null;
      return {
        state: 'RUNNING',
        sendInvitations,
        message,
        total,
        chunksDone: fromChunk,
        staged: earlier?.staged ?? 0,
        skippedDuplicates: earlier?.skippedDuplicates ?? 0,
        invited: earlier?.invited ?? 0,
        autoAccepted: earlier?.autoAccepted ?? 0,
        startedAt,
        finishedAt: null,
        failure: null,
      };
    }
    case 'UploadConfirmationProgressed': {
      if (job === null) return null;
      const { chunksDone, staged, skippedDuplicates, invited, autoAccepted } = event.data;
      return { ...job, chunksDone, staged, skippedDuplicates, invited, autoAccepted };
    }
    case 'UploadConfirmed': {
      const { staged, skippedDuplicates, invited, autoAccepted, sendInvitations, confirmedAt } = event.data;
      return {
        // Confirmed inside the request (recorded before confirmations were jobs): no job was started.
        ...(job ?? requestJob(file, sendInvitations, confirmedAt)),
        state: 'DONE',
        chunksDone: file.chunks,
        staged,
        skippedDuplicates,
        invited,
        autoAccepted,
        finishedAt: confirmedAt,
      };
    }
    case 'UploadConfirmationCancelled':
      return job && { ...job, state: 'CANCELLED', finishedAt: event.data.cancelledAt };
    case 'UploadConfirmationFailed':
      return job && { ...job, state: 'FAILED', finishedAt: event.data.failedAt, failure: event.data.reason };
    default:
      return job;
  }
}

/** The job of an upload confirmed inside one request, before confirmations were jobs. */
function requestJob(file: FileSize, sendInvitations: boolean, confirmedAt: string): ConfirmationJob {
  return {
    state: 'DONE',
    sendInvitations,
    message: null,
    total: file.totalRows,
    chunksDone: file.chunks,
    staged: 0,
    skippedDuplicates: 0,
    invited: 0,
    autoAccepted: 0,
    startedAt: confirmedAt,
    finishedAt: confirmedAt,
    failure: null,
  };
}

/** Where an upload stands for an admin (the GraphQL `UploadState`): expiry is a matter of time, not of an event. */
export type UploadLifeState = 'PREVIEWED' | 'EXPIRED' | 'CONFIRMING' | 'CONFIRMED' | 'CANCELLED';

/** Where an upload stands at an instant: a preview is confirmable until it expires. */
export function uploadStateAt(
  upload: { status: UploadStatusInLife; expiresAt: string },
  now: Date,
): UploadLifeState {
  switch (upload.status) {
    case 'confirming':
      return 'CONFIRMING';
    case 'confirmed':
      return 'CONFIRMED';
    case 'cancelled':
      return 'CANCELLED';
    case 'previewed':
      return Date.parse(upload.expiresAt) <= now.getTime() ? 'EXPIRED' : 'PREVIEWED';
  }
}
