import { rm } from 'node:fs/promises';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

interface Pools {
  resourcePools: { id: string; name: string }[];
}

/**
 * An Idempotency-Key belongs to the first request sent with it: the same request again answers as the first time;
 * another request with the key is refused naming it, and writes nothing. Across a restart as well.
 */
describe('Idempotency-Key, end to end', () => {
  let gw: Gateway;
  let token: string;

  beforeAll(async () => {
    gw = await Gateway.start();
    token = await gw.token('org-idem', 'ida');
  });
  afterAll(async () => {
    await gw.stop();
    await rm(gw.dataDir, { recursive: true, force: true });
  });

  const create = (name: string, key: string, auth = token) =>
    gw.graphql<{ createResourcePool: { id: string; name: string } }>(op.CREATE_POOL, { name }, auth, {
      'idempotency-key': key,
    });

  it('answers the same request sent again with the same key as the first time, creating one pool', async () => {
    const first = await create('Riggers', 'key-retry-1');
    const again = await create('Riggers', 'key-retry-1');
    expect(again.data?.createResourcePool).toEqual(first.data?.createResourcePool);
    const { resourcePools } = await gw.ok<Pools>(op.POOLS, {}, token);
    expect(resourcePools.filter((pool) => pool.name === 'Riggers')).toHaveLength(1);
  });

  it("refuses the issue's replay, the key with another name, naming the key, and creates nothing", async () => {
    await create('Original', 'key-reused-1');
    const head = await gw.logHead();
    const reused = await create('Different', 'key-reused-1');
    expect(reused.data ?? null).toBeNull();
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reused.errors?.[0]?.message).toMatch(
      /Idempotency-Key "key-reused-1" was already used for another request/,
    );
    expect(reused.errors?.[0]?.extensions?.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.any(String) },
    ]);
    expect(await gw.logHead()).toBe(head);
    const { resourcePools } = await gw.ok<Pools>(op.POOLS, {}, token);
    expect(resourcePools.map((pool) => pool.name)).not.toContain('Different');
  });

  it('refuses the key with another operation', async () => {
    const { data } = await create('Pool of a batch', 'key-other-op');
    const batch = await gw.graphql(
      op.CREATE_BATCH,
      { poolId: data!.createResourcePool.id, name: 'B' },
      token,
      {
        'idempotency-key': 'key-other-op',
      },
    );
    expect(batch.errors?.[0]?.message).toMatch(/Idempotency-Key "key-other-op" was already used/);
  });

  it("treats the same request written otherwise (spacing, literals or variables' key order) as the same", async () => {
    const key = { 'idempotency-key': 'key-spacing' };
    const tight = await gw.graphql(
      `mutation($name:String!){createResourcePool(input:{name:$name}){id}}`,
      { name: 'Tight' },
      token,
      key,
    );
    const spaced = await gw.graphql(
      `mutation ($name: String!) {\n  createResourcePool(input: { name: $name }) {\n    id\n  }\n}`,
      { name: 'Tight' },
      token,
      key,
    );
    expect(spaced.data).toEqual(tight.data);
  });

  it("is another organisation's key when another organisation sends it", async () => {
    await create('Mine', 'key-shared-name');
    const theirs = await create('Theirs', 'key-shared-name', await gw.token('org-other', 'otto'));
    expect(theirs.errors).toBeUndefined();
  });

  it('refuses a key no client would make', async () => {
    const result = await create('Odd', 'x'.repeat(300));
    expect(result.errors?.[0]?.extensions?.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.stringMatching(/255/) },
    ]);
  });

  it('holds for the REST upload: same file again answers the same preview; another file is refused', async () => {
    const { batchId } = await gw.poolAndBatch(token, 'Upload pool', 'Upload batch');
    const upload = (csv: string, key: string) =>
      fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: csv,
      });
    const csv = `${HEADER}\namy@example.com,1990-01-01,Amy,,Ng,,,\n`;
    const first = await upload(csv, 'key-upload-1');
    expect(first.status).toBe(200);
    const again = await upload(csv, 'key-upload-1');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const other = await upload(`${HEADER}\nbenjamin@example.com,1990-01-01,Ben,,Ng,,,\n`, 'key-upload-1');
    expect(other.status).toBe(400);
    expect(((await other.json()) as { message: string }).message).toMatch(/Idempotency-Key "key-upload-1"/);
  });

  it('remembers a key across a restart', async () => {
    const dataDir = gw.dataDir;
    await create('Before restart', 'key-durable');
    await gw.stop({ keepData: true });
    gw = await Gateway.start({ dataDir });
    const again = await create('After restart', 'key-durable');
    expect(again.errors?.[0]?.message).toMatch(/Idempotency-Key "key-durable" was already used/);
  });
});
