import type { Doc } from '../read-store.port';
import type { IndexKeys } from './hash-index';

/** A document as the embedded store holds it. */
export interface StoredDocument {
  /** Insertion order: the natural order of scans, and the tie-break of sorts. */
  readonly seq: number;
  /** Never handed out (readers get copies); updates change it in place, undoably. */
  doc: Doc;
  /** The document's keys in each hash index of its table, by the index's position. */
  indexKeys: IndexKeys[];
}

/** Orders documents by insertion. */
export function bySeq(a: StoredDocument, b: StoredDocument): number {
  return a.seq - b.seq;
}
