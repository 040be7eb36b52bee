import type { RecordedEvent } from '@invitations/event-store';
import type { ResourcePoolEvent } from '@invitations/domain';
import { createdAt, insertOnce, type Projection, type ProjectionWrite, type Recorded } from './projection';
import type { PoolDoc } from './read-model.docs';

function project(recorded: RecordedEvent): ProjectionWrite[] {
  const event = recorded as Recorded<ResourcePoolEvent>;
  if (event.type !== 'ResourcePoolCreated') return [];
  const { poolId, organisationId, name } = event.data;
  const doc: Omit<PoolDoc, '_id' | '_pos'> = { organisationId, name, createdAt: createdAt(event) };
  return [insertOnce('pools', poolId, event.position, doc)];
}

/** `pools`: the resource pools of each organisation. */
export const poolsProjection: Projection = {
  name: 'pools',
  indexes: [{ keys: { organisationId: 1 }, name: 'organisation' }],
  project,
};
