import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

/**
 * One person per pool (by email, by mobile) holds under concurrent requests: the event store's optimistic
 * concurrency on the reservation streams lets exactly one win.
 */
describe('uniqueness under concurrency, end to end', () => {
  let gw: Gateway;
  let token: string;
  let poolId: string;
  const batches: string[] = [];

  beforeAll(async () => {
    gw = await Gateway.start();
    token = await gw.token('org-c', 'carol');
    poolId = (await gw.ok<{ createResourcePool: { id: string } }>(op.CREATE_POOL, { name: 'Pool' }, token))
      .createResourcePool.id;
    for (const name of ['one', 'two']) {
      batches.push(
        (await gw.ok<{ createInvitationBatch: { id: string } }>(op.CREATE_BATCH, { poolId, name }, token))
          .createInvitationBatch.id,
      );
    }
  });
  afterAll(() => gw.stop());

  const stage = (input: Record<string, unknown>) =>
    gw.graphql<{ stageInvitee: { id: string } }>(op.STAGE, { input }, token);
  const outcome = (results: Awaited<ReturnType<typeof stage>>[]) => ({
    won: results.filter((r) => r.data?.stageInvitee).length,
    conflicts: results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length,
  });

  it('of 12 concurrent requests staging the same email (in any case) into two batches of one pool, exactly one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stage({
          batchId: batches[i % 2],
          email: i % 3 === 0 ? ' SAM@example.com' : 'sam@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Sam',
          lastName: 'Doe',
        }),
      ),
    );
    expect(outcome(results)).toEqual({ won: 1, conflicts: 11 });
    const totals = await Promise.all(
      batches.map(
        async (id) =>
          (
            await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
              op.BATCH,
              { id, first: 1 },
              token,
            )
          ).invitationBatch.counts.uploaded,
      ),
    );
    expect(totals[0] + totals[1]).toBe(1);
  });

  it('of concurrent requests with different emails but the same mobile, exactly one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        stage({
          batchId: batches[0],
          email: `m${i}@example.com`,
          dateOfBirth: '1990-01-01',
          firstName: 'M',
          lastName: 'N',
          mobile: i % 2 ? '+61 400 111 222' : '0400111222',
        }),
      ),
    );
    expect(outcome(results)).toEqual({ won: 1, conflicts: 7 });
  });

  it('a removed person frees their seat: they can be staged again', async () => {
    const first = await stage({
      batchId: batches[0],
      email: 'rae@example.com',
      dateOfBirth: '1990-01-01',
      firstName: 'Rae',
      lastName: 'X',
    });
    const id = first.data!.stageInvitee.id;
    expect(
      (
        await stage({
          batchId: batches[1],
          email: 'rae@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Rae',
          lastName: 'X',
        })
      ).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    expect((await gw.ok<{ removeInvitee: boolean }>(op.REMOVE, { id }, token)).removeInvitee).toBe(true);
    const again = await stage({
      batchId: batches[1],
      email: 'rae@example.com',
      dateOfBirth: '1990-01-01',
      firstName: 'Rae',
      lastName: 'X',
    });
    expect(again.data?.stageInvitee.id).toBeDefined();
  });

  it('a retried request with the same Idempotency-Key stages once and answers the same', async () => {
    const input = {
      batchId: batches[0],
      email: 'idem@example.com',
      dateOfBirth: '1990-01-01',
      firstName: 'I',
      lastName: 'D',
    };
    const headers = { 'idempotency-key': 'stage-idem-1' };
    const first = await gw.graphql<{ stageInvitee: { id: string } }>(op.STAGE, { input }, token, headers);
    const second = await gw.graphql<{ stageInvitee: { id: string } }>(op.STAGE, { input }, token, headers);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data?.stageInvitee.id).toBe(first.data?.stageInvitee.id);
  });
});
