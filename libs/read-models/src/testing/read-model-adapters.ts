import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { InMemoryReadModels } from '../in-memory-read-models';
import { MongoReadModels } from '../mongo-read-models';

/** A fresh, empty set of read models: each test of a contract opens its own. */
export type OpenReadModels = () => Promise<InMemoryReadModels | MongoReadModels>;

/**
 * Runs a read model's contract against both adapters: in memory always; on MongoDB when MONGO_URL is set
 * (e.g. `MONGO_URL=mongodb://localhost:27017/?directConnection=true` with docker/docker-compose.yml up), each
 * test in a database of its own, dropped after it. Without MONGO_URL the MongoDB suite is reported as skipped,
 * with the reason in its name (see test/support/skipped-tests-reporter.js): a skip is never a pass.
 */
export function describeOnBothAdapters(readModel: string, contract: (open: OpenReadModels) => void): void {
  describe(`${readModel} contract, in memory`, () => {
    contract(async () => new InMemoryReadModels());
  });

  const mongoUrl = process.env.MONGO_URL?.trim();
  if (!mongoUrl) {
    console.warn(`${readModel} contract on MongoDB skipped: MONGO_URL is not set`);
    describe.skip(`${readModel} contract on MongoDB — skipped: MONGO_URL is not set`, () => {
      it(`runs the ${readModel} contract against MongoDB`, () => undefined);
    });
    return;
  }
  describe(`${readModel} contract, on MongoDB`, () => {
    let client: MongoClient;
    const databases: Db[] = [];
    beforeAll(async () => {
      client = await new MongoClient(mongoUrl, { writeConcern: { w: 'majority' } }).connect();
    });
    afterEach(async () => {
      for (const db of databases.splice(0)) await db.dropDatabase();
    });
    afterAll(() => client.close());
    contract(async () => {
      const db = client.db(`contract_${randomUUID().replace(/-/g, '')}`);
      databases.push(db);
      return new MongoReadModels(db);
    });
  });
}
