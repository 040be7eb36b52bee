import { batchDecider, batchStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { createResourcePool } from '../pools/create-resource-pool';
import { adminContext, applicationWorld } from '../testing/application-world';
import { createInvitationBatch } from './create-invitation-batch';

describe('createInvitationBatch', () => {
  it('creates a batch in a pool of the organisation', async () => {
    const world = applicationWorld();
    const { poolId } = await createResourcePool(world, adminContext(), 'Riggers');
    const { batchId } = await createInvitationBatch(world, adminContext(), poolId, 'March intake');

    const { state } = await loadStream(world.store, batchStreamId(batchId), batchDecider);
    expect(state).toMatchObject({ status: 'created', poolId, name: 'March intake', organisationId: 'org-a' });
  });

  it("answers another organisation's pool and a missing one alike: NOT_FOUND", async () => {
    const world = applicationWorld();
    const { poolId } = await createResourcePool(world, adminContext(), 'Riggers');
    const other = adminContext({ organisationId: 'org-b' });

    await expect(createInvitationBatch(world, other, poolId, 'Theirs')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(createInvitationBatch(world, adminContext(), 'no-such-pool', 'X')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Resource pool not found.',
    });
  });
});
