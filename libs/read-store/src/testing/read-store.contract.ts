import { randomBytes } from 'node:crypto';
import {
  DuplicateKeyError,
  type Doc,
  type IndexSpec,
  type ReadCollection,
  type ReadStore,
} from '../read-store.port';

/** What an adapter's spec hands the contract: a store, and how to dispose of it (and of what the tests wrote). */
export interface ReadStoreFixture {
  store: ReadStore;
  cleanup: () => Promise<void>;
}

/**
 * The read-store port's contract, run against one adapter: every promise of the port, through
 * the port only. Each test writes to collections of its own (names unique to the run), so that
 * adapters backed by a shared server can run it side by side with other runs.
 */
export function describeReadStoreContract(
  adapterName: string,
  factory: () => Promise<ReadStoreFixture>,
): void {
  describe(`read store contract: ${adapterName}`, () => {
    let fixture: ReadStoreFixture;
    const run = randomBytes(4).toString('hex');
    let counter = 0;
    /** A collection of the test's own. */
    const fresh = <T extends Doc = Doc>(label: string): ReadCollection<T> =>
      fixture.store.collection<T>(`contract_${run}_${label}_${(counter += 1)}`);

    beforeAll(async () => {
      fixture = await factory();
    });

    afterAll(async () => {
      await fixture?.cleanup();
    });

    describe('filters', () => {
      const people: Doc[] = [
        {
          _id: 'p1',
          name: 'Alice',
          age: 31,
          city: { name: 'Leeds', zone: 1 },
          tags: ['admin', 'ops'],
          pos: '00000000000000000005',
        },
        {
          _id: 'p2',
          name: 'bob',
          age: 25,
          city: { name: 'York', zone: 2 },
          tags: ['ops'],
          pos: '00000000000000000012',
        },
        {
          _id: 'p3',
          name: 'Carol',
          age: 42,
          city: { name: 'Leeds', zone: 3 },
          tags: [],
          pos: '00000000000000000100',
          nick: null,
        },
        { _id: 'p4', name: 'Dave', age: 25, tags: ['dev'], pos: '00000000000000000007', nick: 'D' },
      ];
      let collection: ReadCollection;

      beforeAll(async () => {
        collection = fresh('people');
        for (const person of people) await collection.insertOne(person);
      });

      const ids = async (filter: Record<string, unknown>): Promise<string[]> =>
        (await collection.find(filter)).map((doc) => doc._id).sort();

      it('matches every document with an empty filter', async () => {
        expect(await ids({})).toEqual(['p1', 'p2', 'p3', 'p4']);
      });

      it('matches by equality, by _id, and on a nested field with a dotted path', async () => {
        expect(await ids({ age: 25 })).toEqual(['p2', 'p4']);
        expect(await ids({ _id: 'p3' })).toEqual(['p3']);
        expect(await ids({ 'city.name': 'Leeds' })).toEqual(['p1', 'p3']);
        expect(await ids({ 'city.name': 'Leeds', age: { $gt: 40 } })).toEqual(['p3']);
      });

      it('matches an array field by one of its elements', async () => {
        expect(await ids({ tags: 'ops' })).toEqual(['p1', 'p2']);
      });

      it('matches with $in, $nin and $ne', async () => {
        expect(await ids({ _id: { $in: ['p1', 'p4', 'nobody'] } })).toEqual(['p1', 'p4']);
        expect(await ids({ age: { $in: [25, 42] } })).toEqual(['p2', 'p3', 'p4']);
        expect(await ids({ age: { $nin: [25, 42] } })).toEqual(['p1']);
        expect(await ids({ age: { $ne: 25 } })).toEqual(['p1', 'p3']);
      });

      it('compares numbers and fixed-width strings with $gt, $gte, $lt and $lte', async () => {
        expect(await ids({ age: { $gt: 25 } })).toEqual(['p1', 'p3']);
        expect(await ids({ age: { $gte: 31, $lte: 42 } })).toEqual(['p1', 'p3']);
        expect(await ids({ age: { $lt: 31 } })).toEqual(['p2', 'p4']);
        expect(await ids({ pos: { $lt: '00000000000000000012' } })).toEqual(['p1', 'p4']);
        expect(await ids({ _id: 'p2', pos: { $lt: '00000000000000000012' } })).toEqual([]);
      });

      it('does not compare values of different types', async () => {
        expect(await ids({ age: { $gt: '1' } })).toEqual([]);
        expect(await ids({ name: { $lt: 100 } })).toEqual([]);
      });

      it('matches with $regex, with options, and with a regular expression value', async () => {
        expect(await ids({ name: { $regex: '^[ab]', $options: 'i' } })).toEqual(['p1', 'p2']);
        expect(await ids({ name: { $regex: '^[ab]' } })).toEqual(['p2']);
        expect(await ids({ name: /o/ })).toEqual(['p2', 'p3']);
      });

      it('combines conditions with $or and $and', async () => {
        expect(await ids({ $or: [{ age: 42 }, { tags: 'dev' }] })).toEqual(['p3', 'p4']);
        expect(await ids({ $and: [{ age: 25 }, { tags: 'ops' }] })).toEqual(['p2']);
        expect(await ids({ age: 25, $or: [{ name: 'bob' }, { name: 'Carol' }] })).toEqual(['p2']);
      });

      it('tests presence with $exists, and matches a missing field by null', async () => {
        expect(await ids({ nick: { $exists: true } })).toEqual(['p3', 'p4']);
        expect(await ids({ nick: { $exists: false } })).toEqual(['p1', 'p2']);
        expect(await ids({ city: { $exists: false } })).toEqual(['p4']);
        expect(await ids({ nick: null })).toEqual(['p1', 'p2', 'p3']);
      });
    });

    describe('sort, skip, limit and projection', () => {
      let collection: ReadCollection;

      beforeAll(async () => {
        collection = fresh('sorting');
        const docs = Array.from({ length: 25 }, (_, i) => ({
          _id: `d${String(i).padStart(2, '0')}`,
          group: i % 3,
          rank: (i * 7) % 25,
          nested: { value: 100 - i, other: 'x' },
          label: `label-${i}`,
        }));
        // Inserted out of order, so that no order comes for free.
        for (const doc of [...docs].reverse()) await collection.insertOne(doc);
      });

      it('sorts ascending and descending, on a nested field too', async () => {
        const ascending = await collection.find({}, { sort: { rank: 1 } });
        expect(ascending.map((doc) => doc.rank)).toEqual([...Array(25).keys()]);
        const descending = await collection.find({ group: 0 }, { sort: { 'nested.value': -1 } });
        expect(descending.map((doc) => doc._id)).toEqual([
          'd00',
          'd03',
          'd06',
          'd09',
          'd12',
          'd15',
          'd18',
          'd21',
          'd24',
        ]);
      });

      it('sorts on several fields in order', async () => {
        const sorted = await collection.find({ rank: { $lt: 6 } }, { sort: { group: -1, rank: 1 } });
        expect(sorted.map((doc) => [doc.group, doc.rank])).toEqual([
          [2, 2],
          [1, 3],
          [1, 4],
          [0, 0],
          [0, 1],
          [0, 5],
        ]);
      });

      it('pages with skip and limit over a sorted result, and treats limit 0 as no limit', async () => {
        const all = (await collection.find({}, { sort: { group: 1, _id: 1 } })).map((doc) => doc._id);
        const pages: string[] = [];
        for (let skip = 0; skip < 25; skip += 10) {
          const page = await collection.find({}, { sort: { group: 1, _id: 1 }, skip, limit: 10 });
          expect(page.length).toBe(Math.min(10, 25 - skip));
          pages.push(...page.map((doc) => doc._id));
        }
        expect(pages).toEqual(all);
        expect(await collection.find({}, { sort: { _id: 1 }, skip: 30 })).toEqual([]);
        expect(await collection.find({}, { limit: 0 })).toHaveLength(25);
      });

      it('projects by inclusion (with _id unless excluded) and by exclusion', async () => {
        const included = await collection.find(
          { _id: 'd01' },
          { projection: { rank: 1, 'nested.value': 1 } },
        );
        expect(included).toEqual([{ _id: 'd01', rank: 7, nested: { value: 99 } }]);
        const withoutId = await collection.find({ _id: 'd01' }, { projection: { label: 1, _id: 0 } });
        expect(withoutId).toEqual([{ label: 'label-1' }]);
        const excluded = await collection.find({ _id: 'd01' }, { projection: { nested: 0, label: 0 } });
        expect(excluded).toEqual([{ _id: 'd01', group: 1, rank: 7 }]);
      });

      it('finds one document: the first in the sort, projected, or null', async () => {
        expect(await collection.findOne({ group: 2 }, { sort: { rank: -1 } })).toMatchObject({
          _id: 'd14',
          rank: 23,
        });
        expect(await collection.findOne({ _id: 'd02' }, { projection: { group: 1 } })).toEqual({
          _id: 'd02',
          group: 2,
        });
        expect(await collection.findOne({ group: 7 })).toBeNull();
      });

      it('counts the documents a filter matches, or all of them', async () => {
        expect(await collection.countDocuments()).toBe(25);
        expect(await collection.countDocuments({ group: 1 })).toBe(8);
        expect(await collection.countDocuments({ group: 1, rank: { $gte: 10 } })).toBe(4);
      });
    });

    describe('documents', () => {
      it('finds nothing in a collection that was never written', async () => {
        const collection = fresh('empty');
        expect(await collection.find({})).toEqual([]);
        expect(await collection.findOne({ _id: 'x' })).toBeNull();
        expect(await collection.countDocuments()).toBe(0);
      });

      it('keeps the stored documents apart from the objects given and returned', async () => {
        const collection = fresh('copies');
        const given = { _id: 'a', list: [1], nested: { value: 1 } };
        await collection.insertOne(given);
        given.list.push(2);
        given.nested.value = 2;
        const found = await collection.findOne({ _id: 'a' });
        (found!.list as number[]).push(3);
        (found!.nested as { value: number }).value = 3;
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', list: [1], nested: { value: 1 } });
      });

      it('stores and compares dates', async () => {
        const collection = fresh('dates');
        await collection.insertOne({ _id: 'a', at: new Date('2025-01-01T00:00:00Z') });
        await collection.insertOne({ _id: 'b', at: new Date('2025-06-01T00:00:00Z') });
        const found = await collection.find({ at: { $gt: new Date('2025-03-01T00:00:00Z') } });
        expect(found).toEqual([{ _id: 'b', at: new Date('2025-06-01T00:00:00Z') }]);
      });

      it('refuses a second document with the same _id', async () => {
        const collection = fresh('duplicate_id');
        await collection.insertOne({ _id: 'a', value: 1 });
        const error = await collection.insertOne({ _id: 'a', value: 2 }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(error).toMatchObject({ code: 11000 });
        expect(await collection.find({})).toEqual([{ _id: 'a', value: 1 }]);
      });
    });

    describe('update operators', () => {
      let collection: ReadCollection;
      beforeEach(async () => {
        collection = fresh('operators');
        await collection.insertOne({
          _id: 'a',
          n: 5,
          s: 'm',
          tags: ['x', 'y'],
          scores: [1, 7, 3],
          nested: { k: 1 },
        });
      });
      const current = async (): Promise<Doc | null> => collection.findOne({ _id: 'a' });

      it('$set sets top-level and nested fields, creating the objects on the way', async () => {
        const result = await collection.updateOne(
          { _id: 'a' },
          { $set: { s: 'n', 'nested.k': 2, 'deep.er.v': true } },
        );
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
        expect(await current()).toMatchObject({ s: 'n', nested: { k: 2 }, deep: { er: { v: true } } });
      });

      it('counts a document as matched but not modified when the update changes nothing', async () => {
        const result = await collection.updateOne({ _id: 'a' }, { $set: { n: 5, 'nested.k': 1 } });
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
      });

      it('$unset removes fields, top-level and nested', async () => {
        await collection.updateOne({ _id: 'a' }, { $unset: { s: '', 'nested.k': '', absent: '' } });
        expect(await current()).toEqual({ _id: 'a', n: 5, tags: ['x', 'y'], scores: [1, 7, 3], nested: {} });
      });

      it('$inc adds to a number, and sets a missing field to the increment', async () => {
        await collection.updateOne({ _id: 'a' }, { $inc: { n: -2, fresh: 3, 'nested.k': 10 } });
        expect(await current()).toMatchObject({ n: 3, fresh: 3, nested: { k: 11 } });
      });

      it('$push appends, one value or $each of several', async () => {
        await collection.updateOne({ _id: 'a' }, { $push: { tags: 'x', fresh: 1 } });
        await collection.updateOne({ _id: 'a' }, { $push: { scores: { $each: [4, 5] } } });
        expect(await current()).toMatchObject({ tags: ['x', 'y', 'x'], fresh: [1], scores: [1, 7, 3, 4, 5] });
      });

      it('$pull removes equal values, or the values matching a condition', async () => {
        await collection.updateOne({ _id: 'a' }, { $pull: { tags: 'x', scores: { $gte: 3 } } });
        expect(await current()).toMatchObject({ tags: ['y'], scores: [1] });
      });

      it('$addToSet adds only values not there yet', async () => {
        const unchanged = await collection.updateOne({ _id: 'a' }, { $addToSet: { tags: 'x' } });
        expect(unchanged.modifiedCount).toBe(0);
        await collection.updateOne({ _id: 'a' }, { $addToSet: { tags: { $each: ['y', 'z'] } } });
        expect((await current())?.tags).toEqual(['x', 'y', 'z']);
      });

      it('$max and $min replace only by a greater or a lesser value, and set missing fields', async () => {
        await collection.updateOne(
          { _id: 'a' },
          { $max: { n: 3, s: 'z', top: 1 }, $min: { 'nested.k': 0, low: 9 } },
        );
        expect(await current()).toMatchObject({ n: 5, s: 'z', top: 1, nested: { k: 0 }, low: 9 });
        const unchanged = await collection.updateOne({ _id: 'a' }, { $max: { n: 4 }, $min: { low: 10 } });
        expect(unchanged.modifiedCount).toBe(0);
      });

      it('ignores $setOnInsert when the document exists', async () => {
        const result = await collection.updateOne(
          { _id: 'a' },
          { $setOnInsert: { n: 100, created: true } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
        expect(await current()).toMatchObject({ n: 5 });
        expect(await current()).not.toHaveProperty('created');
      });

      it('refuses an update without operators and a change of _id, changing nothing', async () => {
        await expect(collection.updateOne({ _id: 'a' }, { n: { value: 1 } } as never)).rejects.toThrow();
        await expect(collection.updateOne({ _id: 'a' }, { $set: { _id: 'b' } })).rejects.toThrow();
        expect(await collection.find({})).toEqual([
          { _id: 'a', n: 5, s: 'm', tags: ['x', 'y'], scores: [1, 7, 3], nested: { k: 1 } },
        ]);
      });
    });

    describe('updates, upserts and replacements', () => {
      it('updates the first match with updateOne and every match with updateMany', async () => {
        const collection = fresh('update_many');
        for (const [i, group] of ['a', 'a', 'a', 'b'].entries())
          await collection.insertOne({ _id: `d${i}`, group, n: i });
        expect(await collection.updateOne({ group: 'a' }, { $set: { seen: true } })).toEqual({
          matchedCount: 1,
          modifiedCount: 1,
          upsertedCount: 0,
        });
        expect(await collection.countDocuments({ seen: true })).toBe(1);
        expect(await collection.updateMany({ group: 'a' }, { $set: { seen: true } })).toEqual({
          matchedCount: 3,
          modifiedCount: 2,
          upsertedCount: 0,
        });
        expect(await collection.countDocuments({ seen: true })).toBe(3);
        expect(await collection.updateMany({ group: 'z' }, { $set: { seen: true } })).toEqual({
          matchedCount: 0,
          modifiedCount: 0,
          upsertedCount: 0,
        });
      });

      it('upserts from the filter: its equality fields, then the update, $setOnInsert included', async () => {
        const collection = fresh('upsert');
        const result = await collection.updateOne(
          { _id: 'a', 'owner.id': 'o1', kind: { $eq: 'k' }, n: { $lt: 10 }, $and: [{ region: 'north' }] },
          { $set: { n: 1 }, $setOnInsert: { createdBy: 'test' }, $inc: { count: 1 } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
        expect(await collection.findOne({ _id: 'a' })).toEqual({
          _id: 'a',
          owner: { id: 'o1' },
          kind: 'k',
          region: 'north',
          n: 1,
          createdBy: 'test',
          count: 1,
        });
      });

      it('gives an upserted document an _id when the filter has none', async () => {
        const collection = fresh('upsert_id');
        await collection.updateOne({ email: 'someone' }, { $set: { seen: true } }, { upsert: true });
        const [inserted] = await collection.find({});
        expect(inserted).toMatchObject({ email: 'someone', seen: true });
        expect(typeof inserted._id === 'string' || typeof inserted._id === 'object').toBe(true);
      });

      it('leaves a document alone when a conditional update matches nothing, without upsert', async () => {
        const collection = fresh('conditional');
        await collection.insertOne({ _id: 'a', _pos: '00000000000000000007', state: 'old' });
        const result = await collection.updateOne(
          { _id: 'a', _pos: { $lt: '00000000000000000005' } },
          { $set: { state: 'new', _pos: '00000000000000000005' } },
        );
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0 });
        expect(await collection.find({})).toEqual([{ _id: 'a', _pos: '00000000000000000007', state: 'old' }]);
      });

      it('fails with DuplicateKeyError when a conditional upsert names an _id that exists, changing nothing', async () => {
        const collection = fresh('conditional_upsert');
        await collection.insertOne({ _id: 'a', _pos: '00000000000000000007', state: 'old' });
        const error = await collection
          .updateOne(
            { _id: 'a', _pos: { $lt: '00000000000000000005' } },
            { $set: { state: 'new', _pos: '00000000000000000005' } },
            { upsert: true },
          )
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(error).toMatchObject({ code: 11000 });
        expect(await collection.find({})).toEqual([{ _id: 'a', _pos: '00000000000000000007', state: 'old' }]);
      });

      it('applies a conditional update when the condition holds', async () => {
        const collection = fresh('conditional_match');
        await collection.insertOne({ _id: 'a', _pos: '00000000000000000003', state: 'old' });
        const result = await collection.updateOne(
          { _id: 'a', _pos: { $lt: '00000000000000000005' } },
          { $set: { state: 'new', _pos: '00000000000000000005' } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
        expect(await collection.findOne({ _id: 'a' })).toEqual({
          _id: 'a',
          _pos: '00000000000000000005',
          state: 'new',
        });
      });

      it('replaces a whole document, keeping its _id, and upserts a replacement', async () => {
        const collection = fresh('replace');
        await collection.insertOne({ _id: 'a', old: true, n: 1 });
        expect(await collection.replaceOne({ _id: 'a' }, { _id: 'a', n: 2 })).toEqual({
          matchedCount: 1,
          modifiedCount: 1,
          upsertedCount: 0,
        });
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2 });
        expect(await collection.replaceOne({ _id: 'b' }, { _id: 'b', n: 3 })).toEqual({
          matchedCount: 0,
          modifiedCount: 0,
          upsertedCount: 0,
        });
        expect(await collection.replaceOne({ _id: 'b' }, { _id: 'b', n: 3 }, { upsert: true })).toEqual({
          matchedCount: 0,
          modifiedCount: 0,
          upsertedCount: 1,
        });
        expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
          { _id: 'a', n: 2 },
          { _id: 'b', n: 3 },
        ]);
      });

      it('deletes the first match, every match, or everything', async () => {
        const collection = fresh('delete');
        for (let i = 0; i < 6; i += 1) await collection.insertOne({ _id: `d${i}`, even: i % 2 === 0 });
        expect(await collection.deleteOne({ even: true })).toEqual({ deletedCount: 1 });
        expect(await collection.countDocuments({ even: true })).toBe(2);
        expect(await collection.deleteOne({ _id: 'nobody' })).toEqual({ deletedCount: 0 });
        expect(await collection.deleteMany({ even: false })).toEqual({ deletedCount: 3 });
        expect(await collection.deleteMany()).toEqual({ deletedCount: 2 });
        expect(await collection.countDocuments()).toBe(0);
      });
    });

    describe('bulk writes', () => {
      it('applies every kind of operation in order and adds up the counts', async () => {
        const collection = fresh('bulk');
        await collection.insertOne({ _id: 'old', n: 0 });
        const result = await collection.bulkWrite([
          { insertOne: { document: { _id: 'a', n: 1 } } },
          { insertOne: { document: { _id: 'b', n: 2 } } },
          { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 10 } } } },
          { updateOne: { filter: { _id: 'c' }, update: { $set: { n: 3 } }, upsert: true } },
          { updateMany: { filter: { n: { $gte: 2 } }, update: { $set: { big: true } } } },
          { replaceOne: { filter: { _id: 'b' }, replacement: { _id: 'b', n: 20 } } },
          { replaceOne: { filter: { _id: 'd' }, replacement: { _id: 'd', n: 4 }, upsert: true } },
          { deleteOne: { filter: { _id: 'old' } } },
          { deleteMany: { filter: { _id: { $in: ['c', 'd'] } } } },
        ]);
        expect(result).toEqual({
          insertedCount: 2,
          matchedCount: 5,
          modifiedCount: 5,
          upsertedCount: 2,
          deletedCount: 3,
        });
        expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
          { _id: 'a', n: 11, big: true },
          { _id: 'b', n: 20 },
        ]);
      });

      it('stops at the first failing operation, keeping the ones before it', async () => {
        const collection = fresh('bulk_ordered');
        const error = await collection
          .bulkWrite([
            { insertOne: { document: { _id: 'a', n: 1 } } },
            { updateOne: { filter: { _id: 'a' }, update: { $set: { n: 2 } } } },
            { insertOne: { document: { _id: 'a', n: 3 } } },
            { insertOne: { document: { _id: 'b', n: 4 } } },
          ])
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(await collection.find({})).toEqual([{ _id: 'a', n: 2 }]);
      });
    });

    describe('indexes', () => {
      it('enforces a unique index on insert, update and upsert, changing nothing on refusal', async () => {
        const collection = fresh('unique');
        await collection.createIndexes([{ keys: { email: 1 }, unique: true, name: 'email' }]);
        await collection.insertOne({ _id: 'a', email: 'one' });
        await collection.insertOne({ _id: 'b', email: 'two' });
        await expect(collection.insertOne({ _id: 'c', email: 'one' })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        await expect(collection.updateOne({ _id: 'b' }, { $set: { email: 'one' } })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        await expect(
          collection.updateOne({ _id: 'c' }, { $set: { email: 'two' } }, { upsert: true }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(collection.replaceOne({ _id: 'a' }, { _id: 'a', email: 'two' })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
          { _id: 'a', email: 'one' },
          { _id: 'b', email: 'two' },
        ]);
        await collection.updateOne({ _id: 'a' }, { $set: { email: 'three' } });
        await collection.insertOne({ _id: 'c', email: 'one' });
        expect(await collection.countDocuments()).toBe(3);
      });

      it('enforces a compound unique index on the combination only', async () => {
        const collection = fresh('unique_compound');
        await collection.createIndexes([{ keys: { poolId: 1, email: 1 }, unique: true }]);
        await collection.insertOne({ _id: 'a', poolId: 'p1', email: 'one' });
        await collection.insertOne({ _id: 'b', poolId: 'p2', email: 'one' });
        await collection.insertOne({ _id: 'c', poolId: 'p1', email: 'two' });
        await expect(collection.insertOne({ _id: 'd', poolId: 'p2', email: 'one' })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
      });

      it('creates the same indexes again without complaint', async () => {
        const collection = fresh('index_again');
        const indexes: IndexSpec[] = [
          { keys: { batchId: 1, state: 1 }, name: 'batch_state' },
          { keys: { email: 1 }, unique: true, name: 'email' },
        ];
        await collection.createIndexes(indexes);
        await collection.insertOne({ _id: 'a', batchId: 'b', state: 's', email: 'e' });
        await collection.createIndexes(indexes);
        expect(await collection.find({ batchId: 'b', state: 's' })).toHaveLength(1);
      });

      it('refuses a unique index that the documents already break', async () => {
        const collection = fresh('unique_late');
        await collection.insertOne({ _id: 'a', email: 'one' });
        await collection.insertOne({ _id: 'b', email: 'one' });
        await expect(collection.createIndexes([{ keys: { email: 1 }, unique: true }])).rejects.toThrow();
        await collection.insertOne({ _id: 'c', email: 'one' });
        expect(await collection.countDocuments({ email: 'one' })).toBe(3);
      });

      it('finds the same documents through an index as without one, as they change', async () => {
        const indexed = fresh('indexed');
        const plain = fresh('plain');
        await indexed.createIndexes([{ keys: { batchId: 1, state: 1, sortKey: 1 } }]);
        for (const collection of [indexed, plain]) {
          for (let i = 0; i < 40; i += 1) {
            await collection.insertOne({
              _id: `d${i}`,
              batchId: `b${i % 3}`,
              state: i % 2 ? 'SENT' : 'NEW',
              sortKey: `k${(i * 13) % 40}`,
            });
          }
          await collection.updateMany({ batchId: 'b1', state: 'NEW' }, { $set: { state: 'SENT' } });
          await collection.deleteMany({ batchId: 'b2', sortKey: { $lt: 'k2' } });
        }
        const query = { batchId: 'b1', state: 'SENT' };
        const options = { sort: { sortKey: 1 } as const, skip: 2, limit: 5 };
        expect(await indexed.find(query, options)).toEqual(await plain.find(query, options));
        expect(await indexed.countDocuments({ batchId: 'b2' })).toBe(
          await plain.countDocuments({ batchId: 'b2' }),
        );
      });
    });

    describe('collections', () => {
      it('lists a collection from its first write until it is dropped, indexes and all', async () => {
        const collection = fresh('listed');
        expect(await fixture.store.listCollections()).not.toContain(collection.name);
        await collection.createIndexes([{ keys: { email: 1 }, unique: true }]);
        await collection.insertOne({ _id: 'a', email: 'one' });
        expect(await fixture.store.listCollections()).toContain(collection.name);
        await collection.drop();
        expect(await fixture.store.listCollections()).not.toContain(collection.name);
        expect(await collection.countDocuments()).toBe(0);
        await collection.insertOne({ _id: 'a', email: 'one' });
        await collection.insertOne({ _id: 'b', email: 'one' });
        expect(await collection.countDocuments()).toBe(2);
      });

      it('renames a collection over another, replacing it, with its indexes', async () => {
        const rebuilt = fresh('rebuilt');
        const live = fresh('live');
        await live.insertOne({ _id: 'stale', email: 'old' });
        await rebuilt.createIndexes([{ keys: { email: 1 }, unique: true }]);
        await rebuilt.insertOne({ _id: 'a', email: 'one' });
        await fixture.store.renameCollection(rebuilt.name, live.name);
        expect(await live.find({})).toEqual([{ _id: 'a', email: 'one' }]);
        expect(await rebuilt.countDocuments()).toBe(0);
        const names = await fixture.store.listCollections();
        expect(names).toContain(live.name);
        expect(names).not.toContain(rebuilt.name);
        await expect(live.insertOne({ _id: 'b', email: 'one' })).rejects.toBeInstanceOf(DuplicateKeyError);
      });

      it('renames a collection to a new name', async () => {
        const from = fresh('from');
        const to = fresh('to');
        await from.insertOne({ _id: 'a' });
        await fixture.store.renameCollection(from.name, to.name);
        expect(await to.find({})).toEqual([{ _id: 'a' }]);
      });
    });

    describe('the store', () => {
      it('answers a ping and tells whether it keeps anything across restarts', async () => {
        await expect(fixture.store.ping()).resolves.toBeUndefined();
        expect(typeof fixture.store.ephemeral).toBe('boolean');
      });

      it('closes', async () => {
        const other = await factory();
        try {
          await expect(other.store.close()).resolves.toBeUndefined();
        } finally {
          await other.cleanup();
        }
      });
    });
  });
}
