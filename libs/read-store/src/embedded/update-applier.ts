import { update as mingoUpdate } from 'mingo';
import * as mingoUpdateOperators from 'mingo/operators/update';
import * as mingoUtil from 'mingo/util';
import type { Doc, Filter, Update } from '../read-store.port';
import { cloneValue, isPlainObject } from './document-clone';
import type { FieldSet } from './field-paths';

type Fields = Record<string, unknown>;
type MingoOperator = (expr: Fields) => (doc: Fields) => string[];

/** mingo's update operators, called directly: its `update()` rebuilds its operator tables on every call (~60 µs). */
const MINGO_OPERATORS = { ...mingoUpdateOperators } as unknown as Record<string, MingoOperator>;
const SUPPORTED_OPERATORS = new Set([...Object.keys(MINGO_OPERATORS), '$setOnInsert']);
// Read once: each access through the module object goes through two getters.
const { isEqual } = mingoUtil;

export interface UpdateTarget {
  /** The filter that selected the document (positional `$` paths refer to it). */
  readonly filter: Filter;
  /** True when the update creates the document (an upsert): `$setOnInsert` applies then only. */
  readonly inserting: boolean;
}

export interface UpdateOutcome {
  /** True when the document changed. */
  readonly modified: boolean;
  /** The top-level fields the update may have changed (values elsewhere are as they were). */
  readonly touchedFields: FieldSet;
  /** Puts the document back as it was before the update. */
  undo(): void;
}

/**
 * Applies an update document (MongoDB's operators) to `doc` in place, undoably: the top-level
 * fields it touches are saved first (object values are replaced by copies, so that changes inside
 * them leave the saved ones intact). Updating in place rather than copying the document spares
 * the garbage collector a whole document per write; the store never hands its documents out.
 * `$set`, `$unset`, `$inc`, `$max` and `$min` on paths through plain objects, the bulk of a
 * projection's writes, are applied here; every other operator or path goes to mingo's operators.
 * An update that throws leaves the document as it was.
 */
export function applyUpdate(doc: Doc, update: Update, target: UpdateTarget): UpdateOutcome {
  const operations = operationsToApply(update, target.inserting).map(
    ([operator, fields]) => [operator, keepIdUnchanged(doc, operator, fields)] as const,
  );
  checkNoConflict(operations);
  const saved = saveTouchedFields(doc, operations);
  const undo = (): void => restore(doc, saved);
  try {
    let modified = false;
    if (operations.some(([, fields]) => Object.keys(fields).some(isPositionalPath))) {
      modified = byMingoWholeUpdate(doc, operations, target.filter);
    } else {
      for (const [operator, fields] of operations)
        modified = applyOperator(doc, operator, fields) || modified;
    }
    return { modified, touchedFields: saved, undo };
  } catch (error) {
    undo();
    throw error;
  }
}

/** Rejects what MongoDB rejects before looking at documents: a replacement, an unknown operator. */
export function validateUpdate(update: Update): void {
  const operators = Object.keys(update);
  if (operators.length === 0 || operators.some((key) => !key.startsWith('$'))) {
    throw new Error('Update document requires atomic operators');
  }
  for (const operator of operators) {
    if (!SUPPORTED_OPERATORS.has(operator)) throw new Error(`Unknown modifier: ${operator}`);
    if (!isPlainObject(update[operator]))
      throw new Error(`Modifiers operate on fields: ${operator} needs a document`);
  }
}

type Operation = readonly [operator: string, fields: Fields];

function operationsToApply(update: Update, inserting: boolean): Operation[] {
  validateUpdate(update);
  const operations: Operation[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$setOnInsert') operations.push([operator, fields]);
    else if (inserting) operations.push(['$set', fields]);
  }
  return operations;
}

/** `_id` is immutable: setting it to the value it has is a no-op (an upsert may restate it), anything else an error. */
function keepIdUnchanged(doc: Doc, operator: string, fields: Fields): Fields {
  if (!Object.keys(fields).some((path) => path === '_id' || path.startsWith('_id.'))) return fields;
  const { _id: value, ...others } = fields;
  if (operator === '$set' && Object.hasOwn(fields, '_id') && isEqual(value, doc._id)) return others;
  throw new Error("Performing an update on the path '_id' would modify the immutable field '_id'");
}

/** MongoDB refuses an update that touches one path twice, or a path and a field inside it. */
function checkNoConflict(operations: readonly Operation[]): void {
  // The fields of one operator are distinct keys: only dotted paths can collide there.
  if (operations.length === 1 && !Object.keys(operations[0][1]).some((path) => path.includes('.'))) return;
  const paths = new Set<string>();
  for (const path of operations.flatMap(([operator, fields]) => touchedPaths(operator, fields))) {
    if (paths.has(path)) throw conflict(path);
    paths.add(path);
  }
  for (const path of paths) {
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      if (paths.has(path.slice(0, dot))) throw conflict(path);
    }
  }
}

function conflict(path: string): Error {
  return new Error(`Updating the path '${path}' would create a conflict`);
}

/** The paths an operator writes: its fields, and for `$rename` the new names too. */
function touchedPaths(operator: string, fields: Fields): string[] {
  const paths = Object.keys(fields);
  if (operator !== '$rename') return paths;
  return [
    ...paths,
    ...Object.values(fields).filter((target): target is string => typeof target === 'string'),
  ];
}

/** Marks a top-level field that was absent before the update. */
const ABSENT: unique symbol = Symbol('absent');

/** The top-level fields an update touches, with their values from before it (parallel arrays: no allocation per field). */
class SavedFields implements FieldSet {
  readonly fields: string[] = [];
  readonly values: unknown[] = [];

  has(field: string): boolean {
    return this.fields.includes(field);
  }
}

function saveTouchedFields(doc: Doc, operations: readonly Operation[]): SavedFields {
  const saved = new SavedFields();
  for (const [operator, fields] of operations) {
    for (const path of touchedPaths(operator, fields)) {
      const field = topField(path);
      if (saved.has(field)) continue;
      const value = Object.hasOwn(doc, field) ? doc[field] : ABSENT;
      saved.fields.push(field);
      saved.values.push(value);
      if (typeof value === 'object' && value !== null) doc[field] = cloneValue(value);
    }
  }
  return saved;
}

function restore(doc: Doc, saved: SavedFields): void {
  saved.fields.forEach((field, position) => {
    const value = saved.values[position];
    if (value === ABSENT) delete doc[field];
    else doc[field] = value;
  });
}

function topField(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}

function isPositionalPath(path: string): boolean {
  return path.includes('$');
}

/** Positional paths need the filter, which only mingo's whole-update entry point takes. */
function byMingoWholeUpdate(doc: Doc, operations: readonly Operation[], filter: Filter): boolean {
  const modifier: Record<string, Fields> = {};
  for (const [operator, fields] of operations) modifier[operator] = { ...modifier[operator], ...fields };
  return mingoUpdate(doc, cloneValue(modifier), undefined, filter).length > 0;
}

function applyOperator(doc: Doc, operator: string, fields: Fields): boolean {
  const fast = FAST_OPERATORS[operator];
  let modified = false;
  let rest: Fields | undefined;
  for (const path in fields) {
    const result = fast ? fast(doc, path, fields[path]) : UNHANDLED;
    if (result === UNHANDLED) (rest ??= {})[path] = fields[path];
    else modified = result || modified;
  }
  if (rest) modified = MINGO_OPERATORS[operator](cloneValue(rest))(doc).length > 0 || modified;
  return modified;
}

const UNHANDLED: unique symbol = Symbol('unhandled');
type FastOperator = (doc: Fields, path: string, operand: unknown) => boolean | typeof UNHANDLED;

const FAST_OPERATORS: Record<string, FastOperator> = {
  $set: (doc, path, operand) => {
    const container = containerOf(doc, path, true);
    if (container === NOT_PLAIN || container === MISSING) return UNHANDLED;
    const field = lastField(path);
    if (Object.hasOwn(container, field) && sameValue(container[field], operand)) return false;
    container[field] = cloneValue(operand);
    return true;
  },
  $unset: (doc, path) => {
    const container = containerOf(doc, path, false);
    if (container === NOT_PLAIN) return UNHANDLED;
    const field = lastField(path);
    if (container === MISSING || !Object.hasOwn(container, field)) return false;
    delete container[field];
    return true;
  },
  $inc: (doc, path, amount) => {
    if (typeof amount !== 'number') return UNHANDLED;
    return replaceScalar(doc, path, amount, (current) =>
      typeof current === 'number' ? current + amount : UNHANDLED,
    );
  },
  $max: (doc, path, operand) => bound(doc, path, operand, (current, value) => value > current),
  $min: (doc, path, operand) => bound(doc, path, operand, (current, value) => value < current),
};

/** Equality as mingo's `$set` sees it (a value stored as given, `undefined` as `null`). */
function sameValue(current: unknown, operand: unknown): boolean {
  const value = operand === undefined ? null : operand;
  if (typeof value !== 'object' || value === null) return Object.is(current, value) || current === value;
  return isEqual(current, value);
}

/** `$max`/`$min` between two numbers or two strings (other pairs compare across types, as mingo does). */
function bound(
  doc: Fields,
  path: string,
  operand: unknown,
  replaces: (current: string | number, value: string | number) => boolean,
): boolean | typeof UNHANDLED {
  if (typeof operand !== 'number' && typeof operand !== 'string') return UNHANDLED;
  return replaceScalar(doc, path, operand, (current) => {
    if (typeof current !== typeof operand) return UNHANDLED;
    return replaces(current as string | number, operand) ? operand : current;
  });
}

/** Sets a field to `initial` when absent, else to `next(current)`; true when the value changed. */
function replaceScalar(
  doc: Fields,
  path: string,
  initial: unknown,
  next: (current: unknown) => unknown,
): boolean | typeof UNHANDLED {
  const container = containerOf(doc, path, true);
  if (container === NOT_PLAIN || container === MISSING) return UNHANDLED;
  const field = lastField(path);
  if (!Object.hasOwn(container, field)) {
    container[field] = initial;
    return true;
  }
  const current = container[field];
  const value = next(current);
  if (value === UNHANDLED) return UNHANDLED;
  container[field] = value;
  return !Object.is(value, current); // NaN stays NaN: no change
}

const NOT_PLAIN: unique symbol = Symbol('not plain');
const MISSING: unique symbol = Symbol('missing');

/**
 * The object holding a dotted path's last field, when every field on the way is a plain object
 * or absent (created when `create`, else `MISSING`). `NOT_PLAIN` when one is anything else.
 */
function containerOf(doc: Fields, path: string, create: boolean): Fields | typeof NOT_PLAIN | typeof MISSING {
  if (!path.includes('.')) return doc;
  let container = doc;
  let start = 0;
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', start)) {
    const field = path.slice(start, dot);
    start = dot + 1;
    const next = Object.hasOwn(container, field) ? container[field] : undefined;
    if (isPlainObject(next)) {
      container = next;
    } else if (next !== undefined) {
      return NOT_PLAIN;
    } else if (!create) {
      return MISSING;
    } else {
      const created: Fields = {};
      container[field] = created;
      container = created;
    }
  }
  return container;
}

function lastField(path: string): string {
  return path.includes('.') ? path.slice(path.lastIndexOf('.') + 1) : path;
}
