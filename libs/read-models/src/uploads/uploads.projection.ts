import type { RecordedEvent } from '@invitations/event-store';
import type { UploadEvent } from '@invitations/domain';
import { positionKey, type Projection, type Recorded } from '../projection/projection';
import type { UploadConfirmationDoc, UploadDoc } from './upload.document';

const STREAM_PREFIX = 'upload-';

/**
 * The upload an event belongs to, from its stream (`upload-<uploadId>`) rather than its data: an
 * UploadRowsRecorded event holds a thousand rows, which reading its data would parse for nothing.
 */
const uploadIdOf = (event: RecordedEvent) => event.streamId.slice(STREAM_PREFIX.length);

function evolve(doc: UploadDoc | null, recorded: RecordedEvent): UploadDoc | null {
  if (recorded.type === 'UploadPreviewed') return doc ?? previewed(recorded as Recorded<UploadEvent>);
  if (doc === null) return null;
  const _pos = positionKey(recorded.position);
  // Each chunk is recorded once, in order (the decider sees to it); a redelivery is skipped by position.
  if (recorded.type === 'UploadRowsRecorded') return { ...doc, chunksRecorded: doc.chunksRecorded + 1, _pos };
  const event = recorded as Recorded<UploadEvent>;
  switch (event.type) {
    case 'UploadConfirmationStarted': {
      const { sendInvitations, total, fromChunk, startedAt } = event.data;
      const earlier = fromChunk > 0 ? doc.confirmation : null;
      const confirmation: UploadConfirmationDoc = {
        state: 'RUNNING',
        sendInvitations,
        total,
        chunksDone: fromChunk,
        staged: earlier?.staged ?? 0,
        skippedDuplicates: earlier?.skippedDuplicates ?? 0,
        invited: earlier?.invited ?? 0,
        autoAccepted: earlier?.autoAccepted ?? 0,
        startedAt,
        finishedAt: null,
      };
      return { ...doc, status: 'confirming', confirmation, _pos };
    }
    case 'UploadConfirmationProgressed': {
      if (doc.confirmation === null) return doc;
      const { chunksDone, staged, skippedDuplicates, invited, autoAccepted } = event.data;
      const counts = { chunksDone, staged, skippedDuplicates, invited, autoAccepted };
      return { ...doc, confirmation: { ...doc.confirmation, ...counts }, _pos };
    }
    case 'UploadConfirmed': {
      const { staged, skippedDuplicates, invited, autoAccepted, sendInvitations, confirmedAt } = event.data;
      const confirmation: UploadConfirmationDoc = {
        // Confirmed inside the request, before confirmations were jobs: no job was started.
        startedAt: doc.confirmation?.startedAt ?? confirmedAt,
        total: doc.confirmation?.total ?? doc.totalRows,
        state: 'DONE',
        sendInvitations,
        chunksDone: doc.chunks,
        staged,
        skippedDuplicates,
        invited,
        autoAccepted,
        finishedAt: confirmedAt,
      };
      return { ...doc, status: 'confirmed', confirmation, _pos };
    }
    case 'UploadConfirmationCancelled': {
      const { cancelledAt } = event.data;
      const confirmation = doc.confirmation && {
        ...doc.confirmation,
        state: 'CANCELLED' as const,
        finishedAt: cancelledAt,
      };
      return { ...doc, status: 'cancelled', confirmation, cancelledAt, _pos };
    }
    case 'UploadConfirmationFailed': {
      if (doc.confirmation === null) return doc;
      const confirmation = { ...doc.confirmation, state: 'FAILED' as const, finishedAt: event.data.failedAt };
      return { ...doc, status: 'previewed', confirmation, _pos };
    }
    case 'UploadPreviewCancelled':
      return { ...doc, status: 'cancelled', cancelledAt: event.data.cancelledAt, _pos };
    case 'UploadRowsShredded':
      return { ...doc, rowsShredded: true, _pos };
    default:
      return doc;
  }
}

function previewed(event: Recorded<UploadEvent>): UploadDoc {
  if (event.type !== 'UploadPreviewed') throw new Error(`not a preview: ${event.type}`);
  const { organisationId, batchId, poolId, totalRows, newCount, existingCount, invalidCount } = event.data;
  const { duplicateCount, chunks, previewedAt, expiresAt, cohort, warnings } = event.data;
  return {
    _id: uploadIdOf(event),
    organisationId,
    batchId,
    poolId,
    totalRows,
    newCount,
    existingCount,
    invalidCount,
    duplicateCount,
    cohort,
    warnings: warnings ?? [],
    chunks,
    chunksRecorded: 0,
    createdAt: previewedAt,
    expiresAt,
    status: 'previewed',
    confirmation: null,
    cancelledAt: null,
    _pos: positionKey(event.position),
  };
}

/** `uploads`: one document per upload of a batch, with its counts and its confirmation job as it goes. */
export const uploadsProjection: Projection<UploadDoc> = {
  name: 'uploads',
  handles: new Set<UploadEvent['type']>([
    'UploadPreviewed',
    'UploadRowsRecorded',
    'UploadConfirmationStarted',
    'UploadConfirmationProgressed',
    'UploadConfirmed',
    'UploadConfirmationCancelled',
    'UploadConfirmationFailed',
    'UploadPreviewCancelled',
    'UploadRowsShredded',
  ]),
  documentIds: (event) => [uploadIdOf(event)],
  evolve,
};
