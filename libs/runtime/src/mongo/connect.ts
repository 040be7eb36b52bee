import type { MongoConnectOptions, MongoReadModelStores } from './mongo-read-model-stores';

/** MongoDB, loaded only when asked for: the driver (and BSON's 17 MB serialisation buffer) is not needed otherwise. */
export async function connectMongoReadModels(
  uri: string,
  options: MongoConnectOptions = {},
): Promise<MongoReadModelStores> {
  const { MongoReadModelStores } = await import('./mongo-read-model-stores');
  return MongoReadModelStores.connect(uri, options);
}
