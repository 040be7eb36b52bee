import type { Filter } from '../read-store.port';
import { cloneValue, isPlainObject } from './document-clone';
import { setPath } from './field-paths';

/** The values a filter pins a field to. */
export interface PinnedField {
  readonly values: unknown[];
  /**
   * True when this equality is the filter's whole condition on the field, at its top level: a
   * document found by exact lookup of these values then needs no further check of the field.
   */
  readonly exact: boolean;
}

/**
 * For each field a filter pins to one or a few values (a literal, `$eq` or `$in`, at the top level
 * or inside `$and`), those values. Index lookups start from them; what they find is still checked
 * against the filter, so a field left out here only costs a wider search.
 */
export function pinnedValues(filter: Filter): Map<string, PinnedField> {
  const pinned = new Map<string, PinnedField>();
  collectPinned(filter, pinned, true);
  return pinned;
}

function collectPinned(filter: Filter, pinned: Map<string, PinnedField>, topLevel: boolean): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$') || pinned.has(field)) continue;
    const values = valuesOf(condition);
    if (values) pinned.set(field, { values, exact: topLevel && isWholeEquality(condition) });
  }
  const clauses = filter.$and;
  if (Array.isArray(clauses)) {
    for (const clause of clauses) if (isPlainObject(clause)) collectPinned(clause, pinned, false);
  }
}

function valuesOf(condition: unknown): unknown[] | undefined {
  if (!isOperatorExpression(condition)) return isLiteral(condition) ? [condition] : undefined;
  if (Object.hasOwn(condition, '$eq')) return isLiteral(condition.$eq) ? [condition.$eq] : undefined;
  if (Array.isArray(condition.$in)) return condition.$in;
  return undefined;
}

/** A literal, or `$eq` or `$in` alone. */
function isWholeEquality(condition: unknown): boolean {
  return !isOperatorExpression(condition) || Object.keys(condition).length === 1;
}

/** Values matched by equality alone: arrays and embedded documents also match by element or shape. */
function isLiteral(value: unknown): boolean {
  return !Array.isArray(value) && !isPlainObject(value) && !(value instanceof RegExp);
}

/**
 * The document an upsert starts from when nothing matches, as MongoDB builds it: the fields the
 * filter sets by equality (a literal or `$eq`, also inside `$and`), dotted paths as nested fields.
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  collectSeed(filter, seed);
  return seed;
}

function collectSeed(filter: Filter, seed: Record<string, unknown>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collectSeed(clause, seed);
    } else if (!field.startsWith('$')) {
      const equal = equalityOperand(condition);
      if (equal.found) setPath(seed, field, cloneValue(equal.value));
    }
  }
}

function equalityOperand(condition: unknown): { found: boolean; value?: unknown } {
  if (condition instanceof RegExp) return { found: false };
  if (!isOperatorExpression(condition)) return { found: true, value: condition };
  if (Object.hasOwn(condition, '$eq')) return { found: true, value: condition.$eq };
  return { found: false };
}

/** `{ $gt: 1 }` rather than an embedded document to compare with: MongoDB looks at the first key. */
export function isOperatorExpression(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const key in value) return key.startsWith('$');
  return false;
}
