export { aTempDirectory, eachTempDirectory } from '../embedded/testing/temp-directory';
export { someMetadata } from './event-fixtures';
export { InMemoryEventStore } from './in-memory-event-store';
export { describeKeyStoreContract, type KeyStoreUnderTest } from './key-store.contract';
