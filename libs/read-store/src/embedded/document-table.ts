import { resolve } from 'mingo/util';
import { DuplicateKeyError, type Doc, type Filter, type IndexSpec } from '../read-store.port';
import type { FieldSet } from './field-paths';
import { pinnedValues, type PinnedField } from './filter-equalities';
import { HashIndex, sameKeys, type IndexKeys } from './hash-index';
import { isLookupValue } from './index-keys';
import type { StoredDocument } from './stored-document';

/** A declared index, as `createIndexes` received it. */
export interface IndexDefinition {
  readonly name: string;
  readonly keys: Readonly<Record<string, 1 | -1>>;
  readonly unique: boolean;
}

/** Where a query's candidates come from. */
export interface Candidates {
  readonly entries: Iterable<StoredDocument>;
  /** True when the entries come in insertion order. */
  readonly inOrder: boolean;
  /** Top-level fields of the filter that every candidate matches (found by exact lookup): no need to test them. */
  readonly settled: readonly string[];
  /** The index bucket that holds exactly the candidates, when one does. */
  readonly bucket?: { readonly index: HashIndex; readonly key: string };
}

/** Beyond this many key combinations (from `$in` lists on a compound index), a lookup is not worth it. */
const MAX_LOOKUP_KEYS = 1024;

/** How many keys a lookup of these values (one list per field of an index) takes. */
function combinationsOf(valuesPerField: readonly (readonly unknown[])[]): number {
  return valuesPerField.reduce((product, list) => product * list.length, 1);
}

/**
 * The documents of one collection, by `_id`, with the hash indexes of its declared indexes kept up
 * to date on every write, and unique indexes enforced. The table owns the documents handed to it;
 * a writer that changes one in place hands it back through `replace`, which refiles it.
 */
export class DocumentTable {
  private readonly byId = new Map<string, StoredDocument>();
  private readonly hashIndexes: HashIndex[] = [];
  private readonly definitions = new Map<string, IndexDefinition>();
  /** Leading runs of fields of declared indexes whose hash index is not built yet. */
  private readonly pendingRuns: string[][] = [];
  /** The unique indexes, each with the position of the hash index on all its fields. */
  private readonly uniqueIndexes: { definition: IndexDefinition; position: number }[] = [];
  private nextSeq = 0;

  constructor(public name: string) {}

  get size(): number {
    return this.byId.size;
  }

  /** All documents, in insertion order. */
  scan(): Iterable<StoredDocument> {
    return this.byId.values();
  }

  /**
   * The documents a filter can match, narrowed by `_id` or by the hash index that leaves the
   * fewest candidates among those whose fields the filter pins by equality; else all of them.
   */
  candidates(filter: Filter): Candidates {
    const pinned = pinnedValues(filter);
    const ids = pinned.get('_id');
    if (ids !== undefined) return this.byIds(ids);
    const lookup = this.bestLookup(pinned);
    if (lookup === undefined) return { entries: this.scan(), inOrder: true, settled: [] };
    const { index, keys } = lookup;
    // Keys stand exactly for the values only when no document of the index holds an array there.
    const settled = index.exact ? index.fields.filter((field) => pinned.get(field)?.exact) : [];
    if (keys.length === 1) {
      const inOrder = index.count(keys[0]) <= 1;
      return { entries: index.get(keys[0]), inOrder, settled, bucket: { index, key: keys[0] } };
    }
    const entries = new Set<StoredDocument>();
    for (const key of keys) index.addEntriesTo(key, entries);
    return { entries, inOrder: entries.size <= 1, settled };
  }

  /** `_id` is a string: other values find nothing, and a string finds exactly its document. */
  private byIds({ values, exact }: PinnedField): Candidates {
    const settled = exact ? ['_id'] : [];
    if (values.length === 1) {
      const entry = typeof values[0] === 'string' ? this.byId.get(values[0]) : undefined;
      return { entries: entry === undefined ? [] : [entry], inOrder: true, settled };
    }
    const entries = new Set<StoredDocument>();
    for (const id of values) {
      const entry = typeof id === 'string' ? this.byId.get(id) : undefined;
      if (entry !== undefined) entries.add(entry);
    }
    return { entries, inOrder: entries.size <= 1, settled };
  }

  private bestLookup(pinned: Map<string, PinnedField>): { index: HashIndex; keys: string[] } | undefined {
    if (this.pendingRuns.length > 0) this.buildIndexFor(pinned);
    const usable: { index: HashIndex; values: unknown[][] }[] = [];
    for (const index of this.hashIndexes) {
      const values = index.fields.map((field) => pinned.get(field)?.values);
      if (!values.every((list) => list !== undefined)) continue;
      if (combinationsOf(values) <= MAX_LOOKUP_KEYS) usable.push({ index, values });
    }
    // One usable index (the usual case, e.g. `email: {$in: [...]}`): no need to count its candidates.
    if (usable.length === 1) {
      const { index, values } = usable[0];
      const keys = index.lookupKeys(values);
      return keys === undefined ? undefined : { index, keys };
    }
    // Fewest keys first: an index whose lookup needs more keys than another's candidates number is not worth its keys
    // (say, a pool's few members, rather than a key for each of a thousand emails in the pool).
    usable.sort((a, b) => combinationsOf(a.values) - combinationsOf(b.values));
    let best: { index: HashIndex; keys: string[]; count: number } | undefined;
    for (const { index, values } of usable) {
      if (best !== undefined && combinationsOf(values) > best.count) break;
      const keys = index.lookupKeys(values);
      if (keys === undefined) continue;
      const count = keys.reduce((sum, key) => sum + index.count(key), 0);
      // Fewest candidates first; on a tie, the index on more fields settles more of the filter.
      const better =
        best === undefined ||
        count < best.count ||
        (count === best.count && index.fields.length > best.index.fields.length);
      if (better) best = { index, keys, count };
    }
    return best;
  }

  /** Adds a document; throws `DuplicateKeyError` on a taken `_id` or unique key. */
  insert(doc: Doc): void {
    if (this.byId.has(doc._id)) throw new DuplicateKeyError(this.name, { _id: doc._id });
    const indexKeys = this.hashIndexes.map((index) => index.keysOf(doc));
    this.checkUnique(doc, indexKeys, undefined);
    const entry: StoredDocument = { seq: this.nextSeq++, doc, indexKeys };
    this.byId.set(doc._id, entry);
    this.hashIndexes.forEach((index, position) => index.add(entry, indexKeys[position]));
  }

  /**
   * Takes the next version of a document (same `_id`, possibly the same object changed in place)
   * and refiles it; throws `DuplicateKeyError`, changing nothing, on a taken unique key. When the
   * top-level fields that changed are given, indexes on other fields are left alone.
   */
  replace(entry: StoredDocument, doc: Doc, changedFields?: FieldSet): void {
    const indexKeys = this.hashIndexes.map((index, position) =>
      changedFields !== undefined && !index.readsAny(changedFields)
        ? entry.indexKeys[position]
        : index.keysOf(doc),
    );
    this.checkUnique(doc, indexKeys, entry);
    entry.doc = doc; // before refiling: sorted views place the document by its new values
    this.hashIndexes.forEach((index, position) => {
      const previous = entry.indexKeys[position];
      const next = indexKeys[position];
      if (sameKeys(previous, next)) {
        index.changed(entry, next, changedFields);
      } else {
        index.remove(entry, previous);
        index.add(entry, next);
      }
    });
    entry.indexKeys = indexKeys;
  }

  remove(entry: StoredDocument): void {
    this.byId.delete(entry.doc._id);
    this.hashIndexes.forEach((index, position) => index.remove(entry, entry.indexKeys[position]));
  }

  /**
   * Declares an index: a no-op when the same one exists. A unique index is built at once, and
   * refused with `DuplicateKeyError` when documents already share a key. The hash indexes on the
   * leading fields of the others are built by the first query that can use them (and kept up to
   * date from then on): until a query needs them, writes, such as a rebuild's, do not pay for them.
   */
  createIndex(spec: IndexSpec): void {
    const definition = defineIndex(spec);
    if (this.isDeclared(definition)) return;
    const fields = Object.keys(definition.keys);
    if (fields.length === 1 && fields[0] === '_id') return; // the primary key already is
    if (definition.unique) this.declareUnique(definition, fields);
    for (const run of leadingRuns(fields)) {
      const primary = run.length === 1 && run[0] === '_id';
      if (!primary && this.hashIndexOn(run) === undefined && !this.isPending(run)) this.pendingRuns.push(run);
    }
    this.definitions.set(definition.name, definition);
  }

  /** Builds (or reuses) the hash index on all the fields, refusing documents that share a key. */
  private declareUnique(definition: IndexDefinition, fields: string[]): void {
    let index = this.hashIndexOn(fields);
    if (index === undefined) {
      const built = this.buildHashIndex(fields);
      this.checkNoDuplicate(definition, built.index);
      this.commit(built);
      index = built.index;
    } else {
      this.checkNoDuplicate(definition, index);
    }
    this.uniqueIndexes.push({ definition, position: this.hashIndexes.indexOf(index) });
  }

  /** Builds every hash index still waiting for a query (see createIndex). */
  buildPendingIndexes(): void {
    for (const run of [...this.pendingRuns]) this.commit(this.buildHashIndex(run));
  }

  private isPending(run: readonly string[]): boolean {
    return this.pendingRuns.some((pending) => sameFields(pending, run));
  }

  /** Builds the pending hash index on the most fields that the filter pins to values it can look up. */
  private buildIndexFor(pinned: Map<string, PinnedField>): void {
    let longest: string[] | undefined;
    for (const run of this.pendingRuns) {
      const usable = run.every((field) => pinned.get(field)?.values.every(isLookupValue));
      if (usable && (longest === undefined || run.length > longest.length)) longest = run;
    }
    if (longest !== undefined) this.commit(this.buildHashIndex(longest));
  }

  /** Starts keeping a built hash index up to date. */
  private commit({ index, keys }: { index: HashIndex; keys: Map<StoredDocument, IndexKeys> }): void {
    this.hashIndexes.push(index);
    // concat makes an array of the exact length: a push (or a spread) gives each document 17 slots, ~130 bytes more.
    keys.forEach((entryKeys, entry) => (entry.indexKeys = entry.indexKeys.concat([entryKeys])));
    const pending = this.pendingRuns.findIndex((run) => sameFields(run, index.fields));
    if (pending !== -1) this.pendingRuns.splice(pending, 1);
  }

  private isDeclared(definition: IndexDefinition): boolean {
    const sameName = this.definitions.get(definition.name);
    if (sameName !== undefined) {
      if (sameDefinition(sameName, definition)) return true;
      throw new Error(`An index named ${definition.name} already exists with different keys or options`);
    }
    for (const existing of this.definitions.values()) {
      if (sameDefinition(existing, definition)) {
        throw new Error(`Index already exists with a different name: ${existing.name}`);
      }
    }
    return false;
  }

  private buildHashIndex(fields: string[]): { index: HashIndex; keys: Map<StoredDocument, IndexKeys> } {
    const index = new HashIndex(fields);
    const keys = new Map<StoredDocument, IndexKeys>();
    for (const entry of this.byId.values()) {
      const entryKeys = index.keysOf(entry.doc);
      index.add(entry, entryKeys);
      keys.set(entry, entryKeys);
    }
    return { index, keys };
  }

  private checkNoDuplicate(definition: IndexDefinition, index: HashIndex): void {
    for (const entry of this.byId.values()) {
      if (index.other(index.keysOf(entry.doc), entry) !== undefined)
        throw this.duplicate(definition, entry.doc);
    }
  }

  private checkUnique(doc: Doc, indexKeys: readonly IndexKeys[], self: StoredDocument | undefined): void {
    for (const { definition, position } of this.uniqueIndexes) {
      if (this.hashIndexes[position].other(indexKeys[position], self) !== undefined)
        throw this.duplicate(definition, doc);
    }
  }

  private duplicate(definition: IndexDefinition, doc: Doc): DuplicateKeyError {
    const key: Record<string, unknown> = {};
    for (const field of Object.keys(definition.keys)) key[field] = resolve(doc, field) ?? null;
    return new DuplicateKeyError(this.name, key);
  }

  private hashIndexOn(fields: readonly string[]): HashIndex | undefined {
    return this.hashIndexes.find((index) => sameFields(index.fields, fields));
  }
}

function defineIndex(spec: IndexSpec): IndexDefinition {
  const fields = Object.keys(spec.keys);
  if (fields.length === 0) throw new Error('An index needs at least one key');
  for (const field of fields) {
    if (spec.keys[field] !== 1 && spec.keys[field] !== -1)
      throw new Error(`Index key ${field} must be 1 or -1`);
  }
  const name = spec.name ?? fields.map((field) => `${field}_${spec.keys[field]}`).join('_');
  return { name, keys: { ...spec.keys }, unique: spec.unique === true };
}

function sameDefinition(a: IndexDefinition, b: IndexDefinition): boolean {
  const fields = Object.keys(a.keys);
  return (
    a.unique === b.unique &&
    sameFields(fields, Object.keys(b.keys)) &&
    fields.every((field) => a.keys[field] === b.keys[field])
  );
}

/** `[a, b, c]` → `[a]`, `[a, b]`, `[a, b, c]`: the field lists a compound index answers equality on. */
function leadingRuns(fields: readonly string[]): string[][] {
  return fields.map((_, position) => fields.slice(0, position + 1));
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((field, position) => field === b[position]);
}
