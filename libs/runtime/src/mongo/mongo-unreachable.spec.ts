import { MongoReadModelStores } from './mongo-read-model-stores';

/** The adapter on the real driver, with no server (port 1 of the loopback refuses): connecting fails, promptly. */
describe('the MongoDB read models without a reachable server', () => {
  it('fail to connect within the server selection timeout', async () => {
    const started = Date.now();
    await expect(
      MongoReadModelStores.connect('mongodb://127.0.0.1:1/invitations?directConnection=true', {
        serverSelectionTimeoutMs: 300,
      }),
    ).rejects.toThrow(/ECONNREFUSED|Server selection timed out/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
