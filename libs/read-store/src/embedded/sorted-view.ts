import type { Sort } from '../read-store.port';
import type { FieldSet } from './field-paths';
import { entryOrder, sortDocuments } from './sort-documents';
import type { StoredDocument } from './stored-document';

/**
 * The documents of one index bucket in one sort order, so that paging through a large bucket
 * costs a page rather than a sort. Writes only note which documents came, went or moved; the next
 * read folds the notes in with one pass over the order (and a sort of the newcomers), so a burst
 * of writes between two reads costs about one pass, not one pass per write. When the notes
 * outgrow the bucket, the next read sorts the bucket afresh instead.
 */
export class SortedView {
  private readonly order: (a: StoredDocument, b: StoredDocument) => number;
  private readonly topFields: readonly string[];
  private sorted: StoredDocument[] | undefined;
  /** The documents written since the last read, each with whether it now belongs to the bucket. */
  private readonly notes = new Map<StoredDocument, boolean>();

  constructor(
    /** The sort, as `JSON.stringify` renders it. */
    readonly sortKey: string,
    private readonly sort: Sort,
  ) {
    this.order = entryOrder(sort);
    this.topFields = Object.keys(sort).map((field) => field.split('.')[0]);
  }

  /** The bucket's documents in order; `bucket` gives them unordered when the view must start over. */
  entries(bucket: () => StoredDocument[]): readonly StoredDocument[] {
    if (this.sorted === undefined) {
      this.sorted = sortDocuments(bucket(), this.sort, Infinity);
    } else if (this.notes.size > 0) {
      this.sorted = this.foldNotes(this.sorted);
    }
    this.notes.clear();
    return this.sorted;
  }

  inserted(entry: StoredDocument): void {
    this.note(entry, true);
  }

  removed(entry: StoredDocument): void {
    this.note(entry, false);
  }

  /** A document of the bucket changed: it may have to move if a field the order reads changed. */
  changed(entry: StoredDocument, changedFields: FieldSet | undefined): void {
    if (changedFields !== undefined && !this.topFields.some((field) => changedFields.has(field))) return;
    this.note(entry, true);
  }

  private note(entry: StoredDocument, belongs: boolean): void {
    if (this.sorted === undefined) return;
    this.notes.set(entry, belongs);
    if (this.notes.size > this.sorted.length) {
      // Folding that many notes would cost more than sorting again.
      this.sorted = undefined;
      this.notes.clear();
    }
  }

  /** Takes every noted document out, then puts those that belong back in, in order. */
  private foldNotes(sorted: StoredDocument[]): StoredDocument[] {
    const arriving: StoredDocument[] = [];
    for (const [entry, belongs] of this.notes) if (belongs) arriving.push(entry);
    arriving.sort(this.order);
    if (this.notes.size > FEW_NOTES) {
      return merge(
        sorted.filter((entry) => !this.notes.has(entry)),
        arriving,
        this.order,
      );
    }
    // A few notes: find each by identity (its values may have changed) and splice, which only
    // compares pointers and moves memory, rather than looking every document up.
    for (const entry of this.notes.keys()) {
      const position = sorted.indexOf(entry);
      if (position !== -1) sorted.splice(position, 1);
    }
    for (const entry of arriving) sorted.splice(lowerBound(sorted, entry, this.order, 0), 0, entry);
    return sorted;
  }
}

/** Up to this many notes are folded in place, one by one. */
const FEW_NOTES = 16;

/** The first position at or after `from` whose item does not come before the given one. */
function lowerBound<T>(sorted: readonly T[], item: T, order: (x: T, y: T) => number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (order(sorted[middle], item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Merges a few sorted newcomers into a long sorted list: each newcomer's place is found by binary
 * search, so comparisons (which read documents all over memory) stay few; the rest is copying.
 */
function merge<T>(sorted: readonly T[], newcomers: readonly T[], order: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let from = 0;
  for (const newcomer of newcomers) {
    const low = lowerBound(sorted, newcomer, order, from);
    for (let i = from; i < low; i += 1) merged.push(sorted[i]);
    merged.push(newcomer);
    from = low;
  }
  for (let i = from; i < sorted.length; i += 1) merged.push(sorted[i]);
  return merged;
}
