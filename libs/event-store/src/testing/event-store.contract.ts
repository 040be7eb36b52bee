import type { EventStore } from '../event-store.port';
import { describeAppending } from './contract/appending.contract';
import { describeAppendingToStreams } from './contract/appending-to-streams.contract';
import { describeIdempotency } from './contract/idempotency.contract';
import { describeReading } from './contract/reading.contract';
import { describeSubscribing } from './contract/subscribing.contract';

export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>;

/**
 * The promises of the event-store port, as jest tests, for every adapter. The tests use only the port, and
 * streams of their own (a random suffix), so they may run against a server shared with other tests: they
 * look only at their own streams' events and assume nothing about positions but their order.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`event store contract: ${adapterName}`, () => {
    let store: EventStore | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    const currentStore = (): EventStore => {
      if (store === undefined) throw new Error('No store: the factory failed');
      return store;
    };

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup?.();
      store = undefined;
      cleanup = undefined;
    });

    it('answers ping', async () => {
      await expect(currentStore().ping()).resolves.toBeUndefined();
    });

    describeAppending(currentStore);
    describeAppendingToStreams(currentStore);
    describeIdempotency(currentStore);
    describeReading(currentStore);
    describeSubscribing(currentStore);
  });
}
