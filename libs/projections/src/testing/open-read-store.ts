import { EmbeddedReadStore } from '../../../read-store/src/embedded/embedded-read-store';
import type { ReadStore } from '../../../read-store/src/read-store.port';

/** A fresh, empty read store for a test: the real embedded one. */
export function openReadStore(): ReadStore {
  return new EmbeddedReadStore();
}
