import { positionKey } from './projection/projection';
import type { ReadModelSet } from './read-model-set';
import type { PoolDoc } from './pools/pool.document';
import { describeOnBothAdapters } from './testing/read-model-adapters';

const pool = (id: string, name: string, position: bigint): PoolDoc => ({
  _id: id,
  organisationId: 'org-1',
  name,
  createdAt: '2025-03-01T09:00:00.000Z',
  _pos: positionKey(position),
});
const change = (doc: PoolDoc) => ({ id: doc._id, document: doc, position: doc._pos });

describeOnBothAdapters('read model storage', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const names = async () => (await readModels.storage.collections()).sort();

  it('builds a version aside while the live one answers, then switches it in, keeping the live one', async () => {
    const { storage } = readModels;
    await storage.prepare(['pools']);
    await storage.documents('pools').write([change(pool('p1', 'Live', 1n))]);

    const aside = await storage.buildAside('pools', '__rebuild_1');
    await aside.write([change(pool('p1', 'Rebuilt', 1n)), change(pool('p2', 'Rebuilt too', 2n))]);
    expect(await readModels.pools.ofOrganisation('org-1')).toMatchObject([{ name: 'Live' }]);

    expect(await storage.switchIn('pools', '__rebuild_1')).toBe('pools__prev');

    expect((await readModels.pools.ofOrganisation('org-1')).map((doc) => doc.name)).toEqual([
      'Rebuilt',
      'Rebuilt too',
    ]);
    expect(await readModels.pools.byId('org-1', 'p2')).toMatchObject({ name: 'Rebuilt too' });
    expect(await (await storage.previous('pools'))!.all()).toEqual([pool('p1', 'Live', 1n)]);
    expect(await names()).toContain('pools__prev');
    expect((await names()).filter((name) => name.includes('__rebuild'))).toEqual([]);
  });

  it('keeps writing to the live version after a switch, the queries seeing it', async () => {
    const { storage } = readModels;
    await storage.buildAside('pools', '__rebuild_2');
    await storage.switchIn('pools', '__rebuild_2');
    await storage.documents('pools').write([change(pool('p3', 'After', 3n))]);

    expect(await readModels.pools.byId('org-1', 'p3')).toMatchObject({ name: 'After' });
  });

  it('has no previous version of a read model that did not exist, and touches none it is not asked to', async () => {
    const { storage } = readModels;
    await storage.prepare(['batches']);

    await storage.buildAside('pools', '__rebuild_3');
    expect(await storage.switchIn('pools', '__rebuild_3')).toBeNull();
    expect(await storage.previous('pools')).toBeNull();
    expect(await names()).toEqual(expect.arrayContaining(['batches', 'pools']));
    expect(await names()).not.toContain('batches__prev');
  });

  it('starts a version aside empty, dropping a leftover of the same name', async () => {
    const { storage } = readModels;
    const leftover = await storage.buildAside('pools', '__rebuild_4');
    await leftover.write([change(pool('p1', 'Leftover', 1n))]);

    const aside = await storage.buildAside('pools', '__rebuild_4');
    expect(await aside.all()).toEqual([]);
  });
});
