import type { RecordedEvent } from '@invitations/event-store';
import { evolveConfirmationJob, type UploadEvent } from '@invitations/domain';
import { positionKey, type Projection, type Recorded } from '../projection/projection';
import type { UploadDoc } from './upload.document';

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
    case 'UploadConfirmationStarted':
      return { ...doc, status: 'confirming', confirmation: jobAfter(doc, event), _pos };
    case 'UploadConfirmationProgressed':
      if (doc.confirmation === null) return doc;
      return { ...doc, confirmation: jobAfter(doc, event), _pos };
    case 'UploadConfirmed':
      return { ...doc, status: 'confirmed', confirmation: jobAfter(doc, event), _pos };
    case 'UploadConfirmationCancelled': {
      const { cancelledAt } = event.data;
      return { ...doc, status: 'cancelled', confirmation: jobAfter(doc, event), cancelledAt, _pos };
    }
    case 'UploadConfirmationFailed':
      if (doc.confirmation === null) return doc;
      return { ...doc, status: 'previewed', confirmation: jobAfter(doc, event), _pos };
    case 'UploadPreviewCancelled':
      return { ...doc, status: 'cancelled', cancelledAt: event.data.cancelledAt, _pos };
    case 'UploadRowsShredded':
      return { ...doc, rowsShredded: true, _pos };
    default:
      return doc;
  }
}

/** The upload's confirmation job after the event, followed as the upload's decider follows it. */
const jobAfter = (doc: UploadDoc, event: UploadEvent) => evolveConfirmationJob(doc.confirmation, event, doc);

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
