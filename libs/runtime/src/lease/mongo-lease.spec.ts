import { randomUUID } from 'node:crypto';
import { MongoReadModelStores } from '../mongo/mongo-read-model-stores';
import type { MongoLease } from './mongo-lease';

/** The lease against a real MongoDB (its timing logic is tested without one in lease-keeper.spec.ts). */
const mongoUrl = process.env.MONGO_URL?.trim();

if (mongoUrl) {
  describe('MongoLease on MongoDB', () => {
    let store: MongoReadModelStores;
    let lease: MongoLease;
    const ttlMs = 800;

    beforeAll(async () => {
      store = await MongoReadModelStores.connect(mongoUrl, {
        databaseName: `lease_${randomUUID().replace(/-/g, '')}`,
      });
    });
    afterAll(async () => {
      await store.dropDatabase();
      await store.close();
    });
    beforeEach(() => {
      lease = store.lease(`projections-${randomUUID()}`, { ttlMs });
    });

    it('grants a free lease with fencing token 1, and refuses it to a second holder while it lives', async () => {
      const first = await lease.acquire('projector-a');
      expect(first).toMatchObject({ holder: 'projector-a', token: 1 });
      expect(await lease.acquire('projector-b')).toBeNull();
    });

    it('lets the holder renew and re-acquire without changing the token', async () => {
      const first = (await lease.acquire('projector-a'))!;
      const renewed = await lease.renew(first);
      expect(renewed).toMatchObject({ holder: 'projector-a', token: 1 });
      expect(renewed!.expiresAt.getTime()).toBeGreaterThanOrEqual(first.expiresAt.getTime());
      expect(await lease.acquire('projector-a')).toMatchObject({ token: 1 });
    });

    it('hands a released lease to a standby at once, with the next token; the old holder cannot renew it', async () => {
      const first = (await lease.acquire('projector-a'))!;
      await lease.release(first);
      expect(await lease.acquire('projector-b')).toMatchObject({ holder: 'projector-b', token: 2 });
      expect(await lease.renew(first)).toBeNull();
    });

    it('hands an expired lease to a standby, by the server clock', async () => {
      const first = (await lease.acquire('projector-a'))!;
      await new Promise((resolve) => setTimeout(resolve, ttlMs + 200));
      expect(await lease.acquire('projector-b')).toMatchObject({ holder: 'projector-b', token: 2 });
      expect(await lease.renew(first)).toBeNull();
    });

    it('grants one lease to exactly one of many concurrent candidates', async () => {
      const candidates = Array.from({ length: 8 }, (_, i) => `projector-${i}`);
      const results = await Promise.all(candidates.map((holder) => lease.acquire(holder)));
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });
  });
} else {
  console.warn('MongoLease tests skipped: MONGO_URL is not set');
  describe.skip('MongoLease on MongoDB — skipped: MONGO_URL is not set', () => {
    it('grants, renews, releases and hands over leases on a real MongoDB', () => undefined);
  });
}
