import { randomUUID } from 'node:crypto';
import { InMemoryCheckpoints, NO_POSITION, type CheckpointStore } from './checkpoint-store';
import { MongoReadModelStores } from './mongo/mongo-read-model-stores';

/** One contract for both checkpoint stores: in memory always, MongoDB's when MONGO_URL is set. */
function describeCheckpointStore(
  adapter: string,
  open: () => Promise<{ store: CheckpointStore; close(): Promise<void> }>,
) {
  describe(`checkpoint store contract, ${adapter}`, () => {
    let store: CheckpointStore;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, close } = await open()));
    afterEach(() => close());

    it('has no checkpoint for a subscriber that saved none', async () => {
      expect(await store.load(['invitees'])).toEqual(new Map([['invitees', NO_POSITION]]));
      expect(await store.list()).toEqual([]);
    });

    it('keeps each subscriber’s last saved position, and lists them by name', async () => {
      await store.save(['invitees', 'batches'], 10n);
      await store.save(['invitees'], 12n);
      await store.save(['invitation-notifications'], 2n ** 63n);

      expect(await store.load(['invitees', 'batches', 'pools'])).toEqual(
        new Map([
          ['invitees', 12n],
          ['batches', 10n],
          ['pools', NO_POSITION],
        ]),
      );
      expect(await store.list()).toEqual([
        { name: 'batches', position: 10n },
        { name: 'invitation-notifications', position: 2n ** 63n },
        { name: 'invitees', position: 12n },
      ]);
    });

    it('saves nothing for no names', async () => {
      await store.save([], 5n);
      expect(await store.list()).toEqual([]);
    });
  });
}

describeCheckpointStore('in memory', async () => ({
  store: new InMemoryCheckpoints(),
  close: async () => undefined,
}));

const mongoUrl = process.env.MONGO_URL?.trim();
if (mongoUrl) {
  describeCheckpointStore('on MongoDB', async () => {
    const stores = await MongoReadModelStores.connect(mongoUrl, {
      databaseName: `checkpoints_${randomUUID().replace(/-/g, '')}`,
    });
    return {
      store: stores.checkpoints,
      close: async () => {
        await stores.dropDatabase();
        await stores.close();
      },
    };
  });
} else {
  console.warn('checkpoint store contract on MongoDB skipped: MONGO_URL is not set');
  describe.skip('checkpoint store contract on MongoDB — skipped: MONGO_URL is not set', () => {
    it('runs the checkpoint store contract against MongoDB', () => undefined);
  });
}
