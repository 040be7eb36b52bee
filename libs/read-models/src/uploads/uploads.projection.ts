import type { RecordedEvent } from '@invitations/event-store';
import type { UploadEvent } from '@invitations/domain';
import { positionKey, type Projection, type Recorded } from '../projection/projection';
import type { UploadDoc } from './upload.document';

const STREAM_PREFIX = 'upload-';

/**
 * The upload an event belongs to, from its stream (`upload-<uploadId>`) rather than its data: an
 * UploadRowsRecorded event holds a thousand rows, which reading its data would parse for nothing.
 */
const uploadIdOf = (event: RecordedEvent) => event.streamId.slice(STREAM_PREFIX.length);

function evolve(doc: UploadDoc | null, recorded: RecordedEvent): UploadDoc | null {
  const event = recorded as Recorded<UploadEvent>;
  const _pos = positionKey(event.position);
  switch (event.type) {
    case 'UploadPreviewed': {
      if (doc !== null) return doc;
      const { organisationId, batchId, poolId, totalRows, newCount, existingCount, invalidCount } =
        event.data;
      const { duplicateCount, chunks, previewedAt, expiresAt } = event.data;
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
        chunks,
        chunksRecorded: 0,
        createdAt: previewedAt,
        expiresAt,
        confirmation: null,
        _pos,
      };
    }
    case 'UploadRowsRecorded':
      // Each chunk is recorded once, in order (the decider sees to it); a redelivery is skipped by position.
      return doc && { ...doc, chunksRecorded: doc.chunksRecorded + 1, _pos };
    case 'UploadConfirmed': {
      if (doc === null) return null;
      const { staged, skippedDuplicates, invited, autoAccepted, sendInvitations, confirmedAt } = event.data;
      const confirmation = { staged, skippedDuplicates, invited, autoAccepted, sendInvitations, confirmedAt };
      return { ...doc, confirmation, _pos };
    }
    default:
      return doc;
  }
}

/** `uploads`: one document per upload of a batch, with its counts and whether it was confirmed. */
export const uploadsProjection: Projection<UploadDoc> = {
  name: 'uploads',
  handles: new Set<UploadEvent['type']>(['UploadPreviewed', 'UploadRowsRecorded', 'UploadConfirmed']),
  documentIds: (event) => [uploadIdOf(event)],
  evolve,
};
