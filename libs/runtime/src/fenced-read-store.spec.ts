import { EmbeddedReadStore } from '@invitations/read-store';
import { FenceLostError } from './fence';
import { FencedReadStore } from './fenced-read-store';
import { ManualFence } from './testing/manual-fence';

describe('FencedReadStore', () => {
  it('writes while the fence is held', async () => {
    const inner = new EmbeddedReadStore();
    const fenced = new FencedReadStore(inner, new ManualFence());

    await fenced.collection('pools').insertOne({ _id: 'p1', name: 'Riggers' });
    await fenced
      .collection('pools')
      .bulkWrite([{ updateOne: { filter: { _id: 'p1' }, update: { $set: { name: 'Crane' } } } }]);

    expect(await inner.collection('pools').findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'Crane' });
  });

  it('refuses every kind of write once the fence is lost, and changes nothing', async () => {
    const inner = new EmbeddedReadStore();
    await inner.collection('pools').insertOne({ _id: 'p1', name: 'Riggers' });
    const fence = new ManualFence();
    const fenced = new FencedReadStore(inner, fence);
    const pools = fenced.collection('pools');
    fence.held = false;

    const writes = [
      () => pools.insertOne({ _id: 'p2', name: 'x' }),
      () => pools.updateOne({ _id: 'p1' }, { $set: { name: 'x' } }),
      () => pools.updateMany({}, { $set: { name: 'x' } }),
      () => pools.replaceOne({ _id: 'p1' }, { _id: 'p1', name: 'x' }),
      () => pools.deleteOne({ _id: 'p1' }),
      () => pools.deleteMany({}),
      () => pools.bulkWrite([{ deleteMany: { filter: {} } }]),
      () => pools.createIndexes([{ keys: { name: 1 } }]),
      () => pools.drop(),
      () => fenced.renameCollection('pools', 'other'),
    ];
    for (const write of writes) await expect(write()).rejects.toBeInstanceOf(FenceLostError);

    expect(await inner.collection('pools').find({})).toEqual([{ _id: 'p1', name: 'Riggers' }]);
    expect(await inner.listCollections()).toEqual(['pools']);
  });

  it('still reads once the fence is lost', async () => {
    const inner = new EmbeddedReadStore();
    await inner.collection('pools').insertOne({ _id: 'p1', name: 'Riggers' });
    const fence = new ManualFence();
    fence.held = false;
    const pools = new FencedReadStore(inner, fence).collection('pools');

    expect(await pools.find({})).toHaveLength(1);
    expect(await pools.findOne({ _id: 'p1' })).toMatchObject({ name: 'Riggers' });
    expect(await pools.countDocuments()).toBe(1);
  });
});
