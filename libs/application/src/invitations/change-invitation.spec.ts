import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { adminContext, type ApplicationWorld } from '../testing/application-world';
import { invitedWithToken, linkTokenOf, aWorldWithABatch } from '../testing/scenario';
import { acceptInvitation } from './accept-invitation';
import { resendInvitation, revokeInvitation } from './change-invitation';

describe('resending and revoking', () => {
  let world: ApplicationWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch()));

  it('resend replaces the invitation: a new expiry from now, and the old link stops working', async () => {
    const { inviteeId, token } = await invitedWithToken(world, batchId);
    const later = new Date('2025-03-20T09:00:00.000Z');
    await resendInvitation(world, adminContext({ now: later }), inviteeId);

    const { state } = await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider);
    expect(state).toMatchObject({ status: 'INVITED', invitation: { expiresAt: '2025-04-03T09:00:00.000Z' } });
    await expect(acceptInvitation(world, adminContext({ now: later }), token)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // The new link works at once: its token's hash was recorded with the invitation.
    const newToken = await linkTokenOf(world, inviteeId);
    expect(newToken).not.toBe(token);
    await acceptInvitation(world, adminContext({ now: later }), newToken);
  });

  it('revoke makes the link stop working; revoking again is a CONFLICT', async () => {
    const { inviteeId, token } = await invitedWithToken(world, batchId);
    await revokeInvitation(world, adminContext(), inviteeId);

    await expect(acceptInvitation(world, adminContext(), token)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(revokeInvitation(world, adminContext(), inviteeId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it("answers another organisation's invitee as missing", async () => {
    const { inviteeId } = await invitedWithToken(world, batchId);
    const other = adminContext({ organisationId: 'org-b' });
    await expect(resendInvitation(world, other, inviteeId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeInvitation(world, other, inviteeId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
