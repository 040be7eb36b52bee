export { aTempDirectory, eachTempDirectory } from '../embedded/testing/temp-directory';
export { InMemoryEventStore } from './in-memory-event-store';
export { describeKeyStoreContract, type KeyStoreUnderTest } from './key-store.contract';
