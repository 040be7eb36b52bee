import type { UploadEvent } from './upload.events';
import type { ConfirmationJob, RecordedUploadState, UploadState } from './upload.state';

export const initialUploadState = (): UploadState => ({ status: 'absent' });

/** The upload after one more event of its stream. Never mutates. */
export function evolveUpload(state: UploadState, event: UploadEvent): UploadState {
  if (event.type === 'UploadPreviewed') {
    return { status: 'previewed', preview: event.data, chunksRecorded: 0, job: null, cancelledAt: null };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'UploadRowsRecorded':
      // The rows are not read here (see UploadState): a chunk is counted without decoding it.
      return { ...state, chunksRecorded: state.chunksRecorded + 1 };
    case 'UploadConfirmationStarted': {
      const { sendInvitations, message, total, fromChunk, startedAt } = event.data;
      const earlier = fromChunk > 0 ? state.job : null;
      const job: ConfirmationJob = {
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
      return { ...state, status: 'confirming', job };
    }
    case 'UploadConfirmationProgressed': {
      if (state.job === null) return state;
      const { chunksDone, staged, skippedDuplicates, invited, autoAccepted } = event.data;
      return {
        ...state,
        job: { ...state.job, chunksDone, staged, skippedDuplicates, invited, autoAccepted },
      };
    }
    case 'UploadConfirmed': {
      const { staged, skippedDuplicates, invited, autoAccepted, sendInvitations, confirmedAt } = event.data;
      const job: ConfirmationJob = {
        // Confirmed inside the request (recorded before confirmations were jobs): no job was started.
        ...(state.job ?? legacyJob(state, sendInvitations, confirmedAt)),
        state: 'DONE',
        chunksDone: state.preview.chunks,
        staged,
        skippedDuplicates,
        invited,
        autoAccepted,
        finishedAt: confirmedAt,
      };
      return { ...state, status: 'confirmed', job };
    }
    case 'UploadConfirmationCancelled': {
      const { cancelledAt } = event.data;
      const job = state.job && { ...state.job, state: 'CANCELLED' as const, finishedAt: cancelledAt };
      return { ...state, status: 'cancelled', job, cancelledAt };
    }
    case 'UploadConfirmationFailed': {
      if (state.job === null) return state;
      const { reason, failedAt } = event.data;
      const job = { ...state.job, state: 'FAILED' as const, finishedAt: failedAt, failure: reason };
      return { ...state, status: 'previewed', job };
    }
    case 'UploadRowsShredded':
      return { ...state, rowsShredded: true };
    case 'UploadPreviewCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt };
  }
}

function legacyJob(
  state: RecordedUploadState,
  sendInvitations: boolean,
  confirmedAt: string,
): ConfirmationJob {
  return {
    state: 'DONE',
    sendInvitations,
    message: null,
    total: state.preview.totalRows,
    chunksDone: state.preview.chunks,
    staged: 0,
    skippedDuplicates: 0,
    invited: 0,
    autoAccepted: 0,
    startedAt: confirmedAt,
    finishedAt: confirmedAt,
    failure: null,
  };
}
