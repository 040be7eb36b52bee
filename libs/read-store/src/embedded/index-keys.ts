import { isPlainObject } from './document-clone';

/** Starts the key of every value that is not a string, and of the strings that start with it (escaped). */
const TAG = '\u0000';

/**
 * Index keys: one string per value, such that 1, '1' and true never share a bucket, and null and a missing field
 * do (MongoDB indexes a missing field as null, and `{f: null}` matches both). A string is its own key (the usual
 * case: the document's own string, so an index costs no key strings of its own); other values get a type tag
 * after TAG, and a string that starts with TAG is escaped as a tagged one.
 */
export function valueKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.startsWith(TAG) ? TAG + 's' + value : value;
    case 'number':
      return TAG + 'n' + String(value); // String(-0) is '0': -0 and 0 are equal to MongoDB.
    case 'boolean':
      return value ? TAG + 'b1' : TAG + 'b0';
    case 'undefined':
      return TAG + 'z';
    case 'object':
      if (value === null) return TAG + 'z';
      if (value instanceof Date) return TAG + 'd' + value.getTime();
      return TAG + 'o' + canonicalJson(value);
    default:
      return TAG + 'x' + String(value);
  }
}

/** True for the values a query may look up in an index: those whose equality is exactly key equality. */
export function isLookupValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return !Number.isNaN(value);
    case 'object':
      return value === null || value instanceof Date;
    default:
      return false;
  }
}

/**
 * The key of a compound index entry. Each part is prefixed with its length, so that no choice of
 * field values can make two different tuples produce the same key.
 */
export function compoundKey(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0];
  let key = '';
  for (const part of parts) key += keyPiece(part);
  return key;
}

/** One part of a compound key: prefixed with its length, so that no split of the values makes another key. */
function keyPiece(part: string): string {
  return part.length + ':' + part;
}

/** Every combination of one key per field (a multikey document has several), deduplicated. */
export function combineKeys(partsPerField: readonly string[][]): string[] {
  if (partsPerField.length === 1) return [...new Set(partsPerField[0])];
  // Built as compound key strings directly (see compoundKey), prefix by prefix: no array per combination.
  let prefixes = [''];
  for (const parts of partsPerField) {
    const next: string[] = [];
    for (const part of new Set(parts)) {
      const piece = keyPiece(part);
      for (const prefix of prefixes) next.push(prefix + piece);
    }
    prefixes = next;
  }
  return [...new Set(prefixes)];
}

/** JSON with object keys sorted, so that equal embedded documents get the same key whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return `{"$date":${value.getTime()}}`;
  if (isPlainObject(value)) {
    const fields = Object.keys(value)
      .sort()
      .map((key) => JSON.stringify(key) + ':' + canonicalJson(value[key]));
    return '{' + fields.join(',') + '}';
  }
  return JSON.stringify(value) ?? 'null';
}
