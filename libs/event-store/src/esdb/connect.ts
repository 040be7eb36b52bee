import type { EsdbEventStore, EsdbEventStoreOptions } from './esdb-event-store';

/** EventStoreDB, loaded only when asked for: the embedded default does not carry the gRPC client. */
export async function connectEventStoreDb(
  connectionString: string,
  options: EsdbEventStoreOptions = {},
): Promise<EsdbEventStore> {
  const { EsdbEventStore } = await import('./esdb-event-store');
  return EsdbEventStore.fromConnectionString(connectionString, options);
}
