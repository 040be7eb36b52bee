import type { ConfirmationJob } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import type { AdminContext, Written } from '../ports';
import type { JobRunOutcome } from './upload-confirmations';
import { decideOnUpload, lastPositionOfUpload, uploadOfOrganisation } from './upload-stream';

/** Files of up to this many rows are confirmed inside the request, which answers once they are staged. */
export const INLINE_CONFIRMATION_MAX_ROWS = 1000;

export interface ConfirmUploadRequest {
  uploadId: string;
  sendInvitations: boolean;
  message: string | null;
}

export interface ConfirmUploadDeps {
  store: EventStore;
  /** Runs a job in this process (joining a run under way): for the files confirmed inside the request. */
  confirmations: { run(uploadId: string): Promise<JobRunOutcome> };
}

export interface ConfirmUploadOutcome extends Written {
  uploadId: string;
  batchId: string;
  /** The confirmation job as it stands when the request answers: done for a small file, running for a large one. */
  job: ConfirmationJob;
}

/**
 * Confirms a preview: starts its confirmation job (UploadConfirmationStarted), which stages every row that is not a
 * duplicate, and invites them when asked, in the background (see UploadConfirmations). Confirming an upload whose
 * job runs or is done joins it, so confirming twice, or at the same time, stages each row once. A file of up to
 * INLINE_CONFIRMATION_MAX_ROWS rows is confirmed inside the request, which answers once it is done, as confirming
 * always did; a larger one answers at once, with the job running.
 */
export async function confirmUpload(
  deps: ConfirmUploadDeps,
  context: AdminContext,
  request: ConfirmUploadRequest,
): Promise<ConfirmUploadOutcome> {
  const { uploadId } = request;
  const upload = await uploadOfOrganisation(deps.store, context.organisationId, uploadId);
  const started = await decideOnUpload(
    deps.store,
    uploadId,
    {
      type: 'StartUploadConfirmation',
      sendInvitations: request.sendInvitations,
      message: request.message,
      now: context.now.toISOString(),
    },
    context,
    upload,
  );
  const { state } = started;
  if (state.status === 'absent' || state.job === null) throw new Error(`upload ${uploadId} has no job`);
  let job = state.job;
  let position = started.position;
  if (job.state === 'RUNNING' && state.preview.totalRows <= INLINE_CONFIRMATION_MAX_ROWS) {
    job = (await deps.confirmations.run(uploadId)) ?? job;
    // The read models are waited for up to what the job wrote last: its end.
    const last = await lastPositionOfUpload(deps.store, uploadId);
    if (last > position) position = last;
  }
  return { uploadId, batchId: state.preview.batchId, job, position };
}
