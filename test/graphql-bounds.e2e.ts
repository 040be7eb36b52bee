import { Gateway, sharedGatewayWithBatch } from './support/gateway-harness';
import * as op from './support/operations';

/**
 * One GraphQL request is bounded (aliases, depth, tokens, cost counted from the pages asked for), and a request
 * over a bound is refused before it runs with BAD_USER_INPUT naming the bound. Introspection and "did you mean"
 * suggestions are off in production unless GRAPHQL_INTROSPECTION=true.
 */
describe('GraphQL request bounds, end to end', () => {
  const world = sharedGatewayWithBatch('org-bounds', 'bea');
  let inviteeId: string;

  beforeAll(async () => {
    const { stageInvitee } = await world.gw.ok<{ stageInvitee: { id: string } }>(
      op.STAGE,
      {
        input: {
          batchId: world.batchId,
          email: 'ana@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Ana',
          lastName: 'Diaz',
        },
      },
      world.token,
    );
    inviteeId = stageInvitee.id;
  });

  async function refused(query: string, variables: Record<string, unknown> = {}) {
    const result = await world.gw.graphql(query, variables, world.token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    return result.errors![0].message;
  }

  const aliased = (count: number, field: string) =>
    Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');

  it("refuses the issue's 200 aliases of a page of 500 with histories (17 KB), naming the bound", async () => {
    const field = `invitationBatch(id: "${world.batchId}") { invited(first: 500) { nodes { history { type at data } } } }`;
    const query = `query { ${aliased(200, field)} }`;
    expect(query.length).toBeGreaterThan(17_000);
    expect(await refused(query)).toMatch(/Token limit of 3000 exceeded/);
  });

  it('refuses more aliases than the limit, naming it', async () => {
    const message = await refused(
      `query { ${aliased(21, `invitationBatch(id: "${world.batchId}") { id }`)} }`,
    );
    expect(message).toMatch(/Aliases limit of 20 exceeded, found 21/);
  });

  it('refuses one page of 500 invitees with their histories, naming the cost limit', async () => {
    const message = await refused(
      `query($id: ID!) { invitationBatch(id: $id) { invited(first: 500) { nodes { id history { type at data } } } } }`,
      { id: world.batchId },
    );
    expect(message).toMatch(/Query cost limit of 5000 exceeded, found \d+/);
  });

  it('counts the page size given in a variable', async () => {
    const query = `query($id: ID!, $n: Int) { invitationBatch(id: $id) { uploaded(first: $n) { nodes { id history { type } } } } }`;
    expect(await refused(query, { id: world.batchId, n: 500 })).toMatch(/Query cost limit/);
    const small = await world.gw.graphql(query, { id: world.batchId, n: 10 }, world.token);
    expect(small.errors).toBeUndefined();
  });

  it('refuses eleven aliases of a page of 500 (each within the limit on its own)', async () => {
    const aliases = Array.from(
      { length: 11 },
      (_, i) => `p${i}: uploaded(first: 500) { totalCount nodes { id email } }`,
    ).join('\n');
    expect(await refused(`query { invitationBatch(id: "${world.batchId}") { ${aliases} } }`)).toMatch(
      /Query cost limit of 5000 exceeded/,
    );
  });

  it('refuses a request nested deeper than the depth limit, naming it', async () => {
    const deep = `query { resourcePools { batches { pool { batches { pool { batches { pool { batches { pool { batches { pool { id } } } } } } } } } } } }`;
    expect(await refused(deep)).toMatch(/Query depth limit of 10 exceeded, found \d+/);
  });

  it('refuses a document of more tokens than the limit, naming it', async () => {
    const fields = Array.from({ length: 3100 }, () => '__typename').join(' ');
    expect(await refused(`query { ${fields} }`)).toMatch(/Token limit of 3000 exceeded/);
  });

  it("answers the console's queries well inside the bounds: a page of 50 with counts, an invitee's history", async () => {
    const page = await world.gw.graphql(op.BATCH, { id: world.batchId, first: 50 }, world.token);
    expect(page.errors).toBeUndefined();
    const history = await world.gw.graphql(op.INVITEE, { id: inviteeId }, world.token);
    expect(history.errors).toBeUndefined();
    const audit = await world.gw.graphql(op.HISTORY, { id: inviteeId }, world.token);
    expect(audit.errors).toBeUndefined();
  });

  it('still answers variables that do not fit with their own input error', async () => {
    const result = await world.gw.graphql(op.BATCH, { id: world.batchId, first: 'fifty' }, world.token);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('outside production, offers introspection and suggestions to developers', async () => {
    const introspection = await world.gw.graphql('{ __schema { queryType { name } } }', {}, world.token);
    expect(introspection.errors).toBeUndefined();
    const typo = await world.gw.graphql('{ resourcePoolz { id } }', {}, world.token);
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe('GraphQL in production', () => {
  const INTROSPECTION = '{ __schema { types { name } } }';

  it('refuses introspection (POST and GET, with or without a token) and gives no suggestions', async () => {
    const gw = await Gateway.start({ env: { NODE_ENV: 'production' } });
    try {
      const token = await gw.token('org-prod');
      for (const auth of [undefined, token]) {
        const result = await gw.graphql(INTROSPECTION, {}, auth);
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      }
      const overGet = await fetch(`${gw.url}/graphql?query=${encodeURIComponent(INTROSPECTION)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(JSON.stringify(await overGet.json())).toMatch(/introspection is not allowed/i);
      const typo = await gw.graphql('{ resourcePoolz { id } }', {}, token);
      expect(typo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean|resourcePools/);
    } finally {
      await gw.stop();
    }
  });

  it('allows introspection with GRAPHQL_INTROSPECTION=true', async () => {
    const gw = await Gateway.start({ env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' } });
    try {
      const result = await gw.graphql(INTROSPECTION, {}, await gw.token('org-prod'));
      expect(result.errors).toBeUndefined();
    } finally {
      await gw.stop();
    }
  });
});
