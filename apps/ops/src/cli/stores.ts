import { join } from 'node:path';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { EsdbEventStore } from '../../../../libs/event-store/src/esdb/esdb-event-store';
import { ReadOnlyLog, type EventLogReader } from '../../../../libs/event-store/src/embedded/read-only-log';
import { MongoReadStore } from '../../../../libs/read-store/src/mongo/mongo-read-store';
import type { ServiceConfig } from '../../../../libs/shared/src/config';

const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * The log, for reading only. The embedded log is read beside the running gateway, from its file, without taking
 * its lock (see ReadOnlyLog); EventStoreDB through its adapter.
 */
export async function openLogForReading(config: ServiceConfig): Promise<EventLogReader> {
  if (config.eventStore !== 'embedded') return EsdbEventStore.fromConnectionString(config.eventStore);
  const directory = join(config.dataDir, 'events');
  try {
    return await ReadOnlyLog.open(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`no event log in ${directory}: set DATA_DIR to the gateway's`);
  }
}

/** EventStoreDB and MongoDB, for the commands that work on the production stores directly. */
export async function openProductionStores(
  config: ServiceConfig,
): Promise<{ store: EventStore; readStore: MongoReadStore; close(): Promise<void> }> {
  const readStore = await MongoReadStore.connect(config.readStore, {
    serverSelectionTimeoutMs: SERVER_SELECTION_TIMEOUT_MS,
  });
  const store = EsdbEventStore.fromConnectionString(config.eventStore);
  return {
    store,
    readStore,
    close: async () => {
      await readStore.close();
      await store.close();
    },
  };
}
