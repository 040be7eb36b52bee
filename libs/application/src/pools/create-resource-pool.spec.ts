import { poolStreamId, resourcePoolDecider } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { adminContext, applicationWorld } from '../testing/application-world';
import { createResourcePool } from './create-resource-pool';

describe('createResourcePool', () => {
  it("creates a pool of the admin's organisation, once for a retried command", async () => {
    const world = applicationWorld();
    const context = adminContext();
    const { poolId } = await createResourcePool(world, context, '  Riggers ');
    const again = await createResourcePool(world, context, 'Riggers');

    expect(again.poolId).toBe(poolId);
    const { state, events } = await loadStream(world.store, poolStreamId(poolId), resourcePoolDecider);
    expect(state).toMatchObject({ status: 'created', name: 'Riggers', organisationId: 'org-a' });
    expect(events).toHaveLength(1);
  });

  it('refuses an empty name, naming the field', async () => {
    await expect(createResourcePool(applicationWorld(), adminContext(), '   ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'name', message: 'must not be empty' }],
    });
  });
});
