import { Query } from 'mingo';
import type { Doc, Filter } from '../read-store.port';
import { isScalar, NOT_PLAIN, readScalarPath } from './field-paths';
import { isOperatorExpression } from './filter-equalities';

/** A compiled filter. */
export interface DocumentMatcher {
  /** True when the filter is empty. */
  readonly matchesAll: boolean;
  test(doc: Doc): boolean;
}

type Scalar = string | number | boolean | null | undefined;
type ScalarTest = (value: Scalar) => boolean;
interface FieldTest {
  readonly path: readonly string[];
  readonly test: ScalarTest;
}

/**
 * Compiles a filter, evaluated by mingo. mingo compiles each query anew (about 13 µs), more than a
 * projection's whole budget for one write, so the common shape is evaluated here instead: fields
 * compared with scalars by equality, `$ne`, `$gt`/`$gte`/`$lt`/`$lte`, `$in`/`$nin` or `$exists`,
 * on documents whose values there are scalars too. Anything else (another operator, an array or a
 * date in the document) goes to mingo, so the language stays mingo's; the spec checks that both agree.
 */
export function compileFilter(filter: Filter): DocumentMatcher {
  if (isEmpty(filter)) return MATCH_ALL;
  let query: Query | undefined;
  const byMingo = (doc: Doc): boolean => (query ??= new Query(filter)).test(doc);
  const tests = compileFieldTests(filter);
  if (tests === undefined) return { matchesAll: false, test: byMingo };
  return { matchesAll: false, test: (doc) => testFields(doc, tests, byMingo) };
}

const MATCH_ALL: DocumentMatcher = { matchesAll: true, test: () => true };

function isEmpty(filter: Filter): boolean {
  for (const _ in filter) return false;
  return true;
}

function testFields(doc: Doc, tests: readonly FieldTest[], byMingo: (doc: Doc) => boolean): boolean {
  for (const { path, test } of tests) {
    const value = readScalarPath(doc, path);
    if (value === NOT_PLAIN) return byMingo(doc);
    if (!test(value as Scalar)) return false;
  }
  return true;
}

function compileFieldTests(filter: Filter): FieldTest[] | undefined {
  const tests: FieldTest[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) return undefined;
    const test = compileCondition(field, condition);
    if (test === undefined) return undefined;
    tests.push({ path: field.split('.'), test });
  }
  return tests;
}

function compileCondition(field: string, condition: unknown): ScalarTest | undefined {
  if (isOperand(condition)) return equals(condition);
  if (!isOperatorExpression(condition)) return undefined;
  const tests: ScalarTest[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    const test = compileOperator(field, operator, operand);
    if (test === undefined) return undefined;
    tests.push(test);
  }
  return tests.length === 1 ? tests[0] : (value) => tests.every((test) => test(value));
}

function compileOperator(field: string, operator: string, operand: unknown): ScalarTest | undefined {
  switch (operator) {
    case '$eq':
      return isOperand(operand) ? equals(operand) : undefined;
    case '$ne':
      return isOperand(operand) ? not(equals(operand)) : undefined;
    case '$in':
      return isOperandList(operand) ? isIn(operand) : undefined;
    case '$nin':
      return isOperandList(operand) ? not(isIn(operand)) : undefined;
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return isOrderedOperand(operand) ? compares(operator, operand) : undefined;
    case '$exists':
      // A nested path's existence depends on arrays on the way, which mingo handles.
      return field.includes('.') ? undefined : (value) => (value !== undefined) === Boolean(operand);
    default:
      return undefined;
  }
}

/** Equality as MongoDB has it for scalars: null also matches a missing field. */
function equals(operand: Scalar): ScalarTest {
  if (operand === null || operand === undefined) return (value) => value === null || value === undefined;
  return (value) => value === operand;
}

/** From this many operands on, `$in` looks a value up in a Set rather than comparing it with each in turn. */
const IN_SET_FROM = 8;

function isIn(operands: readonly Scalar[]): ScalarTest {
  // A Set finds what === finds for anything but NaN (which equals nothing) and null or undefined (each of which
  // also matches the other).
  if (
    operands.length >= IN_SET_FROM &&
    operands.every((operand) => operand !== null && operand !== undefined && operand === operand)
  ) {
    const set = new Set<Scalar>(operands);
    return (value) => set.has(value);
  }
  const tests = operands.map(equals);
  return (value) => tests.some((test) => test(value));
}

/** Comparisons only between values of one type, as MongoDB brackets them. */
function compares(operator: string, operand: string | number): ScalarTest {
  const type = typeof operand;
  switch (operator) {
    case '$gt':
      return (value) => typeof value === type && (value as typeof operand) > operand;
    case '$gte':
      return (value) => typeof value === type && (value as typeof operand) >= operand;
    case '$lt':
      return (value) => typeof value === type && (value as typeof operand) < operand;
    default:
      return (value) => typeof value === type && (value as typeof operand) <= operand;
  }
}

function not(test: ScalarTest): ScalarTest {
  return (value) => !test(value);
}

function isOperand(value: unknown): value is Scalar {
  return isScalar(value);
}

function isOperandList(value: unknown): value is Scalar[] {
  return Array.isArray(value) && value.every(isOperand);
}

function isOrderedOperand(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}
