/**
 * Deep copies of stored values, so that neither the caller's objects nor the store's own can change
 * the other. `undefined` becomes `null`, as the MongoDB driver stores it, so both adapters hold the
 * same documents. A hand-written copy: projections copy a document on every write, and
 * `structuredClone` costs several times more for the small plain documents read models hold.
 */
export function cloneValue<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy);
  if (value instanceof Date) return new Date(value.getTime());
  if (isPlainObject(value)) return copyObject(value);
  // Anything else (a RegExp, a Buffer, a driver type) is copied by the platform's own algorithm.
  return structuredClone(value);
}

function copyObject(source: Record<string, unknown>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const key in source) {
    if (Object.prototype.hasOwnProperty.call(source, key)) target[key] = copy(source[key]);
  }
  return target;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
