import { MongoBulkWriteError, MongoServerError, type BulkWriteResult } from 'mongodb';
import { DuplicateKeyError } from '../read-store.port';
import { isDuplicateKeyError, parseDupKey, toDuplicateKeyError } from './duplicate-key';

const message =
  'E11000 duplicate key error collection: invitations.seats index: poolId_1_emailKey_1 dup key: { poolId: "p-1", emailKey: "k\\"7" }';

describe('duplicate key errors', () => {
  it('recognises a single write error by its code and takes the key from keyValue', () => {
    const error = new MongoServerError({
      message,
      errmsg: message,
      code: 11000,
      keyValue: { poolId: 'p-1', emailKey: 'k"7' },
    });
    expect(isDuplicateKeyError(error)).toBe(true);
    const mapped = toDuplicateKeyError(error, 'seats');
    expect(mapped).toBeInstanceOf(DuplicateKeyError);
    expect(mapped).toMatchObject({
      collection: 'seats',
      key: { poolId: 'p-1', emailKey: 'k"7' },
      code: 11000,
    });
  });

  it('recognises an ordered bulk write stopped by a duplicate, reading the key from its message', () => {
    const error = new MongoBulkWriteError(
      { message, code: 11000, writeErrors: [{ code: 11000, index: 2, errmsg: message } as never] },
      {} as BulkWriteResult,
    );
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(toDuplicateKeyError(error, 'seats')).toMatchObject({ key: { poolId: 'p-1', emailKey: 'k"7' } });
  });

  it('leaves other errors as they are', () => {
    const other = new MongoServerError({ message: 'not primary', code: 10107 });
    expect(isDuplicateKeyError(other)).toBe(false);
    expect(toDuplicateKeyError(other, 'seats')).toBe(other);
    expect(isDuplicateKeyError(new Error('E11000 in a message only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('parseDupKey', () => {
  it('reads strings, numbers, booleans, null and dotted fields', () => {
    expect(parseDupKey('... dup key: { a.b: "x, y", n: 42, f: -1.5, t: true, z: null }')).toEqual({
      'a.b': 'x, y',
      n: 42,
      f: -1.5,
      t: true,
      z: null,
    });
  });

  it("keeps values it cannot read as the server wrote them, and old servers' unnamed fields", () => {
    expect(parseDupKey("dup key: { _id: ObjectId('65a') }")).toEqual({ _id: "ObjectId('65a')" });
    expect(parseDupKey('dup key: { : "x" }')).toEqual({ '': 'x' });
  });

  it('gives an empty key when the message has none', () => {
    expect(parseDupKey('E11000 duplicate key error')).toEqual({});
  });
});
