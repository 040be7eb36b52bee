import { decideByType, ServiceError, type Decider } from '@invitations/kernel';
import {
  cancelUpload,
  completeConfirmation,
  failConfirmation,
  recordProgress,
  shredUploadRows,
  startConfirmation,
} from './confirmation.decisions';
import type { RecordUploadPreview, RecordUploadRows, UploadCommand } from './upload.commands';
import { UPLOAD_ROW_COLUMNS, type UploadEvent, type UploadRowsRecorded } from './upload.events';
import { evolveUpload, initialUploadState } from './upload.evolve';
import type { UploadState } from './upload.state';

export {
  UPLOAD_ALREADY_CONFIRMED_MESSAGE,
  UPLOAD_CANCELLED_MESSAGE,
  UPLOAD_EXPIRED_MESSAGE,
  UPLOAD_INCOMPLETE_MESSAGE,
} from './confirmation.decisions';

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
        ...(command.rowCounts
          ? { rowCounts: command.rowCounts.map((counts) => [...counts] as typeof counts) }
          : {}),
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
  if (state.status === 'cancelled') throw new ServiceError('CONFLICT', 'This upload was cancelled.');
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

/** Stream `upload-<uploadId>`: a bulk upload's preview, kept so that confirming needs no second upload. */
export const uploadDecider: Decider<UploadCommand, UploadEvent, UploadState> = {
  decide: decideByType({
    RecordUploadPreview: recordPreview,
    RecordUploadRows: recordUploadRows,
    StartUploadConfirmation: startConfirmation,
    RecordConfirmationProgress: recordProgress,
    CompleteUploadConfirmation: completeConfirmation,
    FailUploadConfirmation: failConfirmation,
    CancelUpload: cancelUpload,
    ShredUploadRows: shredUploadRows,
  }),
  evolve: evolveUpload,
  initialState: initialUploadState,
};
