import type { BulkOperation, Doc } from '../read-store.port';
import { toDriverBulkOperation, toDriverFindOptions, toIndexDescription } from './driver-options';

describe('toDriverFindOptions', () => {
  it('passes the options given and leaves the others out', () => {
    expect(
      toDriverFindOptions({ sort: { createdAt: -1 }, skip: 20, limit: 10, projection: { name: 1 } }),
    ).toEqual({
      sort: { createdAt: -1 },
      skip: 20,
      limit: 10,
      projection: { name: 1 },
    });
    expect(toDriverFindOptions({ limit: 0 })).toEqual({ limit: 0 });
    expect(toDriverFindOptions()).toEqual({});
  });
});

describe('toDriverBulkOperation', () => {
  const document: Doc = { _id: 'i-1', status: 'NEW' };
  const cases: [BulkOperation, unknown][] = [
    [{ insertOne: { document } }, { insertOne: { document } }],
    [
      { updateOne: { filter: { _id: 'i-1' }, update: { $set: { status: 'INVITED' } } } },
      { updateOne: { filter: { _id: 'i-1' }, update: { $set: { status: 'INVITED' } }, upsert: false } },
    ],
    [
      { updateOne: { filter: { _id: 'i-1' }, update: { $inc: { n: 1 } }, upsert: true } },
      { updateOne: { filter: { _id: 'i-1' }, update: { $inc: { n: 1 } }, upsert: true } },
    ],
    [
      { updateMany: { filter: { batchId: 'b' }, update: { $set: { stale: true } } } },
      { updateMany: { filter: { batchId: 'b' }, update: { $set: { stale: true } } } },
    ],
    [
      { replaceOne: { filter: { _id: 'i-1' }, replacement: document, upsert: true } },
      { replaceOne: { filter: { _id: 'i-1' }, replacement: document, upsert: true } },
    ],
    [{ deleteOne: { filter: { _id: 'i-1' } } }, { deleteOne: { filter: { _id: 'i-1' } } }],
    [{ deleteMany: { filter: { batchId: 'b' } } }, { deleteMany: { filter: { batchId: 'b' } } }],
  ];

  it.each(cases)('maps %j', (operation, expected) => {
    expect(toDriverBulkOperation(operation)).toEqual(expected);
  });

  it('drops fields outside the port’s shape', () => {
    const sneaky = { deleteMany: { filter: {}, collation: { locale: 'fr' } } } as BulkOperation;
    expect(toDriverBulkOperation(sneaky)).toEqual({ deleteMany: { filter: {} } });
  });
});

describe('toIndexDescription', () => {
  it('maps keys, unique and name', () => {
    expect(toIndexDescription({ keys: { poolId: 1, emailKey: 1 }, unique: true, name: 'seat' })).toEqual({
      key: { poolId: 1, emailKey: 1 },
      unique: true,
      name: 'seat',
    });
    expect(toIndexDescription({ keys: { createdAt: -1 } })).toEqual({ key: { createdAt: -1 } });
  });
});
