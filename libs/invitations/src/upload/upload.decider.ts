import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { isAtOrAfter } from '../shared/instants';
import type {
  CompleteUploadConfirmation,
  RecordUploadPreview,
  StartUploadConfirmation,
  UploadCommand,
} from './upload.commands';
import type { UploadEvent } from './upload.events';
import type { UploadState } from './upload.state';

export const UPLOAD_EXPIRED_MESSAGE = 'This upload preview has expired: upload the file again.';

function recordPreview(command: RecordUploadPreview, state: UploadState): UploadEvent[] {
  if (state.status !== 'absent') throw new DomainError('CONFLICT', 'This upload was already previewed.');
  const { uploadId, batch, rows, rowsPerChunk } = command;
  const count = (status: string) =>
    rows.filter((r) => r.duplicateReasons.length === 0 && r.uploadStatus === status).length;
  const chunks: UploadEvent[] = [];
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    chunks.push({
      type: 'UploadRowsRecorded',
      data: { uploadId, chunk: chunks.length, rows: rows.slice(start, start + rowsPerChunk) },
    });
  }
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
        newCount: count('NEW'),
        existingCount: count('EXISTING'),
        invalidCount: count('INVALID'),
        duplicateCount: rows.filter((r) => r.duplicateReasons.length > 0).length,
        chunks: chunks.length,
        previewedAt: command.now,
        expiresAt: command.expiresAt,
      },
    },
    ...chunks,
  ];
}

/** Confirming a confirmed upload is harmless (nothing more is staged); an expired preview is refused. */
function startConfirmation(command: StartUploadConfirmation, state: UploadState): UploadEvent[] {
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', 'No upload with this id.');
  if (state.status === 'confirmed') return [];
  if (isAtOrAfter(command.now, state.preview.expiresAt))
    throw new DomainError('BAD_USER_INPUT', UPLOAD_EXPIRED_MESSAGE);
  return [];
}

function completeConfirmation(command: CompleteUploadConfirmation, state: UploadState): UploadEvent[] {
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', 'No upload with this id.');
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
      case 'StartUploadConfirmation':
        return startConfirmation(command, state);
      case 'CompleteUploadConfirmation':
        return completeConfirmation(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UploadPreviewed':
        return { status: 'previewed', preview: event.data, rows: [], confirmation: null };
      case 'UploadRowsRecorded':
        if (state.status === 'absent') return state;
        return { ...state, rows: state.rows.concat(event.data.rows) };
      case 'UploadConfirmed':
        if (state.status === 'absent') return state;
        return { ...state, status: 'confirmed', confirmation: event.data };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
