export { aTempDirectory } from '../embedded/testing/temp-directory';
export { InMemoryEventStore } from './in-memory-event-store';
