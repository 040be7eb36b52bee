import { inviteeDecider, inviteeStreamId, poolSeatStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { adminContext, typesIn, type ApplicationWorld } from '../testing/application-world';
import { ADA, staged, aWorldWithABatch } from '../testing/scenario';
import { correctInvitee } from './correct-invitee';

describe('correctInvitee', () => {
  let world: ApplicationWorld;
  let batchId: string;
  let poolId: string;

  beforeEach(async () => ({ world, batchId, poolId } = await aWorldWithABatch()));

  const person = async (inviteeId: string) =>
    (await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider)).state;

  it('changes only the fields given, and moves the seat of a changed email: the new one reserved, the old released', async () => {
    const inviteeId = await staged(world, batchId);
    await correctInvitee(world, adminContext(), inviteeId, { email: 'Ada@Example.org' });

    expect(await person(inviteeId)).toMatchObject({
      person: { email: 'ada@example.org', firstName: 'Ada', mobile: '+61412345678' },
    });
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'email', 'ada@example.org'))).toEqual([
      'PoolSeatReserved',
    ]);
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'email', 'ada.lovelace@example.org'))).toEqual(
      ['PoolSeatReserved', 'PoolSeatReleased'],
    );
  });

  it('clears an optional field given as null', async () => {
    const inviteeId = await staged(world, batchId);
    await correctInvitee(world, adminContext(), inviteeId, { mobile: null });
    expect(await person(inviteeId)).toMatchObject({ person: { mobile: null } });
  });

  it('refuses an email someone else in the pool holds, and changes nothing', async () => {
    const inviteeId = await staged(world, batchId);
    await staged(world, batchId, { ...ADA, email: 'grace@example.org', mobile: null, firstName: 'Grace' });

    const clash = correctInvitee(world, adminContext(), inviteeId, { email: 'grace@example.org' });

    await expect(clash).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await person(inviteeId)).toMatchObject({ person: { email: 'ada.lovelace@example.org' } });
  });

  it("answers another organisation's invitee as a missing one", async () => {
    const inviteeId = await staged(world, batchId);
    const elsewhere = correctInvitee(world, adminContext({ organisationId: 'org-b' }), inviteeId, {
      firstName: 'A',
    });
    await expect(elsewhere).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
