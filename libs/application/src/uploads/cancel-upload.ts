import type { ConfirmationJob } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import type { AdminContext, Written } from '../ports';
import { decideOnUpload, uploadOfOrganisation } from './upload-stream';

export interface CancelUploadOutcome extends Written {
  uploadId: string;
  batchId: string;
  cancelledAt: string | null;
  job: ConfirmationJob | null;
}

/**
 * Withdraws a preview before it is confirmed (it can no longer be), or stops its running confirmation: the job
 * stops at its next checkpoint, and what it staged stays. Cancelling twice is harmless; a confirmed upload has
 * nothing left to cancel (BAD_USER_INPUT). Another organisation's upload answers NOT_FOUND.
 */
export async function cancelUpload(
  deps: { store: EventStore },
  context: AdminContext,
  uploadId: string,
): Promise<CancelUploadOutcome> {
  const upload = await uploadOfOrganisation(deps.store, context.organisationId, uploadId);
  const { state, position } = await decideOnUpload(
    deps.store,
    uploadId,
    { type: 'CancelUpload', now: context.now.toISOString() },
    context,
    upload,
  );
  if (state.status === 'absent') throw new Error(`upload ${uploadId} is not recorded`);
  return {
    uploadId,
    batchId: state.preview.batchId,
    cancelledAt: state.cancelledAt,
    job: state.job,
    position,
  };
}
