import { Query } from 'mingo';
import { Random } from '../testing/random';
import { randomDocument, randomFilter } from '../testing/random-documents';
import { compileFilter } from './filter-matcher';

describe('compileFilter', () => {
  it('agrees with mingo on random filters and documents', () => {
    const random = new Random(20250101);
    const documents = Array.from({ length: 300 }, (_, i) => randomDocument(random, `d${i}`));
    const disagreements: string[] = [];
    for (let round = 0; round < 400 && disagreements.length === 0; round += 1) {
      const filter = randomFilter(random);
      const matcher = compileFilter(filter);
      const query = new Query(filter);
      for (const doc of documents) {
        if (matcher.test(doc) !== query.test(doc))
          disagreements.push(`${JSON.stringify(filter)} on ${JSON.stringify(doc)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('evaluates the guarded update of projections: _id, position and state', () => {
    const matcher = compileFilter({ _id: 'a', _pos: { $lt: '0005' }, state: { $in: ['NEW', 'SENT'] } });
    expect(matcher.test({ _id: 'a', _pos: '0004', state: 'NEW' })).toBe(true);
    expect(matcher.test({ _id: 'a', _pos: '0005', state: 'NEW' })).toBe(false);
    expect(matcher.test({ _id: 'a', _pos: '0004', state: 'DONE' })).toBe(false);
    expect(matcher.test({ _id: 'b', _pos: '0004', state: 'NEW' })).toBe(false);
    expect(matcher.test({ _id: 'a', state: 'NEW' })).toBe(false);
  });

  it('matches everything with an empty filter', () => {
    expect(compileFilter({}).matchesAll).toBe(true);
    expect(compileFilter({ a: 1 }).matchesAll).toBe(false);
  });
});
