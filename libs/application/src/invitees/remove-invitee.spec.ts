import { inviteeStreamId } from '@invitations/domain';
import { adminContext, typesIn, type ApplicationWorld } from '../testing/application-world';
import { invitedWithToken, staged, aWorldWithABatch } from '../testing/scenario';
import { removeInvitee } from './remove-invitee';
import { stageInvitee } from './stage-invitee';
import { ADA } from '../testing/scenario';

describe('removeInvitee', () => {
  let world: ApplicationWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch()));

  it('takes the person out and frees their seat: they can be staged again', async () => {
    const inviteeId = await staged(world, batchId);
    await removeInvitee(world, adminContext(), inviteeId);

    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toEqual([
      'InviteeStaged',
      'InviteeRemoved',
    ]);
    await expect(stageInvitee(world, adminContext(), batchId, ADA)).resolves.toMatchObject({
      inviteeId: expect.any(String),
    });
  });

  it('refuses a person with a pending invitation (revoke first), keeping their seat', async () => {
    const { inviteeId } = await invitedWithToken(world, batchId);
    await expect(removeInvitee(world, adminContext(), inviteeId)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(stageInvitee(world, adminContext(), batchId, ADA)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
