import { DuplicateKeyError, type ReadStore } from '@invitations/read-store';
import { ensureReadModelIndexes } from './indexes';
import { openReadStore } from '../testing/open-read-store';

describe('ensureReadModelIndexes', () => {
  let readStore: ReadStore;

  beforeEach(() => (readStore = openReadStore()));
  afterEach(() => readStore.close());

  const passport = (_id: string, email: string, mobile: string | null) => ({ _id, email, mobile, _pos: '0' });

  it('keeps passport emails unique, but not mobiles, which most passports lack', async () => {
    await ensureReadModelIndexes(readStore);
    const passports = readStore.collection('passports');
    await passports.insertOne(passport('first', 'ada@example.org', null));
    await passports.insertOne(passport('second', 'bob@example.org', null));

    await expect(passports.insertOne(passport('third', 'ada@example.org', null))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('can run again, and on other collections than the live ones', async () => {
    await ensureReadModelIndexes(readStore);
    await ensureReadModelIndexes(readStore);
    await ensureReadModelIndexes(readStore, { collectionName: (name) => `${name}__rebuild_1` });

    const collections = await readStore.listCollections();
    expect(collections).toEqual(expect.arrayContaining(['invitees', 'passports', 'passports__rebuild_1']));
    const copy = readStore.collection('passports__rebuild_1');
    await copy.insertOne(passport('first', 'ada@example.org', null));
    await expect(copy.insertOne(passport('second', 'ada@example.org', null))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });
});
