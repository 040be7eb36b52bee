import type { Doc, Sort } from '../read-store.port';
import { NOT_PLAIN, reachableValues, readPlainPath, type FieldSet } from './field-paths';
import { combineKeys, compoundKey, isLookupValue, valueKey } from './index-keys';
import { SortedView } from './sorted-view';
import type { StoredDocument } from './stored-document';

/**
 * A document's keys in one index: a single string when every indexed path holds one value through
 * plain objects (the usual case, and then the key stands exactly for the values), a list when a
 * path crosses an array (a multikey entry, filed under several keys, possibly one).
 */
export type IndexKeys = string | string[];

/** Most buckets of a selective index hold one document: keep it bare rather than in a Set of one. */
type Bucket = StoredDocument | Set<StoredDocument>;

/** At most this many buckets of an index are kept sorted, the least recently asked for dropped first. */
const MAX_SORTED_VIEWS = 32;

/**
 * Documents grouped by the values of some fields: equality on all of them finds the candidates of
 * a query without a scan. A table has one for each leading run of fields of its declared indexes
 * (once a query needs it), and keeps the large buckets that queries sort in sorted views.
 */
export class HashIndex {
  private readonly paths: readonly string[][];
  private readonly buckets = new Map<string, Bucket>();
  private multikeyEntries = 0;
  /** Buckets kept sorted, by bucket key (one sort order each: the last one asked for). */
  private readonly sortedViews = new Map<string, SortedView>();

  constructor(readonly fields: readonly string[]) {
    this.paths = fields.map((field) => field.split('.'));
  }

  /** True when the index reads one of the given top-level fields (so a change to them may move a document). */
  readsAny(topFields: FieldSet): boolean {
    return this.paths.some((path) => topFields.has(path[0]));
  }

  /** True when no document is filed under several keys: then a key lookup finds exactly the equal values. */
  get exact(): boolean {
    return this.multikeyEntries === 0;
  }

  /** The keys under which the document is filed. */
  keysOf(doc: Doc): IndexKeys {
    const parts: string[] = [];
    for (const path of this.paths) {
      const value = readPlainPath(doc, path);
      if (value === NOT_PLAIN || Array.isArray(value)) return this.multikeysOf(doc);
      parts.push(valueKey(value));
    }
    return compoundKey(parts);
  }

  private multikeysOf(doc: Doc): string[] {
    return combineKeys(this.paths.map((path) => reachableValues(doc, path).map(valueKey)));
  }

  /**
   * The keys to look up for the given candidate values of each field (one list per field), or
   * undefined when a value cannot be looked up by key (then equality is more than key equality).
   */
  lookupKeys(valuesPerField: readonly unknown[][]): string[] | undefined {
    if (valuesPerField.some((values) => !values.every(isLookupValue))) return undefined;
    // One field: its keys as they are. A key asked twice finds the same documents twice, which callers collect into
    // a Set; deduplicating a lookup of a thousand keys cost more than it saved.
    if (valuesPerField.length === 1) return valuesPerField[0].map(valueKey);
    return combineKeys(valuesPerField.map((values) => values.map(valueKey)));
  }

  /** The bucket's documents in the sort's order, kept so from then on (until dropped for another). */
  sortedBucket(key: string, sort: Sort): readonly StoredDocument[] {
    const sortKey = JSON.stringify(sort);
    let view = this.sortedViews.get(key);
    this.sortedViews.delete(key); // re-added last: the most recently used
    if (view === undefined || view.sortKey !== sortKey) view = new SortedView(sortKey, sort);
    if (this.sortedViews.size >= MAX_SORTED_VIEWS)
      this.sortedViews.delete(this.sortedViews.keys().next().value as string);
    this.sortedViews.set(key, view);
    return view.entries(() => [...this.get(key)]);
  }

  /** Keeps the sorted views in order after a document changed without moving to other buckets. */
  changed(entry: StoredDocument, keys: IndexKeys, changedFields: FieldSet | undefined): void {
    if (this.sortedViews.size === 0) return;
    for (const key of typeof keys === 'string' ? [keys] : keys)
      this.sortedViews.get(key)?.changed(entry, changedFields);
  }

  add(entry: StoredDocument, keys: IndexKeys): void {
    if (typeof keys === 'string') {
      this.file(entry, keys);
    } else {
      this.multikeyEntries += 1;
      for (const key of keys) this.file(entry, key);
    }
  }

  remove(entry: StoredDocument, keys: IndexKeys): void {
    if (typeof keys === 'string') {
      this.unfile(entry, keys);
    } else {
      this.multikeyEntries -= 1;
      for (const key of keys) this.unfile(entry, key);
    }
  }

  private file(entry: StoredDocument, key: string): void {
    if (this.sortedViews.size > 0) this.sortedViews.get(key)?.inserted(entry);
    const bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, entry);
    else if (bucket instanceof Set) bucket.add(entry);
    else if (bucket !== entry) this.buckets.set(key, new Set([bucket, entry]));
  }

  private unfile(entry: StoredDocument, key: string): void {
    if (this.sortedViews.size > 0) this.sortedViews.get(key)?.removed(entry);
    const bucket = this.buckets.get(key);
    if (bucket === entry) {
      this.buckets.delete(key);
    } else if (bucket instanceof Set) {
      bucket.delete(entry);
      if (bucket.size === 1) this.buckets.set(key, bucket.values().next().value as StoredDocument);
    }
  }

  /** How many documents are filed under the key. */
  count(key: string): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    return bucket instanceof Set ? bucket.size : 1;
  }

  /** The documents filed under the key. */
  get(key: string): Iterable<StoredDocument> {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return [];
    return bucket instanceof Set ? bucket : [bucket];
  }

  /** Adds the documents filed under the key to `entries` (without wrapping a lone one in an array, as `get` does). */
  addEntriesTo(key: string, entries: Set<StoredDocument>): void {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return;
    if (bucket instanceof Set) for (const entry of bucket) entries.add(entry);
    else entries.add(bucket);
  }

  /** A document filed under one of the keys other than the given one, if any. */
  other(keys: IndexKeys, entry: StoredDocument | undefined): StoredDocument | undefined {
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined || bucket === entry) continue;
      if (!(bucket instanceof Set)) return bucket;
      for (const candidate of bucket) if (candidate !== entry) return candidate;
    }
    return undefined;
  }
}

/** True when a document's keys did not change. */
export function sameKeys(a: IndexKeys, b: IndexKeys): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((key, position) => key === b[position]);
}
