import type { RecordedEvent } from '@invitations/event-store';
import type { BatchEvent } from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { BatchDoc } from './batch.document';

/** A batch is created once (a document already there has seen its creation), then renamed or given new terms. */
function evolve(doc: BatchDoc | null, recorded: RecordedEvent): BatchDoc | null {
  const event = recorded as Recorded<BatchEvent>;
  if (event.type === 'BatchUpdated') {
    if (doc === null) return null;
    const { name, invitationTtlDays, reminderDaysBeforeExpiry } = event.data;
    return { ...doc, name, invitationTtlDays, reminderDaysBeforeExpiry, _pos: positionKey(event.position) };
  }
  if (doc !== null) return doc;
  const { batchId, organisationId, poolId, name } = event.data;
  return {
    _id: batchId,
    organisationId,
    poolId,
    name,
    createdAt: createdAt(event),
    invitationTtlDays: event.data.invitationTtlDays ?? null,
    reminderDaysBeforeExpiry: event.data.reminderDaysBeforeExpiry ?? null,
    _pos: positionKey(event.position),
  };
}

/** `batches`: the invitation batches of each pool. */
export const batchesProjection: Projection<BatchDoc> = {
  name: 'batches',
  handles: new Set<BatchEvent['type']>(['BatchCreated', 'BatchUpdated']),
  documentIds: (event) => [(event.data as { batchId: string }).batchId],
  evolve,
};
