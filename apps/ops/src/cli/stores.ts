import { join } from 'node:path';
import type { EventStore } from '@invitations/event-store';
import { connectEventStoreDb } from '@invitations/event-store';
import { ReadOnlyLog, type EventLogReader } from '@invitations/event-store';
import { connectMongoReadStore, type MongoReadStore } from '@invitations/read-store';
import type { ServiceConfig } from '@invitations/runtime';

const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * The log, for reading only. The embedded log is read beside the running gateway, from its file, without taking
 * its lock (see ReadOnlyLog); EventStoreDB through its adapter.
 */
export async function openLogForReading(config: ServiceConfig): Promise<EventLogReader> {
  if (config.eventStore !== 'embedded') return connectEventStoreDb(config.eventStore);
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
  const readStore = await connectMongoReadStore(config.readStore, {
    serverSelectionTimeoutMs: SERVER_SELECTION_TIMEOUT_MS,
  });
  const store = await connectEventStoreDb(config.eventStore);
  return {
    store,
    readStore,
    close: async () => {
      await readStore.close();
      await store.close();
    },
  };
}
