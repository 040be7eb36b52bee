export * from './read-store.port';
export { EmbeddedReadStore } from './embedded/embedded-read-store';
