import type { Doc, Filter } from '../read-store.port';
import type { Random } from './random';

/**
 * Random documents and filters for the property specs, over a small domain so that values
 * collide: scalars of every type, nulls and missing fields, arrays (empty, nested), embedded
 * documents and dates, on top-level and dotted paths.
 */
export const FIELDS = ['a', 'b', 'n.x', 'n.y.z'] as const;

const SCALARS: readonly unknown[] = ['a', 'b', 'c', 0, 1, 2, -1, true, false, null];

export function randomValue(random: Random, depth = 0): unknown {
  const roll = random.int(10);
  if (roll < 6 || depth > 1) return random.pick(SCALARS);
  if (roll === 6) return Array.from({ length: random.int(3) }, () => randomValue(random, depth + 1));
  if (roll === 7) return new Date(Date.UTC(2025, 0, 1 + random.int(3)));
  if (roll === 8) return { x: randomValue(random, depth + 1) };
  return Number.NaN;
}

export function randomDocument(random: Random, id: string): Doc {
  const doc: Doc = { _id: id };
  if (random.chance(0.8)) doc.a = randomValue(random);
  if (random.chance(0.6)) doc.b = randomValue(random);
  if (random.chance(0.7)) doc.n = randomNested(random);
  return doc;
}

function randomNested(random: Random): unknown {
  const roll = random.int(6);
  if (roll === 0) return null;
  if (roll === 1)
    return [{ x: random.pick(SCALARS) }, { x: random.pick(SCALARS), y: { z: random.pick(SCALARS) } }];
  if (roll === 2) return random.pick(SCALARS);
  const nested: Record<string, unknown> = {};
  if (random.chance(0.8)) nested.x = randomValue(random);
  if (random.chance(0.5)) nested.y = random.chance(0.8) ? { z: randomValue(random) } : randomValue(random);
  return nested;
}

/** A condition on one field: mostly the shapes the store evaluates itself, some it leaves to mingo. */
export function randomCondition(random: Random, field: string): unknown {
  const operand = (): unknown => random.pick(SCALARS);
  const ordered = (): unknown => random.pick(['a', 'b', 0, 1, 2]);
  // Short lists, and lists long enough to be looked up in a Set (with and without a null among them).
  const operands = (): unknown[] => Array.from({ length: random.pick([2, 9, 12]) }, operand);
  switch (random.int(12)) {
    case 0:
    case 1:
      return operand();
    case 2:
      return { $eq: operand() };
    case 3:
      return { $ne: operand() };
    case 4:
      return { [random.pick(['$gt', '$gte', '$lt', '$lte'])]: ordered() };
    case 5:
      return { $gt: ordered(), $lte: ordered() };
    case 6:
      return { $in: operands() };
    case 7:
      return { $nin: operands() };
    case 8:
      return { $exists: random.chance(0.5) };
    case 9:
      return random.pick([{ $regex: '^[ab]' }, /c/, ['a'], { x: 1 }, { $size: 1 }, { $eq: [] }]);
    case 10:
      return { $in: [operand(), new Date(Date.UTC(2025, 0, 2))] };
    default:
      return field === 'a' ? { $eq: 'a', $exists: true } : { $lt: 'b', $ne: 'a' };
  }
}

export function randomFilter(random: Random): Filter {
  const filter: Filter = {};
  const conditions = random.int(3);
  for (let i = 0; i < conditions; i += 1) {
    const field = random.pick(FIELDS);
    filter[field] = randomCondition(random, field);
  }
  if (random.chance(0.1)) filter.$or = [randomFilter(random), randomFilter(random)];
  return filter;
}
