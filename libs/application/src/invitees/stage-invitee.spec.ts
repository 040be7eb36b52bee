import { ServiceError } from '@invitations/kernel';
import { inviteeDecider, inviteeStreamId, poolSeatStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { adminContext, typesIn, type ApplicationWorld } from '../testing/application-world';
import { ADA, aWorldWithABatch } from '../testing/scenario';
import { stageInvitee } from './stage-invitee';

describe('stageInvitee', () => {
  let world: ApplicationWorld;
  let batchId: string;
  let poolId: string;

  beforeEach(async () => ({ world, batchId, poolId } = await aWorldWithABatch()));

  it('stages a person without a passport as NEW, normalised, holding their seat in the pool by email and mobile', async () => {
    const { inviteeId, position } = await stageInvitee(world, adminContext(), batchId, ADA);

    const { state } = await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider);
    expect(state).toMatchObject({
      status: 'UPLOADED',
      uploadStatus: 'NEW',
      person: { email: 'ada.lovelace@example.org', mobile: '+61412345678' },
    });
    expect(position).toBeGreaterThanOrEqual(0n);
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'email', 'ada.lovelace@example.org'))).toEqual(
      ['PoolSeatReserved'],
    );
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'mobile', '+61412345678'))).toEqual([
      'PoolSeatReserved',
    ]);
  });

  it('refuses a person without a passport and without names before reserving any seat', async () => {
    const refused = stageInvitee(world, adminContext(), batchId, { ...ADA, lastName: ' ' });

    await expect(refused).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'lastName', message: 'is required for a person without a Skills Passport' }],
    });
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'email', 'ada.lovelace@example.org'))).toEqual(
      [],
    );
  });

  it('lists every invalid field at once', async () => {
    const refused = stageInvitee(world, adminContext(), batchId, { email: 'no', dateOfBirth: '31/02/1990' });
    const error = (await refused.catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.errors.map((e) => e.field)).toEqual(['email', 'dateOfBirth']);
  });

  it('refuses the same person in the same pool again with CONFLICT', async () => {
    await stageInvitee(world, adminContext(), batchId, ADA);
    await expect(stageInvitee(world, adminContext(), batchId, ADA)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('releases the seats it reserved when a later one is taken (a mobile held by someone else)', async () => {
    await stageInvitee(world, adminContext(), batchId, ADA);
    const other = { ...ADA, email: 'grace.hopper@example.org', firstName: 'Grace', lastName: 'Hopper' };

    await expect(stageInvitee(world, adminContext(), batchId, other)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await typesIn(world.store, poolSeatStreamId(poolId, 'email', 'grace.hopper@example.org'))).toEqual(
      ['PoolSeatReserved', 'PoolSeatReleased'],
    );
  });

  it('applies a retried command once: the same invitee, one staging', async () => {
    const context = adminContext();
    const first = await stageInvitee(world, context, batchId, ADA);
    const retried = await stageInvitee(world, context, batchId, ADA);

    expect(retried.inviteeId).toBe(first.inviteeId);
    expect(await typesIn(world.store, inviteeStreamId(first.inviteeId))).toEqual(['InviteeStaged']);
  });

  it("answers another organisation's batch as a missing one", async () => {
    const elsewhere = stageInvitee(world, adminContext({ organisationId: 'org-b' }), batchId, ADA);
    await expect(elsewhere).rejects.toBeInstanceOf(ServiceError);
    await expect(elsewhere).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
