import type { RecordedEvent } from '@invitations/event-store';
import type { BatchCreated } from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { BatchDoc } from './batch.document';

/** A batch is created once; a document already there has seen its creation. */
function evolve(doc: BatchDoc | null, recorded: RecordedEvent): BatchDoc | null {
  if (doc !== null) return doc;
  const event = recorded as Recorded<BatchCreated>;
  const { batchId, organisationId, poolId, name } = event.data;
  return {
    _id: batchId,
    organisationId,
    poolId,
    name,
    createdAt: createdAt(event),
    _pos: positionKey(event.position),
  };
}

/** `batches`: the invitation batches of each pool. */
export const batchesProjection: Projection<BatchDoc> = {
  name: 'batches',
  handles: new Set<BatchCreated['type']>(['BatchCreated']),
  documentIds: (event) => [(event.data as BatchCreated['data']).batchId],
  evolve,
};
