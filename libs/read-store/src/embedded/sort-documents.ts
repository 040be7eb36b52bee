import * as mingoUtil from 'mingo/util';
import type { Sort } from '../read-store.port';
import type { StoredDocument } from './stored-document';

// Read once: each access through the module object goes through two getters.
const { compare, resolve } = mingoUtil;

/**
 * The first `count` documents in the sort's order, ties broken by insertion order, values compared
 * as mingo compares them (MongoDB's order of types). A page of a large result is picked with a
 * bounded heap rather than by sorting everything.
 */
export function sortDocuments(
  entries: readonly StoredDocument[],
  sort: Sort,
  count: number,
): StoredDocument[] {
  const fields = Object.keys(sort);
  const directions = fields.map((field) => sort[field]);
  // One column of sort values per field, read once; positions into `entries` are what gets sorted.
  const columns = fields.map((field) => entries.map((entry) => sortValue(entry, field)));
  const order = (a: number, b: number): number => {
    for (let i = 0; i < columns.length; i += 1) {
      const difference = compareValues(columns[i][a], columns[i][b]);
      if (difference !== 0) return difference * directions[i];
    }
    return entries[a].seq - entries[b].seq;
  };
  const positions = entries.map((_, position) => position);
  const first =
    count < positions.length / 4 ? smallest(positions, count, order) : positions.sort(order).slice(0, count);
  return first.map((position) => entries[position]);
}

/** The sort's order of two documents, reading their values (for placing one document among sorted ones). */
export function entryOrder(sort: Sort): (a: StoredDocument, b: StoredDocument) => number {
  const fields = Object.keys(sort);
  return (a, b) => {
    for (const field of fields) {
      const difference = compareValues(sortValue(a, field), sortValue(b, field));
      if (difference !== 0) return difference * sort[field];
    }
    return a.seq - b.seq;
  };
}

function sortValue({ doc }: StoredDocument, field: string): unknown {
  return field.includes('.') ? resolve(doc, field) : doc[field];
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compare(a, b);
}

/** The `count` smallest items in order, kept in a max-heap while scanning. */
export function smallest<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      siftUp(heap, heap.length - 1, order);
    } else if (order(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(heap, 0, order);
    }
  }
  return heap.sort(order);
}

function siftUp<T>(heap: T[], index: number, order: (a: T, b: T) => number): void {
  const item = heap[index];
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (order(item, heap[parent]) <= 0) break;
    heap[index] = heap[parent];
    index = parent;
  }
  heap[index] = item;
}

function siftDown<T>(heap: T[], index: number, order: (a: T, b: T) => number): void {
  const item = heap[index];
  const size = heap.length;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= size) break;
    if (child + 1 < size && order(heap[child + 1], heap[child]) > 0) child += 1;
    if (order(heap[child], item) <= 0) break;
    heap[index] = heap[child];
    index = child;
  }
  heap[index] = item;
}
