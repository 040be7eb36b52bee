import type { MongoReadStore, MongoReadStoreOptions } from './mongo-read-store';

/** MongoDB, loaded only when asked for: the driver (and BSON's 17 MB serialisation buffer) is not needed otherwise. */
export async function connectMongoReadStore(
  uri: string,
  options: MongoReadStoreOptions = {},
): Promise<MongoReadStore> {
  const { MongoReadStore } = await import('./mongo-read-store');
  return MongoReadStore.connect(uri, options);
}
