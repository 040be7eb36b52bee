import { ServiceError } from '@invitations/kernel';
import type { Decider } from '@invitations/kernel';
import { isAtOrAfter } from '../shared/instants';
import type {
  CompleteUploadConfirmation,
  RecordUploadPreview,
  RecordUploadRows,
  StartUploadConfirmation,
  UploadCommand,
} from './upload.commands';
import { UPLOAD_ROW_COLUMNS, type UploadEvent, type UploadRowsRecorded } from './upload.events';
import { isCompletelyRecorded, type UploadState } from './upload.state';

export const UPLOAD_EXPIRED_MESSAGE = 'This upload preview has expired: upload the file again.';

export const UPLOAD_INCOMPLETE_MESSAGE =
  'This upload preview was not completely recorded (the service stopped while recording it): upload the file again.';

function recordPreview(command: RecordUploadPreview, state: UploadState): UploadEvent[] {
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This upload was already previewed.');
  const { uploadId, batch } = command;
  return [
    {
      type: 'UploadPreviewed',
      data: {
        uploadId,
        batchId: batch.batchId,
        poolId: batch.poolId,
        organisationId: batch.organisationId,
        cohort: command.cohort,
        totalRows: command.totalRows,
        newCount: command.newCount,
        existingCount: command.existingCount,
        invalidCount: command.invalidCount,
        duplicateCount: command.duplicateCount,
        chunks: command.chunks,
        fileSha256: command.fileSha256,
        ...(command.warnings && command.warnings.length > 0 ? { warnings: [...command.warnings] } : {}),
        previewedAt: command.now,
        expiresAt: command.expiresAt,
      },
    },
  ];
}

/**
 * Chunks are recorded once each, in order, and only as many as the preview announced. The rows go into the events as
 * they are given: no decision looks into them.
 */
export function recordUploadRows<Rows>(
  command: RecordUploadRows<Rows>,
  state: UploadState,
): UploadRowsRecorded<Rows>[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'No upload with this id.');
  const { firstChunk, chunks } = command;
  if (firstChunk !== state.chunksRecorded) {
    throw new ServiceError(
      'CONFLICT',
      `Rows of this upload are recorded up to chunk ${state.chunksRecorded}, not ${firstChunk}.`,
    );
  }
  if (firstChunk + chunks.length > state.preview.chunks) {
    throw new ServiceError('CONFLICT', `This upload has ${state.preview.chunks} chunks of rows.`);
  }
  const { uploadId } = state.preview;
  return chunks.map((rows, offset) => ({
    type: 'UploadRowsRecorded' as const,
    data: { uploadId, chunk: firstChunk + offset, columns: UPLOAD_ROW_COLUMNS, rows },
  }));
}

/** Confirming a confirmed upload is harmless (nothing more is staged); an expired preview is refused. */
function startConfirmation(command: StartUploadConfirmation, state: UploadState): UploadEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'No upload with this id.');
  if (state.status === 'confirmed') return [];
  if (isAtOrAfter(command.now, state.preview.expiresAt))
    throw new ServiceError('BAD_USER_INPUT', UPLOAD_EXPIRED_MESSAGE);
  if (!isCompletelyRecorded(state)) throw new ServiceError('BAD_USER_INPUT', UPLOAD_INCOMPLETE_MESSAGE);
  return [];
}

function completeConfirmation(command: CompleteUploadConfirmation, state: UploadState): UploadEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'No upload with this id.');
  if (state.status === 'confirmed') return [];
  const { type: _type, now, ...counts } = command;
  return [
    { type: 'UploadConfirmed', data: { uploadId: state.preview.uploadId, ...counts, confirmedAt: now } },
  ];
}

/** Stream `upload-<uploadId>`: a bulk upload's preview, kept so that confirming needs no second upload. */
export const uploadDecider: Decider<UploadCommand, UploadEvent, UploadState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RecordUploadPreview':
        return recordPreview(command, state);
      case 'RecordUploadRows':
        return recordUploadRows(command, state);
      case 'StartUploadConfirmation':
        return startConfirmation(command, state);
      case 'CompleteUploadConfirmation':
        return completeConfirmation(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UploadPreviewed':
        return { status: 'previewed', preview: event.data, chunksRecorded: 0, confirmation: null };
      case 'UploadRowsRecorded':
        // The rows are not read here (see UploadState): a chunk is counted without decoding it.
        if (state.status === 'absent') return state;
        return { ...state, chunksRecorded: state.chunksRecorded + 1 };
      case 'UploadConfirmed':
        if (state.status === 'absent') return state;
        return { ...state, status: 'confirmed', confirmation: event.data };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
