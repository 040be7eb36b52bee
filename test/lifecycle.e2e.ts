import { Gateway, tokenOf } from './support/gateway-harness';
import { person, sendInvitations, stageInvitee } from './support/invitation-calls';
import * as op from './support/operations';
import * as lc from './support/lifecycle-operations';
import type { OutgoingMessage } from '@invitations/notifications';

/**
 * The invitation lifecycle past "sent", through HTTP as clients use it, for two organisations: named
 * organisations and their terms, renames, declines (the mutation and the accept page's form), Expired, Revoked and
 * Declined people in sight and searchable, every bulk action by ids and by states (refusals of ambiguous input and
 * skipped invitees included), corrections while invited, members listed, removed and invited again, people added at
 * once told so, the identity checked again at sending and at accepting, and organisation B unable to see or act on
 * anything of A's.
 */
describe('the invitation lifecycle past "sent", end to end', () => {
  let gw: Gateway;
  let tokenA: string;
  let tokenB: string;

  type Invitee = {
    id: string;
    state: string;
    email: string;
    uploadStatus: string;
    discrepancies: string[];
    expiresAt: string | null;
    invitedAt: string | null;
    declinedAt: string | null;
    remindedAt: string | null;
  };
  type Counts = Record<
    'uploaded' | 'invalid' | 'invited' | 'accepted' | 'expired' | 'revoked' | 'declined',
    number
  >;
  type Connection = {
    totalCount: number;
    nodes: Invitee[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };

  const stage = (token: string, batchId: string, input: Record<string, unknown>) =>
    stageInvitee<Invitee>(gw, token, { batchId, ...input });
  const send = (token: string, input: Record<string, unknown>) => sendInvitations<Invitee>(gw, token, input);
  const invitee = async (token: string, id: string) =>
    (await gw.ok<{ invitee: Invitee | null }>(lc.LIFECYCLE_INVITEE, { id }, token)).invitee;
  const counts = async (token: string, id: string) =>
    (await gw.ok<{ invitationBatch: { counts: Counts } }>(lc.BATCH_COUNTS, { id }, token)).invitationBatch
      .counts;
  const inStates = async (token: string, id: string, states: string[], search?: string) =>
    (
      await gw.ok<{ invitationBatch: { invitees: Connection } }>(
        lc.BATCH_INVITEES,
        { id, states, search },
        token,
      )
    ).invitationBatch.invitees;
  const bulk = async (document: string, name: string, token: string, input: Record<string, unknown>) =>
    (await gw.ok<Record<string, lc.BulkResult>>(document, { input }, token))[name];
  const messages = async (inviteeId: string, kind?: string) =>
    (await gw.outbox()).filter((m) => m.inviteeId === inviteeId && (kind === undefined || m.kind === kind));
  const emailTo = (inviteeId: string, kind = 'invitation', nth = 1) =>
    gw.waitForMessage((m) => m.inviteeId === inviteeId && m.channel === 'email' && m.kind === kind, nth);
  const acceptPage = async (token: string) => {
    const response = await fetch(`${gw.url}/invitations/accept?token=${encodeURIComponent(token)}`);
    return { status: response.status, html: await response.text() };
  };
  const postForm = async (path: string, token: string) => {
    const response = await fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  const accept = (token: string) => gw.graphql<{ acceptInvitation: { state: string } }>(op.ACCEPT, { token });

  beforeAll(async () => {
    gw = await Gateway.start();
    tokenA = await gw.token('org-a', 'alice');
    tokenB = await gw.token('org-b', 'bob');
  });
  afterAll(() => gw.stop());

  let pool: { id: string };
  let batch: { id: string };

  it('an organisation is named and sets its invitation defaults; a batch overrides them; pools and batches are renamed', async () => {
    expect((await gw.ok<{ organisation: unknown }>(lc.ORGANISATION, {}, tokenA)).organisation).toEqual({
      id: 'org-a',
      name: null,
      invitationTtlDays: 14,
      reminderDaysBeforeExpiry: 3,
    });
    const named = await gw.ok<{ updateOrganisation: unknown }>(
      lc.UPDATE_ORGANISATION,
      { input: { name: ' Acme Rigging ', invitationTtlDays: 10 } },
      tokenA,
    );
    expect(named.updateOrganisation).toEqual({
      id: 'org-a',
      name: 'Acme Rigging',
      invitationTtlDays: 10,
      reminderDaysBeforeExpiry: 3,
    });
    await gw.ok(lc.UPDATE_ORGANISATION, { input: { name: 'Beta Crew' } }, tokenB);
    const refused = await gw.graphql(lc.UPDATE_ORGANISATION, { input: { invitationTtlDays: 0 } }, tokenA);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'invitationTtlDays' }],
    });

    pool = (await gw.ok<{ createResourcePool: { id: string } }>(op.CREATE_POOL, { name: 'Riggers' }, tokenA))
      .createResourcePool;
    const created = await gw.ok<{ createInvitationBatch: { id: string } }>(
      lc.CREATE_BATCH_WITH_TERMS,
      { input: { poolId: pool.id, name: 'March', invitationTtlDays: 30 } },
      tokenA,
    );
    batch = created.createInvitationBatch;
    expect(created.createInvitationBatch).toMatchObject({
      invitationTtlDays: 30,
      reminderDaysBeforeExpiry: 3,
    });
    const updated = await gw.ok<{ updateInvitationBatch: unknown }>(
      lc.UPDATE_BATCH,
      { input: { batchId: batch.id, name: 'March intake', reminderDaysBeforeExpiry: 5 } },
      tokenA,
    );
    expect(updated.updateInvitationBatch).toEqual({
      id: batch.id,
      name: 'March intake',
      invitationTtlDays: 30,
      reminderDaysBeforeExpiry: 5,
    });
    const renamed = await gw.ok<{ updateResourcePool: unknown }>(
      lc.UPDATE_POOL,
      { input: { poolId: pool.id, name: 'Riggers (Perth)' } },
      tokenA,
    );
    expect(renamed.updateResourcePool).toEqual({ id: pool.id, name: 'Riggers (Perth)' });
  });

  let ann: Invitee;
  let ben: Invitee;
  let cat: Invitee;
  let dan: Invitee;

  it("sendInvitations refuses all with inviteeIds; the batch's terms set the expiry; every message names the organisation", async () => {
    ann = await stage(tokenA, batch.id, person('Ann'));
    ben = await stage(tokenA, batch.id, person('Ben', { mobile: '0412 000 001' }));
    cat = await stage(tokenA, batch.id, person('Cat'));
    dan = await stage(tokenA, batch.id, person('Dan'));
    const ambiguous = await gw.graphql(
      op.SEND,
      { input: { batchId: batch.id, all: true, inviteeIds: [ann.id] } },
      tokenA,
    );
    expect(ambiguous.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await counts(tokenA, batch.id)).invited).toBe(0);

    const sent = await send(tokenA, { batchId: batch.id, all: true, message: 'Welcome' });
    expect(sent.invited).toHaveLength(4);
    const invited = sent.invited.find((i) => i.id === ann.id)!;
    expect(Date.parse(invited.expiresAt!) - Date.parse(invited.invitedAt!)).toBe(30 * 86_400_000);

    const email = await emailTo(ann.id);
    expect(email).toMatchObject({ kind: 'invitation', subject: 'You are invited to join Riggers (Perth)' });
    expect(email.body).toContain('Acme Rigging invites you to join the resource pool "Riggers (Perth)"');
    const sms = await gw.waitForMessage((m) => m.inviteeId === ben.id && m.channel === 'sms');
    expect(sms).toMatchObject({ kind: 'invitation', to: '+61412000001' });
    expect(sms.body).toContain('Acme Rigging invites you');
  });

  it('the accept page names the organisation and offers Decline; the form declines, once, and the link stops working', async () => {
    const token = tokenOf(await emailTo(ann.id));
    const page = await acceptPage(token);
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      'Acme Rigging invites you to join the resource pool <strong>Riggers (Perth)</strong>',
    );
    expect(page.html).toContain('action="/invitations/decline"');
    expect(
      (await gw.ok<{ invitationByToken: { organisationName: string } }>(op.BY_TOKEN, { token }))
        .invitationByToken.organisationName,
    ).toBe('Acme Rigging');

    const declined = await postForm('/invitations/decline', token);
    expect(declined.status).toBe(200);
    expect(declined.html).toContain('You have declined');
    expect((await postForm('/invitations/decline', token)).status).toBe(200);
    const accepting = await accept(token);
    expect(accepting.errors?.[0].message).toContain('This invitation link is not valid');
    expect((await postForm('/invitations/decline', 'x'.repeat(64))).html).toContain(
      'This invitation link is not valid',
    );
    expect(await invitee(tokenA, ann.id)).toMatchObject({
      state: 'DECLINED',
      declinedAt: expect.any(String),
    });
  });

  it('declineInvitation (the mutation) declines too; the Declined, Revoked and Expired are counted and listed', async () => {
    const token = tokenOf(await emailTo(ben.id));
    const declined = await gw.ok<{ declineInvitation: unknown }>(lc.DECLINE, { token });
    expect(declined.declineInvitation).toEqual({ inviteeId: ben.id, poolId: pool.id, state: 'DECLINED' });
    expect((await gw.ok<{ declineInvitation: unknown }>(lc.DECLINE, { token })).declineInvitation).toEqual(
      declined.declineInvitation,
    );
    const unusable = await gw.graphql(lc.DECLINE, { token: 'y'.repeat(64) });
    expect(unusable.errors?.[0].message).toContain('This invitation link is not valid');

    expect(await counts(tokenA, batch.id)).toEqual({
      uploaded: 0,
      invalid: 0,
      invited: 2,
      accepted: 0,
      expired: 0,
      revoked: 0,
      declined: 2,
    });
    const listed = await inStates(tokenA, batch.id, ['DECLINED']);
    expect(listed.nodes.map((n) => n.id).sort()).toEqual([ann.id, ben.id].sort());
    expect((await inStates(tokenA, batch.id, ['DECLINED'], 'ben')).nodes.map((n) => n.id)).toEqual([ben.id]);
    const search = await gw.ok<{ searchInvitees: Connection }>(lc.SEARCH, { search: 'Tester' }, tokenA);
    expect(search.searchInvitees.totalCount).toBe(4);
    const declinedOnly = await gw.ok<{ searchInvitees: Connection }>(
      lc.SEARCH,
      { search: 'tester', states: ['DECLINED'] },
      tokenA,
    );
    expect(declinedOnly.searchInvitees.nodes.map((n) => n.id).sort()).toEqual([ann.id, ben.id].sort());
  });

  it('bulk actions refuse ambiguous input: ids and states together, or neither', async () => {
    for (const [document, name] of [
      [lc.RESEND_MANY, 'resendInvitations'],
      [lc.REVOKE_MANY, 'revokeInvitations'],
      [lc.REMIND_MANY, 'sendReminders'],
    ] as const) {
      const both = await gw.graphql(
        document,
        { input: { batchId: batch.id, inviteeIds: [cat.id], states: ['INVITED'] } },
        tokenA,
      );
      expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const neither = await gw.graphql(document, { input: { batchId: batch.id } }, tokenA);
      expect(neither.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(name).toBeTruthy();
    }
    const extendBoth = await gw.graphql(
      lc.EXTEND_MANY,
      { input: { batchId: batch.id, inviteeIds: [cat.id], states: ['INVITED'], days: 3 } },
      tokenA,
    );
    expect(extendBoth.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await invitee(tokenA, cat.id)).toMatchObject({ state: 'INVITED', remindedAt: null });
  });

  it('sendReminders by ids: the same link, remindedAt set; skipped ones with their reason; safe to repeat', async () => {
    const invitation = await emailTo(cat.id);
    const headers = { 'idempotency-key': 'remind-cat-once' };
    const input = { batchId: batch.id, inviteeIds: [cat.id, ann.id], message: 'Closing soon' };
    const first = await gw.graphql<{ sendReminders: lc.BulkResult }>(
      lc.REMIND_MANY,
      { input },
      tokenA,
      headers,
    );
    expect(first.data?.sendReminders).toEqual({
      count: 1,
      skipped: [{ inviteeId: ann.id, reason: 'This person declined the invitation.' }],
    });
    const again = await gw.graphql<{ sendReminders: lc.BulkResult }>(
      lc.REMIND_MANY,
      { input },
      tokenA,
      headers,
    );
    expect(again.data).toEqual(first.data);
    const reminder = await emailTo(cat.id, 'reminder');
    expect(reminder.acceptUrl).toBe(invitation.acceptUrl);
    expect(reminder.body).toContain('Closing soon');
    expect(reminder.subject).toContain('Reminder');
    expect((await invitee(tokenA, cat.id))!.remindedAt).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await messages(cat.id, 'reminder')).toHaveLength(1);
  });

  it('extendInvitations by ids: the same link, the expiry pushed out; skipped ones say why', async () => {
    const before = (await invitee(tokenA, cat.id))!;
    const extended = await bulk(lc.EXTEND_MANY, 'extendInvitations', tokenA, {
      batchId: batch.id,
      inviteeIds: [cat.id, ben.id],
      days: 7,
    });
    expect(extended).toEqual({
      count: 1,
      skipped: [{ inviteeId: ben.id, reason: 'This person declined the invitation.' }],
    });
    const after = (await invitee(tokenA, cat.id))!;
    expect(Date.parse(after.expiresAt!) - Date.parse(before.expiresAt!)).toBe(7 * 86_400_000);
    const notice = await emailTo(cat.id, 'invitation', 2);
    expect(notice.acceptUrl).toBe((await emailTo(cat.id)).acceptUrl);
    expect(notice.body).toContain('extended');
  });

  it('resendInvitations by ids: new links (the old ones stop working) and a renewed expiry', async () => {
    const old = tokenOf(await emailTo(dan.id));
    const resent = await bulk(lc.RESEND_MANY, 'resendInvitations', tokenA, {
      batchId: batch.id,
      inviteeIds: [dan.id, 'no-such-invitee'],
    });
    expect(resent.count).toBe(1);
    expect(resent.skipped).toEqual([{ inviteeId: 'no-such-invitee', reason: 'No invitee with this id.' }]);
    const fresh = await gw.waitForMessage(
      (m) => m.inviteeId === dan.id && m.channel === 'email' && tokenOf(m) !== old,
    );
    expect((await accept(old)).errors?.[0].message).toContain('not valid');
    expect((await acceptPage(tokenOf(fresh))).status).toBe(200);
  });

  it('revokeInvitations by states: every invited person of the batch; then resend by states brings them back', async () => {
    const revoked = await bulk(lc.REVOKE_MANY, 'revokeInvitations', tokenA, {
      batchId: batch.id,
      states: ['INVITED'],
    });
    expect(revoked).toEqual({ count: 2, skipped: [] });
    expect(await counts(tokenA, batch.id)).toMatchObject({ invited: 0, revoked: 2, declined: 2 });
    const reminders = await bulk(lc.REMIND_MANY, 'sendReminders', tokenA, {
      batchId: batch.id,
      states: ['REVOKED'],
    });
    expect(reminders.count).toBe(0);
    expect(reminders.skipped.map((s) => s.reason)).toEqual([
      "This person's invitation was revoked: resend it instead.",
      "This person's invitation was revoked: resend it instead.",
    ]);
    const resent = await bulk(lc.RESEND_MANY, 'resendInvitations', tokenA, {
      batchId: batch.id,
      states: ['REVOKED'],
    });
    expect(resent).toEqual({ count: 2, skipped: [] });
    expect(await counts(tokenA, batch.id)).toMatchObject({ invited: 2, revoked: 0 });
  });

  it('correcting the email of an invited person voids the old link and invites the new address', async () => {
    const before = await gw.waitForMessage(
      (m) => m.inviteeId === cat.id && m.channel === 'email' && m.kind === 'invitation',
      3,
    );
    const corrected = await gw.ok<{ correctInvitee: Invitee }>(
      op.CORRECT,
      { input: { inviteeId: cat.id, email: 'cat.new@example.com' } },
      tokenA,
    );
    expect(corrected.correctInvitee).toMatchObject({ state: 'INVITED', email: 'cat.new@example.com' });
    const fresh = await gw.waitForMessage((m) => m.inviteeId === cat.id && m.to === 'cat.new@example.com');
    expect(tokenOf(fresh)).not.toBe(tokenOf(before));
    expect((await accept(tokenOf(before))).errors?.[0].message).toContain('not valid');
    const accepted = await gw.ok<{ acceptInvitation: { state: string } }>(op.ACCEPT, {
      token: tokenOf(fresh),
    });
    expect(accepted.acceptInvitation.state).toBe('ACCEPTED');
  });

  type Member = { id: string; email: string; firstName: string; joinedAt: string; inviteeId: string };
  const members = async (token: string, id: string, search?: string) =>
    (
      await gw.ok<{
        resourcePool: { memberCount: number; members: { totalCount: number; nodes: Member[] } } | null;
      }>(lc.MEMBERS, { id, search }, token)
    ).resourcePool;

  it('a pool lists its members (searchable); a member added to another pool at once is told so', async () => {
    const listed = await members(tokenA, pool.id);
    expect(listed).toMatchObject({ memberCount: 1, members: { totalCount: 1 } });
    expect(listed!.members.nodes[0]).toMatchObject({
      email: 'cat.new@example.com',
      firstName: 'Cat',
      inviteeId: cat.id,
    });
    expect((await members(tokenA, pool.id, 'nobody'))!.members.totalCount).toBe(0);

    const otherPool = await gw.poolAndBatch(tokenA, 'Crane crew', 'April');
    const again = await stage(tokenA, otherPool.batchId, person('Cat', { email: 'cat.new@example.com' }));
    expect(again.uploadStatus).toBe('EXISTING');
    const sent = await send(tokenA, { batchId: otherPool.batchId, inviteeIds: [again.id] });
    expect(sent.autoAccepted.map((i) => i.id)).toEqual([again.id]);
    const added = await gw.waitForMessage((m) => m.inviteeId === again.id && m.kind === 'added-to-pool');
    expect(added).toMatchObject({
      channel: 'email',
      to: 'cat.new@example.com',
      subject: 'You have been added to Crane crew',
    });
    expect(added.body).toContain('Acme Rigging has added you');
    expect(added.acceptUrl).toBeUndefined();
  });

  it('removeMember takes the member out (the passport stays); they can be invited into the pool again', async () => {
    const member = (await members(tokenA, pool.id))!.members.nodes[0];
    const removed = await gw.ok<{ removeMember: { memberCount: number } }>(
      lc.REMOVE_MEMBER,
      { input: { poolId: pool.id, memberId: member.id } },
      tokenA,
    );
    expect(removed.removeMember.memberCount).toBe(0);
    expect((await members(tokenA, pool.id))!.members.totalCount).toBe(0);
    const check = await gw.ok<{ checkPersonnel: { passportExists: boolean } }>(
      op.CHECK,
      { email: 'cat.new@example.com', dob: '1990-05-01' },
      tokenA,
    );
    expect(check.checkPersonnel.passportExists).toBe(true);

    const back = await stage(tokenA, batch.id, person('Cat', { email: 'cat.new@example.com' }));
    expect(back).toMatchObject({ state: 'UPLOADED', uploadStatus: 'EXISTING' });
    const sent = await send(tokenA, { batchId: batch.id, inviteeIds: [back.id] });
    // Still a member of the other pool of the organisation: accepted at once.
    expect(sent.autoAccepted.map((i) => i.id)).toEqual([back.id]);
    expect((await members(tokenA, pool.id))!.members.nodes.map((m) => m.inviteeId)).toEqual([back.id]);
  });

  it('B4: staged NEW twice with different dates of birth; accepting the second is refused and shows INVALID', async () => {
    const poolX = await gw.poolAndBatch(tokenA, 'Pool X', 'X1');
    const poolY = await gw.poolAndBatch(tokenB, 'Pool Y', 'Y1');
    const inX = await stage(tokenA, poolX.batchId, person('Eve', { dateOfBirth: '1980-01-01' }));
    const inY = await stage(tokenB, poolY.batchId, person('Eve', { dateOfBirth: '1981-01-01' }));
    expect([inX.uploadStatus, inY.uploadStatus]).toEqual(['NEW', 'NEW']);
    await send(tokenA, { batchId: poolX.batchId, inviteeIds: [inX.id] });
    await send(tokenB, { batchId: poolY.batchId, inviteeIds: [inY.id] });
    const tokenX = tokenOf(await emailTo(inX.id));
    const tokenY = tokenOf(await emailTo(inY.id));
    expect((await accept(tokenX)).data?.acceptInvitation.state).toBe('ACCEPTED');

    const refused = await accept(tokenY);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('do not match the Skills Passport');
    expect(refused.errors?.[0].message).not.toContain('1980');
    const page = await postForm('/invitations/accept', tokenY);
    expect(page.status).toBe(400);
    expect(page.html).toContain('do not match the Skills Passport');
    expect(await invitee(tokenB, inY.id)).toMatchObject({
      state: 'INVITED',
      uploadStatus: 'INVALID',
      discrepancies: ['DATE_OF_BIRTH'],
    });

    // At sending too: a NEW person staged before the passport existed is compared again, and skipped.
    const poolZ = await gw.poolAndBatch(tokenB, 'Pool Z', 'Z1');
    const stagedEarlier = await stage(tokenB, poolZ.batchId, person('Fay', { dateOfBirth: '1970-01-01' }));
    const poolF = await gw.poolAndBatch(tokenA, 'Pool F', 'F1');
    const fay = await stage(tokenA, poolF.batchId, person('Fay', { dateOfBirth: '1971-01-01' }));
    await send(tokenA, { batchId: poolF.batchId, inviteeIds: [fay.id] });
    await accept(tokenOf(await emailTo(fay.id)));
    const skipped = await send(tokenB, { batchId: poolZ.batchId, inviteeIds: [stagedEarlier.id] });
    expect(skipped.invited).toEqual([]);
    expect(skipped.skipped[0].reason).toContain('DATE_OF_BIRTH');
    expect(await invitee(tokenB, stagedEarlier.id)).toMatchObject({
      state: 'UPLOADED',
      uploadStatus: 'INVALID',
      discrepancies: ['DATE_OF_BIRTH'],
    });
  });

  it("organisation B can neither see nor act on any of A's invitees, pools or batches: NOT_FOUND", async () => {
    const input = { batchId: batch.id, inviteeIds: [dan.id] };
    for (const [document, name] of [
      [lc.RESEND_MANY, 'resendInvitations'],
      [lc.REVOKE_MANY, 'revokeInvitations'],
      [lc.REMIND_MANY, 'sendReminders'],
    ] as const) {
      const result = await gw.graphql(document, { input }, tokenB);
      expect({ name, code: result.errors?.[0].extensions?.code }).toEqual({ name, code: 'NOT_FOUND' });
    }
    const extend = await gw.graphql(lc.EXTEND_MANY, { input: { ...input, days: 3 } }, tokenB);
    expect(extend.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownBatch = await gw.poolAndBatch(tokenB, 'B pool', 'B batch');
    const acrossBatches = await bulk(lc.REVOKE_MANY, 'revokeInvitations', tokenB, {
      batchId: ownBatch.batchId,
      inviteeIds: [dan.id],
    });
    expect(acrossBatches).toEqual({
      count: 0,
      skipped: [{ inviteeId: dan.id, reason: 'No invitee with this id.' }],
    });
    expect((await invitee(tokenA, dan.id))!.state).toBe('INVITED');

    const member = (await members(tokenA, pool.id))!.members.nodes[0];
    const remove = await gw.graphql(
      lc.REMOVE_MEMBER,
      { input: { poolId: pool.id, memberId: member.id } },
      tokenB,
    );
    expect(remove.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const removeInOwn = await gw.graphql(
      lc.REMOVE_MEMBER,
      { input: { poolId: ownBatch.poolId, memberId: member.id } },
      tokenB,
    );
    expect(removeInOwn.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await members(tokenA, pool.id))!.memberCount).toBe(1);
    expect(await members(tokenB, pool.id)).toBeNull();

    const renamePool = await gw.graphql(lc.UPDATE_POOL, { input: { poolId: pool.id, name: 'Mine' } }, tokenB);
    expect(renamePool.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const renameBatch = await gw.graphql(
      lc.UPDATE_BATCH,
      { input: { batchId: batch.id, name: 'Mine' } },
      tokenB,
    );
    expect(renameBatch.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const search = await gw.ok<{ searchInvitees: Connection }>(lc.SEARCH, { search: 'tester' }, tokenB);
    expect(search.searchInvitees.nodes.every((n) => ![ann.id, ben.id, cat.id, dan.id].includes(n.id))).toBe(
      true,
    );
    const theirs = await gw.ok<{ invitationBatch: null }>(
      lc.BATCH_INVITEES,
      { id: batch.id, states: ['DECLINED'] },
      tokenB,
    );
    expect(theirs.invitationBatch).toBeNull();
    expect(
      (await gw.ok<{ organisation: { name: string } }>(lc.ORGANISATION, {}, tokenB)).organisation.name,
    ).toBe('Beta Crew');
  });
});

export type { OutgoingMessage };
