import {
  inviteeDecider,
  inviteeStreamId,
  passportDecider,
  passportStreamId,
  UNUSABLE_TOKEN_MESSAGE,
} from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { adminContext, type ApplicationWorld } from '../testing/application-world';
import { ADA, invitedWithToken, aWorldWithABatch } from '../testing/scenario';
import { acceptInvitation } from './accept-invitation';
import { previewInvitation } from './invitation-preview';

describe('accepting an invitation', () => {
  let world: ApplicationWorld;
  let batchId: string;
  let poolId: string;
  const beforeExpiry = () => adminContext({ now: new Date('2025-03-03T09:00:00.000Z') });

  beforeEach(async () => ({ world, batchId, poolId } = await aWorldWithABatch()));

  it('creates the passport of a NEW person from the staged details, and makes them a member', async () => {
    const { inviteeId, token } = await invitedWithToken(world, batchId);
    const accepted = await acceptInvitation(world, beforeExpiry(), token);

    expect(accepted).toMatchObject({ inviteeId, poolId });
    const { state } = await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider);
    expect(state.status).toBe('ACCEPTED');
    const passportId = (state as { passportId: string }).passportId;
    const { state: passport } = await loadStream(world.store, passportStreamId(passportId), passportDecider);
    expect(passport).toMatchObject({
      status: 'created',
      passport: {
        email: 'ada.lovelace@example.org',
        firstName: 'Ada',
        lastName: 'Lovelace',
        mobile: '+61412345678',
      },
    });
  });

  it('is harmless the second time with the same token, writing nothing', async () => {
    const { token } = await invitedWithToken(world, batchId);
    await acceptInvitation(world, beforeExpiry(), token);
    const again = await acceptInvitation(world, beforeExpiry(), token);
    expect(again.position).toBe(-1n);
  });

  it('refuses an unusable token with the one generic message, before anything is written', async () => {
    const { token } = await invitedWithToken(world, batchId);
    const headBefore = await world.store.headPosition();
    const expired = acceptInvitation(
      world,
      adminContext({ now: new Date('2025-04-01T00:00:00.000Z') }),
      token,
    );

    await expect(expired).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: UNUSABLE_TOKEN_MESSAGE });
    await expect(acceptInvitation(world, beforeExpiry(), 'not-a-token')).rejects.toMatchObject({
      message: UNUSABLE_TOKEN_MESSAGE,
    });
    expect(await world.store.headPosition()).toBe(headBefore);
  });

  it('the accept page shows the pool, the first name and the expiry; and ACCEPTED once accepted', async () => {
    const { token } = await invitedWithToken(world, batchId, { ...ADA, preferredName: 'Addie' });
    const now = new Date('2025-03-03T09:00:00.000Z');

    expect(await previewInvitation(world, token, now)).toEqual({
      organisationName: null,
      poolName: 'Riggers',
      firstName: 'Addie',
      expiresAt: '2025-03-16T09:00:00.000Z',
      state: 'INVITED',
    });
    await acceptInvitation(world, beforeExpiry(), token);
    expect(await previewInvitation(world, token, now)).toMatchObject({ state: 'ACCEPTED' });
    await expect(previewInvitation(world, 'x'.repeat(64), now)).rejects.toMatchObject({
      message: UNUSABLE_TOKEN_MESSAGE,
    });
  });
});
