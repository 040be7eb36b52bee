import { ServiceError } from '@invitations/kernel';
import { requireInvitationMessage } from '../invitee/invitation-message';
import { isAtOrAfter } from '../shared/instants';
import type {
  CancelUpload,
  CompleteUploadConfirmation,
  FailUploadConfirmation,
  RecordConfirmationProgress,
  ShredUploadRows,
  StartUploadConfirmation,
} from './upload.commands';
import type { UploadRowsShredded } from './confirmation.events';
import type { UploadEvent } from './upload.events';
import { isCompletelyRecorded, type RecordedUploadState, type UploadState } from './upload.state';

export const UPLOAD_EXPIRED_MESSAGE = 'This upload preview has expired: upload the file again.';

export const UPLOAD_INCOMPLETE_MESSAGE =
  'This upload preview was not completely recorded (the service stopped while recording it): upload the file again.';

export const UPLOAD_CANCELLED_MESSAGE = 'This upload was cancelled: upload the file again.';

export const UPLOAD_ALREADY_CONFIRMED_MESSAGE =
  'This upload is confirmed already: there is nothing to cancel.';

function requireUpload(state: UploadState): RecordedUploadState {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'No upload with this id.');
  return state;
}

/**
 * Starts the confirmation job of a fresh, completely recorded preview. Confirming an upload whose job runs or is
 * done joins it (nothing more is recorded, even after expiry); a cancelled upload is refused. After a failed job
 * a new one carries on from the failed one's last checkpoint when it was asked the same (whether to invite), or
 * goes through every row again (what is staged is found staged).
 */
export function startConfirmation(command: StartUploadConfirmation, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  if (upload.status === 'confirming' || upload.status === 'confirmed') return [];
  if (upload.status === 'cancelled') throw new ServiceError('BAD_USER_INPUT', UPLOAD_CANCELLED_MESSAGE);
  if (isAtOrAfter(command.now, upload.preview.expiresAt))
    throw new ServiceError('BAD_USER_INPUT', UPLOAD_EXPIRED_MESSAGE);
  if (!isCompletelyRecorded(upload)) throw new ServiceError('BAD_USER_INPUT', UPLOAD_INCOMPLETE_MESSAGE);
  const message = command.sendInvitations ? requireInvitationMessage(command.message) : null;
  const failed = upload.job;
  const carriesOn = failed !== null && failed.sendInvitations === command.sendInvitations;
  return [
    {
      type: 'UploadConfirmationStarted',
      data: {
        uploadId: upload.preview.uploadId,
        sendInvitations: command.sendInvitations,
        message,
        total: upload.preview.totalRows,
        fromChunk: carriesOn ? failed.chunksDone : 0,
        startedAt: command.now,
      },
    },
  ];
}

/**
 * A checkpoint of the running job. A checkpoint at or before the last one is a repeat (a job resumed, or run twice
 * at once) and records nothing. Recorded after a cancellation too: the rows the job staged before it saw the
 * cancellation stay staged, and are counted.
 */
export function recordProgress(command: RecordConfirmationProgress, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  const { job } = upload;
  if (job === null) throw new ServiceError('CONFLICT', 'This upload has no confirmation running.');
  if (job.state !== 'RUNNING' && job.state !== 'CANCELLED') return [];
  if (command.chunksDone <= job.chunksDone) return [];
  if (command.chunksDone > upload.preview.chunks) {
    throw new ServiceError('CONFLICT', `This upload has ${upload.preview.chunks} chunks of rows.`);
  }
  const { chunksDone, staged, skippedDuplicates, invited, autoAccepted, now } = command;
  return [
    {
      type: 'UploadConfirmationProgressed',
      data: {
        uploadId: upload.preview.uploadId,
        chunksDone,
        staged,
        skippedDuplicates,
        invited,
        autoAccepted,
        at: now,
      },
    },
  ];
}

/** The running job went through every row. Once done, cancelled or failed, nothing more is recorded. */
export function completeConfirmation(command: CompleteUploadConfirmation, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  const { job } = upload;
  if (job === null) throw new ServiceError('CONFLICT', 'This upload has no confirmation running.');
  if (job.state !== 'RUNNING') return [];
  const { staged, skippedDuplicates, invited, autoAccepted, now } = command;
  return [
    {
      type: 'UploadConfirmed',
      data: {
        uploadId: upload.preview.uploadId,
        staged,
        skippedDuplicates,
        invited,
        autoAccepted,
        sendInvitations: job.sendInvitations,
        confirmedAt: now,
      },
    },
  ];
}

export function failConfirmation(command: FailUploadConfirmation, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  if (upload.job?.state !== 'RUNNING') return [];
  return [
    {
      type: 'UploadConfirmationFailed',
      data: { uploadId: upload.preview.uploadId, reason: command.reason, failedAt: command.now },
    },
  ];
}

/**
 * Withdraws a preview not confirmed yet, or stops its running confirmation (what is staged stays). Cancelling
 * twice is harmless; a confirmed upload has nothing left to cancel.
 */
export function cancelUpload(command: CancelUpload, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  const { uploadId } = upload.preview;
  switch (upload.status) {
    case 'cancelled':
      return [];
    case 'confirmed':
      throw new ServiceError('BAD_USER_INPUT', UPLOAD_ALREADY_CONFIRMED_MESSAGE);
    case 'confirming':
      return [{ type: 'UploadConfirmationCancelled', data: { uploadId, cancelledAt: command.now } }];
    case 'previewed':
      return [{ type: 'UploadPreviewCancelled', data: { uploadId, cancelledAt: command.now } }];
  }
}

/**
 * Shreds a preview's rows once nothing can need them: its confirmation is done or it was cancelled (what was
 * staged lives on in the invitees' own events), or it expired unconfirmed (a failed job included: it cannot be
 * confirmed again). Not while a confirmation runs or can still start. Shredding twice changes nothing.
 */
export function shredUploadRows(command: ShredUploadRows, state: UploadState): UploadEvent[] {
  const upload = requireUpload(state);
  if (upload.rowsShredded) return [];
  const { uploadId } = upload.preview;
  const reason = shreddingReason(upload, command.now);
  if (reason === null)
    throw new ServiceError('CONFLICT', 'This upload can still be confirmed: its rows are kept.');
  return [{ type: 'UploadRowsShredded', data: { uploadId, reason, shreddedAt: command.now } }];
}

function shreddingReason(
  upload: RecordedUploadState,
  now: string,
): UploadRowsShredded['data']['reason'] | null {
  switch (upload.status) {
    case 'confirmed':
      return 'CONFIRMED';
    case 'cancelled':
      return upload.job?.state === 'RUNNING' ? null : 'CANCELLED';
    case 'confirming':
      return null;
    case 'previewed':
      return isAtOrAfter(now, upload.preview.expiresAt) ? 'EXPIRED' : null;
  }
}
