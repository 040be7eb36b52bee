import { join } from 'node:path';
import { connectEventStoreDb } from '@invitations/event-store';
import {
  PersonalDataReader,
  PersonalDataStore,
  ReadOnlyLog,
  type EventLogReader,
} from '@invitations/event-store';
import {
  connectMongoReadModels,
  openKeyStore,
  personalDataOptions,
  type ReadModelStores,
  type ServiceConfig,
} from '@invitations/runtime';

const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * The log, for reading only. The embedded log is read beside the running gateway, from its file, without taking
 * its lock (see ReadOnlyLog); EventStoreDB through its adapter.
 */
export async function openLogForReading(config: ServiceConfig): Promise<EventLogReader> {
  const log = await openLog(config);
  // Personal data decrypted with the service's keys (read only), `[erased]` where a key was destroyed.
  const keys = await openKeyStore(config, { readOnly: true });
  return new PersonalDataReader(log, await personalDataOptions(config, keys));
}

async function openLog(config: ServiceConfig): Promise<EventLogReader> {
  if (config.eventStore !== 'embedded') return connectEventStoreDb(config.eventStore);
  const directory = join(config.dataDir, 'events');
  try {
    return await ReadOnlyLog.open(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`no event log in ${directory}: set DATA_DIR to the gateway's`);
  }
}

/** The production stores a command works on directly: the log, and the read models with their checkpoints. */
export interface ProductionStores {
  store: PersonalDataStore;
  readModels: ReadModelStores;
  close(): Promise<void>;
}

/** EventStoreDB and MongoDB, for the commands that work on the production stores directly. */
export async function openProductionStores(config: ServiceConfig): Promise<ProductionStores> {
  const readModels = await connectMongoReadModels(config.readStore, {
    serverSelectionTimeoutMs: SERVER_SELECTION_TIMEOUT_MS,
  });
  const log = await connectEventStoreDb(config.eventStore);
  const store = new PersonalDataStore(log, await personalDataOptions(config, await openKeyStore(config)));
  return {
    store,
    readModels,
    close: async () => {
      await readModels.close();
      await store.close();
    },
  };
}
