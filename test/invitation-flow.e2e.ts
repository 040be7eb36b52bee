import { Gateway, tokenOf } from './support/gateway-harness';
import { person, sendInvitations, stageInvitee } from './support/invitation-calls';
import * as op from './support/operations';

/**
 * The whole workflow of DOMAIN.md, through HTTP as a GraphQL client would, across two organisations:
 * A invites a new person who accepts (a passport now exists); B finds them EXISTING, then INVALID in another pool,
 * corrects, invites and sees them accept, after which inviting them into B's other pool accepts them at once;
 * resend, revoke and expiry; the tabs and counts after every step; isolation; history and as-of.
 */
describe('the invitation workflow, end to end', () => {
  let gw: Gateway;
  let tokenA: string;
  let tokenB: string;

  const alex = {
    email: 'Alex.Nguyen@Example.com ',
    dateOfBirth: '1991-03-14',
    firstName: 'Alex',
    middleNames: 'Thị',
    lastName: 'Nguyễn',
    preferredName: 'Al',
    mobile: '0412 345 678',
    jobRole: 'Rigger',
  };

  type Invitee = {
    id: string;
    state: string;
    uploadStatus: string;
    discrepancies: string[];
    autoAccepted: boolean;
    expiresAt: string | null;
  };
  type Counts = { uploaded: number; invalid: number; invited: number; accepted: number };

  const counts = async (batchId: string, token: string): Promise<Counts> =>
    (await gw.ok<{ invitationBatch: { counts: Counts } }>(op.BATCH, { id: batchId, first: 50 }, token))
      .invitationBatch.counts;

  const stage = (token: string, input: Record<string, unknown>) => stageInvitee<Invitee>(gw, token, input);

  const send = (token: string, input: Record<string, unknown>) => sendInvitations<Invitee>(gw, token, input);

  /** The n-th email sent to the invitee. */
  const emailTo = (inviteeId: string, nth = 1) =>
    gw.waitForMessage((m) => m.inviteeId === inviteeId && m.channel === 'email', nth);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    gw = await Gateway.start();
    tokenA = await gw.token('org-a', 'alice');
    tokenB = await gw.token('org-b', 'bob');
  });
  afterAll(() => gw.stop());

  let a: { poolId: string; batchId: string };
  let alexInA: Invitee;
  let b1: { poolId: string; batchId: string };
  let b2: { poolId: string; batchId: string };
  let alexInB1: Invitee;
  let alexInB2: Invitee;
  let stagedInB1At: string;

  /** A new person staged in B's first batch and invited alone: them, and the token of their invitation email. */
  const invitedAloneInB1 = async (details: Record<string, unknown>) => {
    const invitee = await stage(tokenB, { batchId: b1.batchId, ...details });
    await send(tokenB, { batchId: b1.batchId, inviteeIds: [invitee.id] });
    return { invitee, token: tokenOf(await emailTo(invitee.id)) };
  };

  it('A stages a new person: no passport, NEW, in the Uploaded tab', async () => {
    a = await gw.poolAndBatch(tokenA, 'Riggers', 'March intake');
    expect(
      (
        await gw.ok<{ checkPersonnel: { passportExists: boolean } }>(
          op.CHECK,
          { email: alex.email, dob: alex.dateOfBirth },
          tokenA,
        )
      ).checkPersonnel,
    ).toEqual({
      passportExists: false,
    });
    alexInA = await stage(tokenA, { batchId: a.batchId, ...alex });
    expect(alexInA).toMatchObject({
      state: 'UPLOADED',
      uploadStatus: 'NEW',
      discrepancies: [],
      autoAccepted: false,
    });
    expect(alexInA).toMatchObject({ email: 'alex.nguyen@example.com', mobile: '+61412345678' });
    expect(await counts(a.batchId, tokenA)).toEqual({ uploaded: 1, invalid: 0, invited: 0, accepted: 0 });
  });

  it('A invites everyone invitable; the person gets an email and a text message with a one-time link', async () => {
    const sent = await send(tokenA, { batchId: a.batchId, all: true, message: 'Welcome aboard' });
    expect(sent.invited.map((i) => i.id)).toEqual([alexInA.id]);
    const invited = sent.invited[0] as Invitee & { invitedAt: string };
    expect(invited.state).toBe('INVITED');
    expect(Math.abs(Date.parse(invited.invitedAt) - Date.now())).toBeLessThan(60_000);
    expect(Date.parse(invited.expiresAt!) - Date.parse(invited.invitedAt)).toBe(14 * 86_400_000);
    expect(await counts(a.batchId, tokenA)).toEqual({ uploaded: 0, invalid: 0, invited: 1, accepted: 0 });

    const email = await emailTo(alexInA.id);
    const sms = await gw.waitForMessage((m) => m.inviteeId === alexInA.id && m.channel === 'sms');
    expect(email).toMatchObject({
      to: 'alex.nguyen@example.com',
      subject: 'You are invited to join Riggers',
    });
    expect(email.body).toContain('Welcome aboard');
    expect(email.acceptUrl).toMatch(
      /^https:\/\/invitations\.example\.test\/invitations\/accept\?token=[A-Za-z0-9_-]{64}$/,
    );
    expect(sms).toMatchObject({ to: '+61412345678', acceptUrl: email.acceptUrl });
    expect(tokenOf(email)).toHaveLength(64);
  });

  it('the invitee previews and accepts; accepting twice is harmless; a passport now exists', async () => {
    const token = tokenOf(await emailTo(alexInA.id));
    const preview = await gw.ok<{ invitationByToken: Record<string, unknown> }>(op.BY_TOKEN, { token });
    expect(preview.invitationByToken).toMatchObject({
      poolName: 'Riggers',
      firstName: 'Al',
      state: 'INVITED',
    });

    const accepted = await gw.ok<{ acceptInvitation: unknown }>(op.ACCEPT, { token });
    expect(accepted.acceptInvitation).toEqual({ inviteeId: alexInA.id, poolId: a.poolId, state: 'ACCEPTED' });
    const again = await gw.ok<{ acceptInvitation: unknown }>(op.ACCEPT, { token });
    expect(again.acceptInvitation).toEqual(accepted.acceptInvitation);

    expect(await counts(a.batchId, tokenA)).toEqual({ uploaded: 0, invalid: 0, invited: 0, accepted: 1 });
    const pool = await gw.ok<{ resourcePool: { memberCount: number } }>(op.POOL, { id: a.poolId }, tokenA);
    expect(pool.resourcePool.memberCount).toBe(1);
    const check = await gw.ok<{ checkPersonnel: { passportExists: boolean } }>(
      op.CHECK,
      { email: 'alex.nguyen@example.com', dob: '1991-03-14' },
      tokenB,
    );
    expect(check.checkPersonnel.passportExists).toBe(true);
  });

  it('B stages the same person: EXISTING; into another pool with another date of birth: INVALID, the field named', async () => {
    b1 = await gw.poolAndBatch(tokenB, 'Scaffolders', 'Batch one');
    b2 = await gw.poolAndBatch(tokenB, 'Crane crew', 'Batch two');
    alexInB1 = await stage(tokenB, {
      batchId: b1.batchId,
      email: 'ALEX.NGUYEN@example.com',
      dateOfBirth: '1991-03-14',
      mobile: '+61 412 345 678',
    });
    await pause(30);
    stagedInB1At = new Date().toISOString();
    await pause(30);
    expect(alexInB1).toMatchObject({ uploadStatus: 'EXISTING', discrepancies: [], state: 'UPLOADED' });

    alexInB2 = await stage(tokenB, {
      batchId: b2.batchId,
      email: 'alex.nguyen@example.com',
      dateOfBirth: '1991-04-14',
    });
    expect(alexInB2).toMatchObject({
      uploadStatus: 'INVALID',
      discrepancies: ['DATE_OF_BIRTH'],
      dateOfBirth: '1991-04-14',
    });
    expect(JSON.stringify(alexInB2)).not.toContain('1991-03-14');
    expect(await counts(b2.batchId, tokenB)).toEqual({ uploaded: 1, invalid: 1, invited: 0, accepted: 0 });

    const skipped = await send(tokenB, { batchId: b2.batchId, all: true });
    expect(skipped.invited).toEqual([]);
    expect(skipped.skipped).toEqual([{ inviteeId: alexInB2.id, reason: expect.stringMatching(/passport/i) }]);

    const corrected = (
      await gw.ok<{ correctInvitee: Invitee }>(
        op.CORRECT,
        { input: { inviteeId: alexInB2.id, dateOfBirth: '1991-03-14' } },
        tokenB,
      )
    ).correctInvitee;
    expect(corrected).toMatchObject({
      uploadStatus: 'EXISTING',
      discrepancies: [],
      dateOfBirth: '1991-03-14',
    });
    expect(await counts(b2.batchId, tokenB)).toEqual({ uploaded: 1, invalid: 0, invited: 0, accepted: 0 });
  });

  it('B invites the person into one pool and they accept through the accept page, without JavaScript', async () => {
    const sent = await send(tokenB, { batchId: b1.batchId, inviteeIds: [alexInB1.id] });
    expect(sent.invited.map((i) => i.id)).toEqual([alexInB1.id]);
    const token = tokenOf(await emailTo(alexInB1.id));

    const page = await fetch(`${gw.url}/invitations/accept?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Scaffolders');
    expect(html).toContain('<form method="post" action="/invitations/accept">');

    const posted = await fetch(`${gw.url}/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('You have joined <strong>Scaffolders</strong>');
    expect(await counts(b1.batchId, tokenB)).toEqual({ uploaded: 0, invalid: 0, invited: 0, accepted: 1 });
  });

  it("inviting them into B's other pool accepts them at once: they are told they were added, with no link", async () => {
    const before = (await gw.outbox()).length;
    const sent = await send(tokenB, { batchId: b2.batchId, all: true });
    expect(sent.invited).toEqual([]);
    expect(sent.autoAccepted).toEqual([
      expect.objectContaining({ id: alexInB2.id, state: 'ACCEPTED', autoAccepted: true }),
    ]);
    expect(await counts(b2.batchId, tokenB)).toEqual({ uploaded: 0, invalid: 0, invited: 0, accepted: 1 });
    const batch = await gw.ok<{ invitationBatch: { accepted: { nodes: { autoAccepted: boolean }[] } } }>(
      op.BATCH,
      { id: b2.batchId, first: 10 },
      tokenB,
    );
    expect(batch.invitationBatch.accepted.nodes).toEqual([expect.objectContaining({ autoAccepted: true })]);
    const added = await gw.waitForMessage(
      (m) => m.inviteeId === alexInB2.id && m.kind === 'added-to-pool' && m.channel === 'email',
    );
    expect(added).toMatchObject({ to: 'alex.nguyen@example.com', subject: expect.stringContaining('added') });
    expect(added.acceptUrl).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sentSince = (await gw.outbox()).slice(before);
    expect(sentSince.every((m) => m.inviteeId === alexInB2.id && m.kind === 'added-to-pool')).toBe(true);
  });

  it('resend issues a new token and voids the old one', async () => {
    const { invitee: bea, token: first } = await invitedAloneInB1(
      person('Bea', { dateOfBirth: '1988-08-08', lastName: "O'Hara" }),
    );
    const resent = (await gw.ok<{ resendInvitation: Invitee }>(op.RESEND, { id: bea.id }, tokenB))
      .resendInvitation;
    expect(resent.state).toBe('INVITED');
    const second = tokenOf(await emailTo(bea.id, 2));
    expect(second).not.toBe(first);

    const refused = await gw.graphql(op.ACCEPT, { token: first });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/not valid/);
    expect(
      (await gw.ok<{ acceptInvitation: { state: string } }>(op.ACCEPT, { token: second })).acceptInvitation
        .state,
    ).toBe('ACCEPTED');
  });

  it('revoke makes the token unusable, with the same generic message', async () => {
    const { invitee: cal, token } = await invitedAloneInB1(
      person('Cal', { dateOfBirth: '1979-01-31', lastName: 'Smith' }),
    );
    const revoked = (await gw.ok<{ revokeInvitation: Invitee }>(op.REVOKE, { id: cal.id }, tokenB))
      .revokeInvitation;
    expect(revoked.state).toBe('REVOKED');
    const refused = await gw.graphql(op.ACCEPT, { token });
    const unknown = await gw.graphql(op.ACCEPT, { token: token.slice(0, -4) + 'AAAA' });
    expect(refused.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const page = await fetch(`${gw.url}/invitations/accept?token=${token}`);
    expect(page.status).toBe(400);
    expect(await page.text()).not.toContain('Cal');
    expect(await counts(b1.batchId, tokenB)).toEqual({ uploaded: 0, invalid: 0, invited: 0, accepted: 2 });
  });

  it('A can neither see nor touch B’s data: it answers as if it did not exist', async () => {
    const batch = await gw.graphql(op.BATCH, { id: b1.batchId, first: 5 }, tokenA);
    expect(batch.data?.invitationBatch).toBeNull();
    expect((await gw.ok<{ invitee: unknown }>(op.INVITEE, { id: alexInB1.id }, tokenA)).invitee).toBeNull();
    const pools = await gw.ok<{ resourcePools: { id: string }[] }>(op.POOLS, {}, tokenA);
    expect(pools.resourcePools.map((p) => p.id)).toEqual([a.poolId]);

    for (const [query, variables] of [
      [op.CORRECT, { input: { inviteeId: alexInB1.id, firstName: 'Mallory' } }],
      [op.REVOKE, { id: alexInB1.id }],
      [op.HISTORY, { id: alexInB1.id }],
      [
        op.STAGE,
        {
          input: {
            batchId: b1.batchId,
            email: 'eve@example.com',
            dateOfBirth: '1990-01-01',
            firstName: 'Eve',
            lastName: 'X',
          },
        },
      ],
      [op.CREATE_BATCH, { poolId: b1.poolId, name: 'sneaky' }],
    ] as const) {
      const result = await gw.graphql(query, variables, tokenA);
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('history lists every change with who made it; as-of rebuilds the state at an instant', async () => {
    const { invitationHistory } = await gw.ok<{
      invitationHistory: { type: string; actor: string | null; at: string; data: string }[];
    }>(op.HISTORY, { id: alexInB1.id }, tokenB);
    // The invitation records its token's hash as it is sent (redacted here): nothing is recorded between it and
    // the acceptance.
    expect(invitationHistory.map((e) => e.type)).toEqual([
      'InviteeStaged',
      'InvitationSent',
      'InvitationAccepted',
    ]);
    expect(invitationHistory.map((e) => e.actor)).toEqual(['bob', 'bob', null]);
    expect(invitationHistory[1].data).toContain('[redacted]');
    expect(invitationHistory.map((e) => e.data).join()).not.toMatch(/[0-9a-f]{64}/); // no token hashes

    const before = await gw.ok<{ invitationHistory: { type: string }[] }>(
      op.HISTORY,
      { id: alexInB1.id, asOf: stagedInB1At },
      tokenB,
    );
    expect(before.invitationHistory.map((e) => e.type)).toEqual(['InviteeStaged']);
    const asOf = await gw.ok<{ inviteeAsOf: Invitee }>(
      op.AS_OF,
      { id: alexInB1.id, asOf: stagedInB1At },
      tokenB,
    );
    expect(asOf.inviteeAsOf).toMatchObject({ id: alexInB1.id, state: 'UPLOADED', uploadStatus: 'EXISTING' });
    const now = await gw.ok<{ inviteeAsOf: Invitee }>(
      op.AS_OF,
      { id: alexInB1.id, asOf: new Date().toISOString() },
      tokenB,
    );
    expect(now.inviteeAsOf.state).toBe('ACCEPTED');
    const beforeStaging = await gw.ok<{ inviteeAsOf: Invitee | null }>(
      op.AS_OF,
      { id: alexInB1.id, asOf: '2020-01-01T00:00:00Z' },
      tokenB,
    );
    expect(beforeStaging.inviteeAsOf).toBeNull();
  });
});

describe('invitation expiry, end to end', () => {
  // A gateway whose invitations expire after about two seconds, swept every 200 ms.
  let gw: Gateway;
  beforeAll(async () => {
    gw = await Gateway.start({
      env: { INVITATION_TTL_DAYS: String(2 / 86_400), EXPIRY_SWEEP_SECONDS: '0.2' },
    });
  });
  afterAll(() => gw.stop());

  it('refuses the token once expired and moves the person out of the Invited tab', async () => {
    const token = await gw.token('org-e', 'erin');
    const batch = { id: (await gw.poolAndBatch(token)).batchId };
    const { stageInvitee: dee } = await gw.ok<{ stageInvitee: { id: string } }>(
      op.STAGE,
      {
        input: {
          batchId: batch.id,
          email: 'dee@example.com',
          dateOfBirth: '1990-10-10',
          firstName: 'Dee',
          lastName: 'Ng',
        },
      },
      token,
    );
    await gw.ok(op.SEND, { input: { batchId: batch.id, inviteeIds: [dee.id] } }, token);
    const link = tokenOf(await gw.waitForMessage((m) => m.inviteeId === dee.id && m.channel === 'email'));
    const counts = async () =>
      (
        await gw.ok<{ invitationBatch: { counts: Record<string, number> } }>(
          op.BATCH,
          { id: batch.id, first: 1 },
          token,
        )
      ).invitationBatch.counts;
    expect(await counts()).toEqual({ uploaded: 0, invalid: 0, invited: 1, accepted: 0 });

    await new Promise((resolve) => setTimeout(resolve, 2600));
    const refused = await gw.graphql(op.ACCEPT, { token: link });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/not valid/);
    const deadline = Date.now() + 5000;
    while (
      (await gw.ok<{ invitee: { state: string } }>(op.INVITEE, { id: dee.id }, token)).invitee.state !==
      'EXPIRED'
    ) {
      if (Date.now() > deadline) throw new Error('the invitation was not marked expired');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await counts()).toEqual({ uploaded: 0, invalid: 0, invited: 0, accepted: 0 });
  });
});
