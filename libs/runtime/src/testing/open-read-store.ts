import { EmbeddedReadStore } from '@invitations/read-store';
import type { ReadStore } from '@invitations/read-store';

/** A fresh, empty read store for a test: the real embedded one. */
export function openReadStore(): ReadStore {
  return new EmbeddedReadStore();
}
