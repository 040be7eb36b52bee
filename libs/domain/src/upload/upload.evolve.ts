import type { UploadEvent } from './upload.events';
import { evolveConfirmationJob } from './confirmation-job';
import type { UploadState } from './upload.state';

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
    case 'UploadConfirmationStarted':
      return { ...state, status: 'confirming', job: evolveConfirmationJob(state.job, event, state.preview) };
    case 'UploadConfirmationProgressed':
      return { ...state, job: evolveConfirmationJob(state.job, event, state.preview) };
    case 'UploadConfirmed':
      return { ...state, status: 'confirmed', job: evolveConfirmationJob(state.job, event, state.preview) };
    case 'UploadConfirmationCancelled': {
      const job = evolveConfirmationJob(state.job, event, state.preview);
      return { ...state, status: 'cancelled', job, cancelledAt: event.data.cancelledAt };
    }
    case 'UploadConfirmationFailed':
      // A job that failed leaves the preview confirmable again (carrying on from its last checkpoint).
      if (state.job === null) return state;
      return { ...state, status: 'previewed', job: evolveConfirmationJob(state.job, event, state.preview) };
    case 'UploadRowsShredded':
      return { ...state, rowsShredded: true };
    case 'UploadPreviewCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt };
  }
}
