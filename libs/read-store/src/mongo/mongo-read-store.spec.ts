import { randomUUID } from 'node:crypto';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

/**
 * The shared read-store contract, against a real MongoDB. It needs a server, so it runs only when MONGO_URL is
 * set (e.g. `MONGO_URL=mongodb://localhost:27017/?directConnection=true` with docker/docker-compose.yml up: from
 * the host, connect directly, as the replica set names its member by its in-compose name `mongo`); otherwise
 * the suite is reported as skipped, with the reason in its name.
 */
const mongoUrl = process.env.MONGO_URL?.trim();

if (mongoUrl) {
  describeReadStoreContract('MongoDB', async () => {
    // A database of its own for each store, so tests start empty and runs do not meet.
    const store = await MongoReadStore.connect(mongoUrl, {
      databaseName: `contract_${randomUUID().replace(/-/g, '')}`,
    });
    return {
      store,
      cleanup: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  });
} else {
  console.warn('MongoDB adapter contract skipped: MONGO_URL is not set');
  describe.skip('MongoDB adapter contract — skipped: MONGO_URL is not set', () => {
    it('runs the read-store contract against MongoDB', () => undefined);
  });
}
