import { ServiceError, deriveId } from '@invitations/kernel';
import { uploadDecider, uploadStreamId, type UploadConfirmed, type UploadRow } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { sendInvitations, type SendInvitationsDeps } from '../invitations/send-invitations';
import type { AdminContext, Written } from '../ports';
import { stagePerson } from '../staging/stage-person';
import { recordedUpload, type RecordedUpload } from './recorded-upload';

export type ConfirmUploadOutcome = Pick<
  UploadConfirmed['data'],
  'staged' | 'skippedDuplicates' | 'invited' | 'autoAccepted'
> &
  Written & { batchId: string };

export interface ConfirmUploadRequest {
  uploadId: string;
  sendInvitations: boolean;
  message: string | null;
}

/** Rows staged at once: enough to fill the event store's group commits. */
const PARALLELISM = 64;

/**
 * Stages every row of a preview that is not a duplicate, optionally invites them, and records the confirmation.
 * Every id derives from the upload and the row, so confirming again, at the same time or after a crash part-way
 * through, stages each row once: what was staged is found staged, what was not is staged now. A row whose person
 * took a seat in the pool since the preview is skipped as a duplicate. Passports are never touched.
 */
export async function confirmUpload(
  deps: SendInvitationsDeps,
  context: AdminContext,
  request: ConfirmUploadRequest,
): Promise<ConfirmUploadOutcome> {
  const { uploadId } = request;
  const upload = await recordedUpload(deps.store, context.organisationId, uploadId);
  uploadDecider.decide({ type: 'StartUploadConfirmation', now: context.now.toISOString() }, upload);
  const batchId = upload.preview.batchId;
  if (upload.confirmation) return { ...upload.confirmation, batchId, position: -1n };

  const { staged, skipped, position } = await stageRows(deps, upload, context);
  let invited = 0;
  let autoAccepted = 0;
  let sentAt = -1n;
  if (request.sendInvitations && staged.length > 0) {
    const sent = await sendInvitations(
      deps,
      { ...context, commandId: deriveId(uploadId, 'send') },
      {
        batchId,
        inviteeIds: staged,
        all: false,
        message: request.message,
      },
    );
    invited = sent.invited.length;
    autoAccepted = sent.autoAccepted.length;
    sentAt = sent.position;
  }
  const counts = {
    staged: staged.length,
    skippedDuplicates: skipped,
    invited,
    autoAccepted,
    sendInvitations: request.sendInvitations,
  };
  const recorded = await handleCommand(
    deps.store,
    uploadStreamId(uploadId),
    uploadDecider,
    () => ({ type: 'CompleteUploadConfirmation' as const, ...counts, now: context.now.toISOString() }),
    { ...context, commandId: deriveId(uploadId, 'confirmed') },
  );
  // A concurrent confirmation may have recorded first: both staged the same rows, so its counts are these.
  const confirmation = recorded.state.status === 'absent' ? null : recorded.state.confirmation;
  return { ...(confirmation ?? counts), batchId, position: position > sentAt ? position : sentAt };
}

async function stageRows(deps: SendInvitationsDeps, upload: RecordedUpload, context: AdminContext) {
  const { preview } = upload;
  const batch = { batchId: preview.batchId, poolId: preview.poolId, organisationId: preview.organisationId };
  const rows = upload.rows.filter((r) => r.duplicateReasons.length === 0);
  const staged: string[] = [];
  let skipped = upload.rows.length - rows.length;
  let position = -1n;
  const stageRow = async (row: UploadRow) => {
    const inviteeId = deriveId(preview.uploadId, 'row', String(row.row));
    try {
      const at = await stagePerson(deps.store, {
        batch,
        inviteeId,
        person: row.person,
        classification: {
          uploadStatus: row.uploadStatus,
          discrepancies: row.discrepancies,
          passportId: row.passportId,
        },
        uploadId: preview.uploadId,
        context: { ...context, commandId: deriveId(preview.uploadId, 'stage', String(row.row)) },
      });
      staged.push(inviteeId);
      if (at > position) position = at;
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === 'CONFLICT')) throw error;
      skipped += 1;
    }
  };
  for (let i = 0; i < rows.length; i += PARALLELISM)
    await Promise.all(rows.slice(i, i + PARALLELISM).map(stageRow));
  return { staged, skipped, position };
}
