import { rm } from 'node:fs/promises';
import { Gateway, tokenOf } from './support/gateway-harness';
import * as op from './support/operations';
import * as lc from './support/lifecycle-operations';

/**
 * Expiry and reminders in real time, with the service's settings in fractions of a day: invitations live
 * INVITATION_TTL_DAYS = 0.0001 days (8.64 s) and are reminded REMINDER_DAYS_BEFORE_EXPIRY = 0.00004 days (3.456 s)
 * before they expire, swept every 0.2 s. One reminder per invitation, with the same link, across a restart too;
 * an expired invitation is in sight (counted, listed), refuses its link, and comes back when extended; a batch's
 * own expiry (whole days) overrides the service's.
 */
describe('expiry and reminders, timed', () => {
  const TTL_MS = 8_640;
  const REMIND_BEFORE_MS = 3_456;
  let gw: Gateway;
  let token: string;
  let batchId: string;
  let inviteeId: string;
  let sentAt: number;

  const env = {
    INVITATION_TTL_DAYS: '0.0001',
    REMINDER_DAYS_BEFORE_EXPIRY: '0.00004',
    EXPIRY_SWEEP_SECONDS: '0.2',
  };
  type Invitee = {
    id: string;
    state: string;
    expiresAt: string;
    invitedAt: string;
    remindedAt: string | null;
  };
  const invitee = async (id: string) =>
    (await gw.ok<{ invitee: Invitee }>(lc.LIFECYCLE_INVITEE, { id }, token)).invitee;
  const reminders = async (id: string) =>
    (await gw.outbox()).filter((m) => m.inviteeId === id && m.kind === 'reminder' && m.channel === 'email');

  beforeAll(async () => {
    gw = await Gateway.start({ env });
    token = await gw.token('org-t', 'tess');
  });
  afterAll(async () => {
    await gw.stop();
    await rm(gw.dataDir, { recursive: true, force: true });
  });

  it('an invitation is reminded once, with the same link, REMINDER_DAYS_BEFORE_EXPIRY before it expires', async () => {
    ({ batchId } = await gw.poolAndBatch(token, 'Timed', 'Now'));
    const staged = await gw.ok<{ stageInvitee: { id: string } }>(
      op.STAGE,
      {
        input: {
          batchId,
          email: 'tim@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Tim',
          lastName: 'Er',
        },
      },
      token,
    );
    inviteeId = staged.stageInvitee.id;
    const sent = await gw.ok<{ sendInvitations: { invited: Invitee[] } }>(
      op.SEND,
      { input: { batchId, inviteeIds: [inviteeId] } },
      token,
    );
    const invited = sent.sendInvitations.invited[0];
    sentAt = Date.parse(invited.invitedAt);
    expect(Date.parse(invited.expiresAt) - sentAt).toBe(TTL_MS);
    const invitation = await gw.waitForMessage((m) => m.inviteeId === inviteeId && m.kind === 'invitation');

    const reminder = await gw.waitForMessage(
      (m) => m.inviteeId === inviteeId && m.kind === 'reminder' && m.channel === 'email',
      1,
      TTL_MS,
    );
    const remindedAfter = Date.parse(reminder.createdAt) - sentAt;
    expect(remindedAfter).toBeGreaterThanOrEqual(TTL_MS - REMIND_BEFORE_MS);
    expect(remindedAfter).toBeLessThan(TTL_MS);
    expect(reminder.acceptUrl).toBe(invitation.acceptUrl);
    const shown = await invitee(inviteeId);
    expect(shown.state).toBe('INVITED');
    expect(Date.parse(shown.remindedAt!) - sentAt).toBeGreaterThanOrEqual(TTL_MS - REMIND_BEFORE_MS);
  });

  it('expires at its time: counted and listed as expired, its link refused', async () => {
    const invitation = await gw.waitForMessage((m) => m.inviteeId === inviteeId && m.kind === 'invitation');
    const deadline = sentAt + TTL_MS + 5_000;
    let state = '';
    while (Date.now() < deadline && state !== 'EXPIRED') {
      state = (await invitee(inviteeId)).state;
      if (state !== 'EXPIRED') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('EXPIRED');
    expect(Date.now()).toBeGreaterThanOrEqual(sentAt + TTL_MS);
    const counts = await gw.ok<{ invitationBatch: { counts: { invited: number; expired: number } } }>(
      lc.BATCH_COUNTS,
      { id: batchId },
      token,
    );
    expect(counts.invitationBatch.counts).toMatchObject({ invited: 0, expired: 1 });
    const listed = await gw.ok<{ invitationBatch: { invitees: { nodes: { id: string }[] } } }>(
      lc.BATCH_INVITEES,
      { id: batchId, states: ['EXPIRED'] },
      token,
    );
    expect(listed.invitationBatch.invitees.nodes.map((n) => n.id)).toEqual([inviteeId]);
    const refused = await gw.graphql(op.ACCEPT, { token: tokenOf(invitation) });
    expect(refused.errors?.[0].message).toContain('not valid');
  });

  it('extending every expired one by states brings it back to Invited; the same link then accepts', async () => {
    const extended = await gw.ok<{ extendInvitations: lc.BulkResult }>(
      lc.EXTEND_MANY,
      { input: { batchId, states: ['EXPIRED'], days: 1 } },
      token,
    );
    expect(extended.extendInvitations).toEqual({ count: 1, skipped: [] });
    const back = await invitee(inviteeId);
    expect(back.state).toBe('INVITED');
    expect(Date.parse(back.expiresAt) - Date.now()).toBeGreaterThan(86_000_000);
    const invitation = await gw.waitForMessage((m) => m.inviteeId === inviteeId && m.kind === 'invitation');
    const accepted = await gw.ok<{ acceptInvitation: { state: string } }>(op.ACCEPT, {
      token: tokenOf(invitation),
    });
    expect(accepted.acceptInvitation.state).toBe('ACCEPTED');
  });

  it("a batch's own expiry, in whole days, overrides the service's", async () => {
    const { createResourcePool: pool } = await gw.ok<{ createResourcePool: { id: string } }>(
      op.CREATE_POOL,
      { name: 'Long' },
      token,
    );
    const { createInvitationBatch: long } = await gw.ok<{ createInvitationBatch: { id: string } }>(
      lc.CREATE_BATCH_WITH_TERMS,
      { input: { poolId: pool.id, name: 'Two days', invitationTtlDays: 2, reminderDaysBeforeExpiry: 0 } },
      token,
    );
    const staged = await gw.ok<{ stageInvitee: { id: string } }>(
      op.STAGE,
      {
        input: {
          batchId: long.id,
          email: 'lou@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Lou',
          lastName: 'Ng',
        },
      },
      token,
    );
    const sent = await gw.ok<{ sendInvitations: { invited: Invitee[] } }>(
      op.SEND,
      { input: { batchId: long.id, all: true } },
      token,
    );
    const invited = sent.sendInvitations.invited[0];
    expect(Date.parse(invited.expiresAt) - Date.parse(invited.invitedAt)).toBe(2 * 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 1_000));
    expect((await invitee(staged.stageInvitee.id)).state).toBe('INVITED');
    expect(await reminders(staged.stageInvitee.id)).toEqual([]);
  });

  it('a restart sends no reminder twice', async () => {
    expect(await reminders(inviteeId)).toHaveLength(1);
    const dataDir = gw.dataDir;
    await gw.stop({ keepData: true });
    gw = await Gateway.start({ dataDir, env });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await reminders(inviteeId)).toHaveLength(1);
  });
});
