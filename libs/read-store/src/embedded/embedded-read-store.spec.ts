import {
  DuplicateKeyError,
  type Doc,
  type Filter,
  type IndexSpec,
  type ReadCollection,
  type Sort,
  type Update,
} from '../read-store.port';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { Random } from '../testing/random';
import { EmbeddedReadStore } from './embedded-read-store';

describeReadStoreContract('embedded', async () => {
  const store = new EmbeddedReadStore();
  return { store, cleanup: () => store.close() };
});

describe('EmbeddedReadStore', () => {
  let store: EmbeddedReadStore;
  beforeEach(() => {
    store = new EmbeddedReadStore();
  });

  it('keeps nothing across restarts', () => {
    expect(store.ephemeral).toBe(true);
  });

  it('hands out copies: changing a found or projected document changes nothing stored', async () => {
    const collection = store.collection('copies');
    await collection.insertOne({ _id: 'a', nested: { list: [{ n: 1 }] }, at: new Date(0) });
    const [found] = await collection.find({});
    ((found.nested as { list: { n: number }[] }).list[0] as { n: number }).n = 2;
    (found.at as Date).setTime(5);
    const [projected] = await collection.find({}, { projection: { nested: 1 } });
    (projected.nested as { list: unknown[] }).list.push('x');
    const [sorted] = await collection.find({ _id: 'a' }, { sort: { _id: 1 } });
    (sorted.nested as { list: unknown[] }).list.length = 0;
    expect(await collection.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      nested: { list: [{ n: 1 }] },
      at: new Date(0),
    });
  });

  it('keeps what an update stores apart from the update given', async () => {
    const collection = store.collection('update_copies');
    const value = { list: [1] };
    await collection.updateOne({ _id: 'a' }, { $set: { value }, $push: { log: value } }, { upsert: true });
    value.list.push(2);
    expect(await collection.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      value: { list: [1] },
      log: [{ list: [1] }],
    });
  });

  it('refuses a unique index the documents already break with DuplicateKeyError', async () => {
    const collection = store.collection('late_unique');
    await collection.insertOne({ _id: 'a', email: 'one' });
    await collection.insertOne({ _id: 'b', email: 'one' });
    await expect(collection.createIndexes([{ keys: { email: 1 }, unique: true }])).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('enforces a unique index on an array field element by element, as MongoDB does', async () => {
    const collection = store.collection('unique_array');
    await collection.createIndexes([{ keys: { aliases: 1 }, unique: true }]);
    await collection.insertOne({ _id: 'a', aliases: ['x', 'y'] });
    await expect(collection.insertOne({ _id: 'b', aliases: ['z', 'y'] })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    await collection.insertOne({ _id: 'b', aliases: ['z'] });
    await collection.updateOne({ _id: 'a' }, { $pull: { aliases: 'y' } });
    await collection.insertOne({ _id: 'c', aliases: 'y' });
    expect(await collection.countDocuments({ aliases: 'y' })).toBe(1);
  });

  it('refuses an index declared again under its name with other keys', async () => {
    const collection = store.collection('index_names');
    await collection.createIndexes([{ keys: { a: 1 }, name: 'by_a' }]);
    await expect(collection.createIndexes([{ keys: { b: 1 }, name: 'by_a' }])).rejects.toThrow(/by_a/);
  });

  it('refuses every operation once closed', async () => {
    const collection = store.collection('closed');
    await collection.insertOne({ _id: 'a' });
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
    await expect(collection.find({})).rejects.toThrow(/closed/);
    await expect(collection.insertOne({ _id: 'b' })).rejects.toThrow(/closed/);
    await expect(store.listCollections()).rejects.toThrow(/closed/);
  });

  it('refuses to rename a collection that does not exist', async () => {
    await expect(store.renameCollection('nothing', 'other')).rejects.toThrow(/does not exist/);
  });

  it('follows a rename with the handles taken before it', async () => {
    const live = store.collection('live');
    const rebuilt = store.collection('rebuilt');
    await live.insertOne({ _id: 'old' });
    await rebuilt.insertOne({ _id: 'new' });
    await store.renameCollection('rebuilt', 'live');
    expect(await live.find({})).toEqual([{ _id: 'new' }]);
    await rebuilt.insertOne({ _id: 'again' });
    expect(await rebuilt.find({})).toEqual([{ _id: 'again' }]);
  });

  it('returns documents of equal sort keys in insertion order', async () => {
    const collection = store.collection('ties');
    for (const id of ['c', 'a', 'd', 'b']) await collection.insertOne({ _id: id, group: 1 });
    expect((await collection.find({ group: 1 }, { sort: { group: -1 } })).map((doc) => doc._id)).toEqual([
      'c',
      'a',
      'd',
      'b',
    ]);
    expect((await collection.find({})).map((doc) => doc._id)).toEqual(['c', 'a', 'd', 'b']);
  });

  describe('with indexes, finds what a scan finds', () => {
    const INDEXES: IndexSpec[] = [
      { keys: { batchId: 1, state: 1, sortKey: 1 } },
      { keys: { 'n.x': 1 } },
      { keys: { tags: 1 } },
      { keys: { a: 1, b: -1 } },
    ];
    const BATCHES: unknown[] = ['b0', 'b1', 'b2', null, ['b0', 'b1'], 7];
    const STATES: unknown[] = ['NEW', 'SENT', null];
    const SORT_KEYS: unknown[] = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 3, null];
    const TAGS: unknown[] = [['x'], ['x', 'y'], [], 'y', ['z', ['x']]];
    const NESTED: unknown[] = [{ x: 'p' }, { x: 'q' }, { x: 1 }, [{ x: 'p' }, { x: 'q' }], null, {}];
    const SCALARS: unknown[] = [1, 2, 'one', null, true];
    /** Enough documents for index buckets large enough to be kept sorted. */
    const DOCUMENTS = 400;
    const SORTS: (Sort | undefined)[] = [
      undefined,
      { sortKey: 1 },
      { sortKey: -1, _id: 1 },
      { batchId: 1 },
      { 'n.x': -1 },
      { state: 1, sortKey: 1 },
    ];

    /**
     * A field of each kind, each sometimes missing. Arrays in indexed fields make an index
     * multikey, which changes how it is used: some runs have them, some do not.
     */
    let withArrays = true;
    function randomFields(random: Random): Record<string, unknown> {
      const fields: Record<string, unknown> = {};
      const maybe = (name: string, values: unknown[]): void => {
        const choices = withArrays ? values : values.filter((value) => !Array.isArray(value));
        if (random.chance(0.85) && choices.length > 0) fields[name] = random.pick(choices);
      };
      maybe('batchId', BATCHES);
      maybe('state', STATES);
      maybe('sortKey', SORT_KEYS);
      maybe('tags', TAGS);
      maybe('n', NESTED);
      maybe('a', SCALARS);
      maybe('b', SCALARS);
      return fields;
    }

    /** Filters of the shapes queries use, over the indexed fields, with values that collide. */
    function randomFilter(random: Random): Filter {
      const filter: Filter = {};
      const add = (field: string, condition: unknown): void => {
        filter[field] = condition;
      };
      const conditions = 1 + random.int(3);
      for (let i = 0; i < conditions; i += 1) {
        switch (random.int(10)) {
          case 0:
            add('batchId', random.pick(BATCHES.filter((value) => !Array.isArray(value))));
            break;
          case 1:
            add('batchId', { $in: [random.pick(['b0', 'b1', null]), random.pick(['b2', 7])] });
            break;
          case 2:
            add('state', random.pick(STATES));
            break;
          case 3:
            add('sortKey', { [random.pick(['$gt', '$lte'])]: random.pick(['k2', 'k4', 2]) });
            break;
          case 4:
            add('n.x', random.pick(['p', 'q', 1, null]));
            break;
          case 5:
            add('tags', random.pick(['x', 'y', 'z', null]));
            break;
          case 6:
            add('a', random.pick(SCALARS));
            add('b', { $eq: random.pick(SCALARS) });
            break;
          case 7:
            filter.$and = [{ batchId: random.pick(['b0', 'b1']) }, { state: { $ne: 'SENT' } }];
            break;
          case 8:
            filter.$or = [{ state: 'NEW' }, { tags: 'y' }];
            break;
          default:
            add('_id', { $in: [`d${random.int(DOCUMENTS)}`, `d${random.int(DOCUMENTS)}`] });
        }
      }
      return filter;
    }

    function randomUpdate(random: Random): Update {
      const set = randomFields(random);
      if (random.chance(0.3)) return { $set: set, $unset: { [random.pick(['n', 'tags', 'sortKey'])]: '' } };
      if (random.chance(0.2)) return { $set: { 'n.x': random.pick(['p', 'q', 1]) } };
      return { $set: set };
    }

    /** Applies one random write to both collections and checks that they answer alike. */
    async function writeBoth(
      random: Random,
      collections: ReadCollection[],
      nextId: () => string,
    ): Promise<void> {
      const id = random.chance(0.3) ? nextId() : `d${random.int(DOCUMENTS)}`;
      const filter = random.chance(0.5) ? { _id: id } : randomFilter(random);
      const fields = randomFields(random);
      const update = randomUpdate(random);
      const write = random.int(6);
      const apply = async (collection: ReadCollection): Promise<unknown> => {
        try {
          if (write === 0) return await collection.insertOne({ _id: id, ...fields });
          if (write === 1) return await collection.updateOne(filter, update);
          if (write === 2) return await collection.updateMany(filter, update);
          if (write === 3) return await collection.updateOne({ _id: id }, update, { upsert: true });
          if (write === 4) return await collection.replaceOne({ _id: id }, { _id: id, ...fields });
          return await collection.deleteOne(filter);
        } catch (error) {
          // The collection's name is in the message: compare the rest.
          return error instanceof DuplicateKeyError
            ? { duplicate: error.key }
            : `refused: ${(error as Error).message}`;
        }
      };
      const [indexed, plain] = collections;
      expect(await apply(indexed)).toEqual(await apply(plain));
    }

    it.each([
      ['with arrays in indexed fields', true, 424242],
      ['without arrays in indexed fields', false, 171717],
    ])('through random writes and queries, %s', async (_, arrays, seed) => {
      withArrays = arrays;
      const random = new Random(seed);
      const indexed = store.collection('indexed');
      const plain = store.collection('plain');
      await indexed.createIndexes(INDEXES);
      let ids = 0;
      const nextId = (): string => `d${(ids += 1)}`;
      for (let i = 0; i < DOCUMENTS; i += 1) {
        const doc: Doc = { _id: nextId(), ...randomFields(random) };
        await indexed.insertOne(doc);
        await plain.insertOne(doc);
      }
      for (let round = 0; round < 1500; round += 1) {
        if (random.chance(0.4)) {
          await writeBoth(random, [indexed, plain], nextId);
          continue;
        }
        const filter = randomFilter(random);
        const options = { sort: random.pick(SORTS), skip: random.int(3), limit: random.pick([0, 1, 5, 20]) };
        const [fromIndex, fromScan] = await Promise.all([
          indexed.find(filter, options),
          plain.find(filter, options),
        ]);
        expect({ filter, options, found: fromIndex }).toEqual({ filter, options, found: fromScan });
        expect(await indexed.countDocuments(filter)).toBe(await plain.countDocuments(filter));
      }
    });
  });
});
