import type { RecordedEvent } from '@invitations/event-store';
import type { BatchEvent } from '@invitations/domain';
import { createdAt, insertOnce, type Projection, type ProjectionWrite, type Recorded } from './projection';
import type { BatchDoc } from './read-model.docs';

function project(recorded: RecordedEvent): ProjectionWrite[] {
  const event = recorded as Recorded<BatchEvent>;
  if (event.type !== 'BatchCreated') return [];
  const { batchId, organisationId, poolId, name } = event.data;
  const doc: Omit<BatchDoc, '_id' | '_pos'> = { organisationId, poolId, name, createdAt: createdAt(event) };
  return [insertOnce('batches', batchId, event.position, doc)];
}

/** `batches`: the invitation batches of each pool. Their counts come from `invitees`, so they cannot drift. */
export const batchesProjection: Projection = {
  name: 'batches',
  indexes: [{ keys: { organisationId: 1, poolId: 1 }, name: 'organisation_pool' }],
  project,
};
