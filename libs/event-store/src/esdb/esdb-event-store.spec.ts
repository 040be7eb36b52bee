import { describeEventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The shared event-store contract, against a real EventStoreDB, configured as in production. It needs a server,
 * so it runs only when ESDB_URL is set (e.g. `ESDB_URL=esdb://localhost:2113?tls=false` with
 * docker/docker-compose.yml up); otherwise the suite is reported as skipped, with the reason in its name.
 * The contract's tests use streams of their own, so a server shared with other runs is fine.
 */
const esdbUrl = process.env.ESDB_URL?.trim();

if (esdbUrl) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EsdbEventStore.fromConnectionString(esdbUrl);
    return { store, cleanup: () => store.close() };
  });
} else {
  console.warn('EventStoreDB adapter contract skipped: ESDB_URL is not set');
  describe.skip('EventStoreDB adapter contract — skipped: ESDB_URL is not set', () => {
    it('runs the event-store contract against EventStoreDB', () => undefined);
  });
}
