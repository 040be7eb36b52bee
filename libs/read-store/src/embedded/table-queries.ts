import type { Doc, Filter, FindOptions, Sort } from '../read-store.port';
import type { Candidates, DocumentTable } from './document-table';
import { compileFilter, type DocumentMatcher } from './filter-matcher';
import { projectCopies } from './projection';
import { sortDocuments } from './sort-documents';
import { bySeq, type StoredDocument } from './stored-document';

/** The documents a filter matches among its candidates, and whether they came in insertion order. */
interface Matches {
  readonly entries: StoredDocument[];
  readonly inOrder: boolean;
}

/** The first `count` documents (all by default) the filter matches, in insertion order. */
export function matchingEntries(table: DocumentTable, filter: Filter, count = Infinity): StoredDocument[] {
  const { entries, inOrder } = collectMatches(table, filter, count);
  if (inOrder) return entries;
  entries.sort(bySeq);
  return entries.length > count ? entries.slice(0, count) : entries;
}

/** The first document in insertion order that the filter matches. */
export function firstMatch(table: DocumentTable, filter: Filter): StoredDocument | undefined {
  const { entries, inOrder, matcher } = candidatesOf(table, filter);
  let first: StoredDocument | undefined;
  for (const entry of entries) {
    if ((first === undefined || entry.seq < first.seq) && matcher.test(entry.doc)) {
      first = entry;
      if (inOrder) break;
    }
  }
  return first;
}

export function countMatches(table: DocumentTable, filter: Filter): number {
  const { entries, matcher } = candidatesOf(table, filter);
  if (matcher.matchesAll && Array.isArray(entries)) return entries.length;
  if (matcher.matchesAll && entries instanceof Set) return entries.size;
  if (matcher.matchesAll) return table.size; // the candidates are the whole table
  let count = 0;
  for (const entry of entries) if (matcher.test(entry.doc)) count += 1;
  return count;
}

/** Copies of the matching documents, sorted, paged and projected as MongoDB's `find` does. */
export function findDocuments(table: DocumentTable, filter: Filter, options: FindOptions): Doc[] {
  const skip = nonNegative(options.skip ?? 0, 'skip');
  // A limit of 0 means no limit, as in MongoDB.
  const limit = nonNegative(options.limit ?? 0, 'limit') || Infinity;
  const sort = options.sort !== undefined && Object.keys(options.sort).length > 0 ? options.sort : undefined;
  const page = sort
    ? sortedMatches(table, filter, sort, skip + limit).slice(skip)
    : matchingEntries(table, filter, skip + limit).slice(skip);
  return projectCopies(
    page.map((entry) => entry.doc),
    options.projection,
  );
}

/** Smaller buckets are sorted on each query: keeping them sorted would cost more than it saves. */
const SORTED_VIEW_THRESHOLD = 64;

/**
 * The first `count` matches in the sort's order. Candidates from one index bucket are kept sorted
 * by the index and walked in order, so that a page costs about a page.
 */
function sortedMatches(table: DocumentTable, filter: Filter, sort: Sort, count: number): StoredDocument[] {
  const { entries, bucket, matcher } = candidatesOf(table, filter);
  if (bucket === undefined || bucket.index.count(bucket.key) < SORTED_VIEW_THRESHOLD) {
    const matches = [...entries].filter((entry) => matcher.test(entry.doc));
    return sortDocuments(matches, sort, count);
  }
  const sorted = bucket.index.sortedBucket(bucket.key, sort);
  if (matcher.matchesAll) return sorted.slice(0, count);
  const matches: StoredDocument[] = [];
  for (const entry of sorted) {
    if (matches.length >= count) break;
    if (matcher.test(entry.doc)) matches.push(entry);
  }
  return matches;
}

/** Matches among the candidates; when these come in order, the first `count` suffice. */
function collectMatches(table: DocumentTable, filter: Filter, count = Infinity): Matches {
  const { entries, inOrder, matcher } = candidatesOf(table, filter);
  const matches: StoredDocument[] = [];
  if (matcher.matchesAll && !inOrder) return { entries: [...entries], inOrder };
  for (const entry of entries) {
    if (inOrder && matches.length >= count) break;
    if (matcher.test(entry.doc)) matches.push(entry);
  }
  return { entries: matches, inOrder };
}

/** The candidates of a filter, with a matcher for what their lookup did not already settle. */
function candidatesOf(table: DocumentTable, filter: Filter): Candidates & { matcher: DocumentMatcher } {
  const candidates = table.candidates(filter);
  return { ...candidates, matcher: compileFilter(withoutFields(filter, candidates.settled)) };
}

function withoutFields(filter: Filter, fields: readonly string[]): Filter {
  if (fields.length === 0) return filter;
  if (fields.length === 1 && isOnlyField(filter, fields[0])) return {};
  const rest: Filter = {};
  for (const field of Object.keys(filter)) if (!fields.includes(field)) rest[field] = filter[field];
  return rest;
}

function isOnlyField(filter: Filter, field: string): boolean {
  for (const key in filter) if (key !== field) return false;
  return true;
}

function nonNegative(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${option} must be a non-negative integer`);
  return value;
}
