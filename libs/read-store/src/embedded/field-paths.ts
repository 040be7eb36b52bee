import { isPlainObject } from './document-clone';

/** A set of top-level field names, as far as membership goes. */
export type FieldSet = Pick<ReadonlySet<string>, 'has'>;

/** Marks a path whose value the fast paths do not evaluate (it crosses an array or another object type). */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * Reads a dotted path that crosses only plain objects and ends on a scalar (or on nothing), the only
 * case where MongoDB's matching rules are the plain JavaScript ones. Returns `NOT_PLAIN` otherwise,
 * so the caller can hand the document to mingo, which knows arrays, dates and the rest.
 */
export function readScalarPath(doc: Record<string, unknown>, path: readonly string[]): unknown {
  const value = readPlainPath(doc, path);
  return isScalar(value) ? value : NOT_PLAIN;
}

/**
 * Reads a dotted path that crosses only plain objects (or ends early on nothing); `NOT_PLAIN` when
 * it crosses anything else, an array for one, where MongoDB reaches into the elements.
 */
export function readPlainPath(doc: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const field of path) {
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) return NOT_PLAIN;
    value = Object.hasOwn(value, field) ? value[field] : undefined;
  }
  return value;
}

/** A value the fast paths compare with plain JavaScript: a string, a boolean, a number other than NaN, or nothing. */
export function isScalar(value: unknown): value is string | number | boolean | null | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return !Number.isNaN(value);
    default:
      return value === null;
  }
}

/**
 * Every value a path reaches, MongoDB's multikey way: a path crossing an array reaches into each
 * element, a numeric segment also picks the element at that position, and an array at the end
 * contributes each of its elements. An empty array or a missing field reaches `undefined`. The
 * result may hold more than a query could match on; index lookups rely on it holding no less.
 */
export function reachableValues(doc: Record<string, unknown>, path: readonly string[]): unknown[] {
  const values: unknown[] = [];
  collect(doc, path, 0, values);
  return values;
}

function collect(value: unknown, path: readonly string[], depth: number, values: unknown[]): void {
  if (Array.isArray(value)) {
    collectFromArray(value, path, depth, values);
  } else if (depth === path.length) {
    values.push(value);
  } else if (isPlainObject(value)) {
    const field = path[depth];
    collect(Object.hasOwn(value, field) ? value[field] : undefined, path, depth + 1, values);
  } else {
    values.push(undefined);
  }
}

function collectFromArray(array: unknown[], path: readonly string[], depth: number, values: unknown[]): void {
  if (array.length === 0) {
    values.push(undefined);
    return;
  }
  if (depth < path.length && /^\d+$/.test(path[depth])) {
    collect(array[Number(path[depth])], path, depth + 1, values);
  }
  for (const element of array) collect(element, path, depth, values);
}

/** Sets a dotted path, creating the plain objects on the way. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const fields = path.split('.');
  let container = doc;
  for (let i = 0; i < fields.length - 1; i += 1) {
    const next = container[fields[i]];
    if (isPlainObject(next)) {
      container = next;
    } else {
      const created: Record<string, unknown> = {};
      container[fields[i]] = created;
      container = created;
    }
  }
  container[fields[fields.length - 1]] = value;
}
