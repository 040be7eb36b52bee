import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : sourcesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** MongoDB's query and update operators: they belong in the read models' MongoDB adapters, never in an app. */
const MONGO_OPERATOR =
  /['"`]\$(in|nin|eq|ne|gt|gte|lt|lte|regex|exists|and|or|not|set|unset|inc|push|pull|addToSet|setOnInsert|max|min|elemMatch)['"`]|\{\s*\$(in|nin|eq|ne|gt|gte|lt|lte|regex|exists|and|or|set|unset|inc|push|pull|addToSet|setOnInsert)\s*:/;

describe('the shape the layering rules cannot see', () => {
  it('no app holds a MongoDB query or update operator: the read models own their queries', () => {
    const offenders = sourcesUnder(join(ROOT, 'apps'))
      .filter((file) => MONGO_OPERATOR.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('catches an operator when one is planted (the check above can fail)', () => {
    expect(MONGO_OPERATOR.test("find({ state: { $in: ['INVITED'] } })")).toBe(true);
    expect(MONGO_OPERATOR.test("update({ '$set': { name } })")).toBe(true);
    expect(MONGO_OPERATOR.test('const price = `$${amount}`;')).toBe(false);
  });
});
