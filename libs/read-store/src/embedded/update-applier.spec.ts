import { isDeepStrictEqual } from 'node:util';
import { update as mingoUpdate } from 'mingo';
import type { Doc, Update } from '../read-store.port';
import { Random } from '../testing/random';
import { FIELDS, randomDocument, randomValue } from '../testing/random-documents';
import { cloneValue } from './document-clone';
import { applyUpdate } from './update-applier';

const OPERATORS = ['$set', '$unset', '$inc', '$max', '$min', '$push', '$addToSet', '$pull'] as const;

function randomUpdate(random: Random): Update {
  const update: Update = {};
  const operations = 1 + random.int(2);
  for (let i = 0; i < operations; i += 1) {
    const operator = random.pick(OPERATORS);
    const fields: Record<string, unknown> = (update[operator] ??= {});
    const field = random.pick(FIELDS);
    if (operator === '$unset') fields[field] = '';
    else if (operator === '$inc') fields[field] = random.chance(0.9) ? random.pick([1, -2, 0, 0.5]) : 'x';
    else fields[field] = randomValue(random);
  }
  return update;
}

/** What an update does to a document: its result, whether it changed, or that it was refused. */
type Outcome = { doc: Doc; modified: boolean } | { refused: true };

function byMingo(doc: Doc, update: Update): Outcome {
  try {
    const modified = mingoUpdate(doc, cloneValue(update) as never).length > 0;
    return { doc, modified };
  } catch {
    return { refused: true };
  }
}

function byStore(doc: Doc, update: Update): Outcome {
  try {
    const outcome = applyUpdate(doc, update, { filter: {}, inserting: false });
    return { doc, modified: outcome.modified };
  } catch {
    return { refused: true };
  }
}

describe('applyUpdate', () => {
  it('agrees with mingo on random updates of random documents', () => {
    const random = new Random(7);
    const disagreements: string[] = [];
    for (let round = 0; round < 3000 && disagreements.length < 3; round += 1) {
      const doc = randomDocument(random, `d${round}`);
      const update = randomUpdate(random);
      const expected = byMingo(cloneValue(doc), update);
      const actual = byStore(cloneValue(doc), update);
      if (!isDeepStrictEqual(actual, expected)) {
        disagreements.push(
          `${JSON.stringify(update)} on ${JSON.stringify(doc)}: ${JSON.stringify(actual)} vs mingo ${JSON.stringify(expected)}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('puts the document back exactly as it was on undo', () => {
    const random = new Random(11);
    for (let round = 0; round < 1000; round += 1) {
      const original = randomDocument(random, `d${round}`);
      const doc = cloneValue(original);
      try {
        applyUpdate(doc, randomUpdate(random), { filter: {}, inserting: false }).undo();
      } catch {
        // A refused update leaves the document as it was, which the expectation checks too.
      }
      expect(doc).toEqual(original);
    }
  });

  it('leaves the document as it was when an operator fails after others applied', () => {
    const doc: Doc = { _id: 'a', n: 1, nested: { k: 1 }, list: [1] };
    expect(() =>
      applyUpdate(
        doc,
        { $set: { n: 2, 'nested.k': 2 }, $push: { list: 2 }, $inc: { other: 'x' } },
        { filter: {}, inserting: false },
      ),
    ).toThrow();
    expect(doc).toEqual({ _id: 'a', n: 1, nested: { k: 1 }, list: [1] });
  });

  it('applies $setOnInsert only when inserting', () => {
    const update = { $set: { a: 1 }, $setOnInsert: { b: 2 } };
    const existing: Doc = { _id: 'x' };
    applyUpdate(existing, update, { filter: {}, inserting: false });
    expect(existing).toEqual({ _id: 'x', a: 1 });
    const inserted: Doc = { _id: 'y' };
    applyUpdate(inserted, update, { filter: {}, inserting: true });
    expect(inserted).toEqual({ _id: 'y', a: 1, b: 2 });
  });

  it('refuses conflicting paths and changes of _id, and lets an upsert restate its _id', () => {
    const doc: Doc = { _id: 'a', n: { k: 1 } };
    const target = { filter: {}, inserting: false };
    expect(() => applyUpdate(doc, { $set: { n: 1 }, $inc: { 'n.k': 1 } }, target)).toThrow(/conflict/);
    expect(() => applyUpdate(doc, { $set: { a: 1 }, $unset: { a: '' } }, target)).toThrow(/conflict/);
    expect(() => applyUpdate(doc, { $set: { _id: 'b' } }, target)).toThrow(/immutable/);
    expect(
      applyUpdate(doc, { $setOnInsert: { _id: 'a', m: 1 } }, { filter: {}, inserting: true }).modified,
    ).toBe(true);
    expect(doc).toEqual({ _id: 'a', n: { k: 1 }, m: 1 });
  });

  it('applies positional updates through mingo with the filter', () => {
    const doc: Doc = {
      _id: 'a',
      items: [
        { id: 1, n: 0 },
        { id: 2, n: 0 },
      ],
    };
    applyUpdate(doc, { $set: { 'items.$.n': 5 } }, { filter: { 'items.id': 2 }, inserting: false });
    expect(doc.items).toEqual([
      { id: 1, n: 0 },
      { id: 2, n: 5 },
    ]);
  });
});
