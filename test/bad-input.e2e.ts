import { mintDevToken } from '@invitations/auth';
import { Gateway, sharedGatewayWithBatch } from './support/gateway-harness';
import * as op from './support/operations';

/** Bad input gets a clear error with the contract's code, and a refused command writes nothing. */
describe('bad input, end to end', () => {
  const world = sharedGatewayWithBatch('org-x', 'xavier');

  const person = { email: 'pat@example.com', dateOfBirth: '1985-05-05', firstName: 'Pat', lastName: 'Lee' };

  /** Sends the operation, expects the code, and checks that the log did not move. */
  async function refused(
    query: string,
    variables: Record<string, unknown>,
    code: string,
    auth: string = world.token,
  ) {
    const head = await world.gw.logHead();
    const result = await world.gw.graphql(query, variables, auth);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await world.gw.logHead()).toBe(head);
    return result.errors![0];
  }

  it.each([
    ['a malformed email', { email: 'pat@' }, 'email'],
    ['a malformed mobile', { mobile: '12345' }, 'mobile'],
    ['a landline as mobile', { mobile: '+61 2 9876 5432' }, 'mobile'],
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    ['an over-long field', { lastName: 'L'.repeat(257) }, 'lastName'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field) => {
    const error = await refused(
      op.STAGE,
      { input: { batchId: world.batchId, ...person, ...change } },
      'BAD_USER_INPUT',
    );
    expect(error.extensions?.errors).toEqual([
      expect.objectContaining({ field, message: expect.any(String) }),
    ]);
  });

  it('refuses an impossible date of birth (the Date scalar)', async () => {
    const error = await refused(
      op.STAGE,
      { input: { batchId: world.batchId, ...person, dateOfBirth: '1985-02-30' } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toMatch(/real date/);
  });

  it('lists every problem at once', async () => {
    const error = await refused(
      op.STAGE,
      {
        input: { batchId: world.batchId, ...person, email: 'nope', mobile: 'x', firstName: 'F'.repeat(300) },
      },
      'BAD_USER_INPUT',
    );
    expect((error.extensions?.errors ?? []).map((e) => e.field).sort()).toEqual([
      'email',
      'firstName',
      'mobile',
    ]);
  });

  it('refuses a NEW person without names, naming both', async () => {
    const error = await refused(
      op.STAGE,
      { input: { batchId: world.batchId, email: 'new@example.com', dateOfBirth: '1990-01-01' } },
      'BAD_USER_INPUT',
    );
    expect((error.extensions?.errors ?? []).map((e) => e.field)).toEqual(['firstName', 'lastName']);
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    await refused(
      op.STAGE,
      { input: { batchId: '00000000-0000-4000-8000-000000000000', ...person } },
      'NOT_FOUND',
    );
    await refused(op.REVOKE, { id: 'no-such-invitee' }, 'NOT_FOUND');
    await refused(op.CREATE_BATCH, { poolId: 'no-such-pool', name: 'B' }, 'NOT_FOUND');
    expect(
      (await world.gw.ok<{ invitee: unknown }>(op.INVITEE, { id: 'no-such-invitee' }, world.token)).invitee,
    ).toBeNull();
  });

  it('refuses an empty or over-long pool name', async () => {
    await refused(op.CREATE_POOL, { name: '   ' }, 'BAD_USER_INPUT');
    await refused(op.CREATE_POOL, { name: 'P'.repeat(201) }, 'BAD_USER_INPUT');
  });

  it('refuses missing, malformed, expired and wrongly signed tokens with UNAUTHENTICATED', async () => {
    await refused(op.POOLS, {}, 'UNAUTHENTICATED', '');
    await refused(op.POOLS, {}, 'UNAUTHENTICATED', 'not-a-jwt');
    const expired = await mintDevToken('e2e-secret-0123456789abcdef0123456789', {
      sub: 'x',
      org: 'org-x',
      expiresIn: '-1m',
    });
    const error = await refused(op.CREATE_POOL, { name: 'P' }, 'UNAUTHENTICATED', expired);
    expect(error.message).toMatch(/expired/);
    const forged = await mintDevToken('some-other-secret-0123456789abcdef', { sub: 'x', org: 'org-x' });
    await refused(op.CREATE_POOL, { name: 'P' }, 'UNAUTHENTICATED', forged);
  });

  it('refuses a token without the org-admin role with FORBIDDEN', async () => {
    await refused(
      op.CREATE_POOL,
      { name: 'P' },
      'FORBIDDEN',
      await world.gw.token('org-x', 'viewer', ['viewer']),
    );
  });

  it('refuses a malformed invitation token with the generic message', async () => {
    const error = await refused(op.ACCEPT, { token: 'garbage' }, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/not valid/);
  });

  it('answers GraphQL validation errors with BAD_USER_INPUT and no stack trace in production shape', async () => {
    const result = await world.gw.graphql('query { resourcePools { nope } }', {}, world.token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested too deep', async () => {
    const deep = `query { resourcePools { batches { pool { batches { pool { batches { pool { batches { pool { batches { pool { id } } } } } } } } } } } }`;
    const result = await world.gw.graphql(deep, {}, world.token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a page size out of bounds and a forged cursor', async () => {
    await refused(op.BATCH, { id: world.batchId, first: 100000 }, 'BAD_USER_INPUT');
    await refused(op.BATCH, { id: world.batchId, first: 10, after: '!!!' }, 'BAD_USER_INPUT');
  });
});

describe('rate limiting of the public operations, end to end', () => {
  let gw: Gateway;
  beforeAll(async () => (gw = await Gateway.start({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } })));
  afterAll(() => gw.stop());

  it('answers RATE_LIMITED once a client has tried too many tokens, on GraphQL and on the accept page', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await gw.graphql(op.ACCEPT, { token: `guess-${i}` })).errors?.[0].extensions?.code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    // The accept page draws on the same budget: guessing there gets no fresh one.
    const page = await fetch(`${gw.url}/invitations/accept?token=guess-4`);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
