import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeKeyStoreContract } from '@invitations/event-store/testing';
import { MongoKeyStore } from './mongo-key-store';

const mongoUrl = process.env.MONGO_URL?.trim();
if (mongoUrl) {
  describeKeyStoreContract('on MongoDB', async () => {
    const databaseName = `keys_${randomUUID().replace(/-/g, '')}`;
    const opened = [await MongoKeyStore.connect(mongoUrl, { databaseName })];
    return {
      store: opened[0],
      // A restart: a new process, a new cache, the same database.
      reopen: async () => {
        const store = await MongoKeyStore.connect(mongoUrl, { databaseName });
        opened.push(store);
        return store;
      },
      dispose: async () => {
        const client = await MongoClient.connect(mongoUrl);
        await client.db(databaseName).dropDatabase();
        await client.close();
        for (const store of opened) await store.close();
      },
    };
  });
} else {
  console.warn('key store contract on MongoDB skipped: MONGO_URL is not set');
  describe.skip('key store contract on MongoDB — skipped: MONGO_URL is not set', () => {
    it('runs the key store contract against MongoDB', () => undefined);
  });
}
