import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { createInvitationBatch } from '../batches/create-invitation-batch';
import { createResourcePool } from '../pools/create-resource-pool';
import { adminContext, typesIn, type ApplicationWorld } from '../testing/application-world';
import {
  ADA,
  invitedWithToken,
  memberInvitedToAnotherPool,
  sendTo,
  staged,
  aWorldWithABatch,
} from '../testing/scenario';
import { sendInvitations } from './send-invitations';

describe('sendInvitations', () => {
  let world: ApplicationWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch()));

  const stateOf = async (inviteeId: string) =>
    (await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider)).state;

  it('invites the people named, with an expiry INVITATION_TTL_DAYS after now and the message', async () => {
    const inviteeId = await staged(world, batchId);
    const context = adminContext();
    const outcome = await sendInvitations(world, context, {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: 'Hi',
    });

    expect(outcome).toMatchObject({ invited: [inviteeId], autoAccepted: [], skipped: [] });
    expect(outcome.position).toBeGreaterThanOrEqual(0n);
    expect(await stateOf(inviteeId)).toMatchObject({
      status: 'INVITED',
      invitation: { message: 'Hi', expiresAt: '2025-03-16T09:00:00.000Z' },
    });
  });

  it('invites everyone in the Uploaded tab with all; the people named again are skipped with the reason', async () => {
    const first = await staged(world, batchId);
    const second = await staged(world, batchId, { ...ADA, email: 'grace@example.org', mobile: null });
    await sendTo(world, batchId, [first]);

    const outcome = await sendInvitations(world, adminContext(), {
      batchId,
      inviteeIds: null,
      all: true,
      message: null,
    });
    expect(outcome.invited).toEqual([second]);
    const again = await sendTo(world, batchId, [first]);
    expect(again.skipped).toEqual([{ inviteeId: first, reason: 'This person is already invited.' }]);
  });

  it('refuses all together with people named: never ambiguous, nothing sent', async () => {
    const first = await staged(world, batchId);
    const second = await staged(world, batchId, { ...ADA, email: 'grace@example.org', mobile: null });

    await expect(
      sendInvitations(world, adminContext(), { batchId, inviteeIds: [first], all: true, message: null }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'inviteeIds' }] });
    expect((await stateOf(first)).status).toBe('UPLOADED');
    expect((await stateOf(second)).status).toBe('UPLOADED');
  });

  it('accepts at once a person already a member of another pool of the organisation', async () => {
    const { inviteeId, token } = await invitedWithToken(world, batchId);
    const { inviteeId: again, sent } = await memberInvitedToAnotherPool(world, token, 'Electricians');

    expect(sent.autoAccepted).toEqual([again]);
    expect(await stateOf(again)).toMatchObject({ status: 'ACCEPTED', autoAccepted: true });
    expect(inviteeId).not.toBe(again);
  });

  it('refuses a message over 2,000 characters before inviting anyone', async () => {
    const inviteeId = await staged(world, batchId);
    const refused = sendTo(world, batchId, [inviteeId], 'x'.repeat(2001));

    await expect(refused).rejects.toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'message' }] });
    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toEqual(['InviteeStaged']);
  });

  it('asks for people when none are named and all is not set', async () => {
    await expect(
      sendInvitations(world, adminContext(), { batchId, inviteeIds: [], all: false, message: null }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'inviteeIds' }] });
  });

  it("skips an invitee of another batch, and answers another organisation's batch as missing", async () => {
    const { poolId } = await createResourcePool(world, adminContext(), 'Other');
    const { batchId: other } = await createInvitationBatch(world, adminContext(), poolId, 'Other');
    const inviteeId = await staged(world, other);

    const outcome = await sendTo(world, batchId, [inviteeId]);
    expect(outcome.skipped).toEqual([{ inviteeId, reason: 'No invitee with this id in this batch.' }]);
    await expect(
      sendInvitations(world, adminContext({ organisationId: 'org-b' }), {
        batchId,
        inviteeIds: [inviteeId],
        all: false,
        message: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
