export * from './event-store.port';
export {
  EmbeddedEventStore,
  LOG_FILE_NAME,
  type EmbeddedEventStoreOptions,
  type EmbeddedEventStoreStats,
} from './embedded/embedded-event-store';
