import { adminContext, type ApplicationWorld } from '../testing/application-world';
import { sendInvitations } from '../invitations/send-invitations';
import { invitedWithToken, staged, aWorldWithABatch } from '../testing/scenario';
import { auditRecord } from './audit-record';
import { inviteePastInOrganisation, inviteeStateFrom } from './invitee-history';

describe("an invitee's history and state as of an instant", () => {
  let world: ApplicationWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch()));

  it('lists every change from the log, with the secret token hash redacted', async () => {
    const { inviteeId } = await invitedWithToken(world, batchId);
    const events = await inviteePastInOrganisation(world.store, 'org-a', inviteeId, null);

    expect(events.map((event) => event.type)).toEqual(['InviteeStaged', 'InvitationSent']);
    expect((events[1].data as { tokenHash?: string }).tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const sent = auditRecord(events[1]);
    expect(sent).toMatchObject({ type: 'InvitationSent', data: { tokenHash: '[redacted]' } });
    expect(JSON.stringify(sent)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('folds the state as it stood at an instant: only events recorded at or before it', async () => {
    const inviteeId = await staged(world, batchId);
    const sentAt = new Date('2025-03-05T09:00:00.000Z');
    await sendInvitations(world, adminContext({ now: sentAt }), {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: null,
    });
    const all = await inviteePastInOrganisation(world.store, 'org-a', inviteeId, null);
    const stagedAt = new Date(all[0].metadata.timestamp);
    expect(stagedAt.getTime()).toBeLessThan(sentAt.getTime());

    const past = await inviteePastInOrganisation(world.store, 'org-a', inviteeId, stagedAt);
    expect(inviteeStateFrom(past)).toMatchObject({ status: 'UPLOADED' });
    expect(inviteeStateFrom(all)).toMatchObject({ status: 'INVITED' });
  });

  it("answers another organisation's invitee, and one never staged, as missing", async () => {
    const { inviteeId } = await invitedWithToken(world, batchId);
    await expect(inviteePastInOrganisation(world.store, 'org-b', inviteeId, null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(inviteePastInOrganisation(world.store, 'org-a', 'nobody', null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(adminContext().organisationId).toBe('org-a');
  });
});
