import { positionKey } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { writeDocuments } from '../testing/write-documents';
import type { PassportDoc } from './passport.document';
import { possibleDuplicateKey } from './possible-duplicate-key';

let position = 1n;
function passport(id: string, fields: Partial<PassportDoc> = {}): PassportDoc {
  const details = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-01-01', ...fields };
  return {
    _id: id,
    email: `${id}@example.org`,
    mobile: null,
    middleNames: null,
    preferredName: null,
    createdAt: '2025-03-01T09:00:00.000Z',
    _pos: positionKey(position++),
    ...details,
    nameKey: possibleDuplicateKey(details.firstName, details.lastName, details.dateOfBirth),
    ...fields,
  };
}

describeOnBothAdapters('passports', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const write = (...docs: PassportDoc[]) => writeDocuments(readModels, 'passports', docs);
  const ids = (docs: PassportDoc[]) => docs.map((doc) => doc._id).sort();

  it('finds a passport by email and by mobile', async () => {
    const ada = passport('ada', { mobile: '+61400000001' });
    await write(ada, passport('bob'));

    expect(await readModels.passports.byEmail('ada@example.org')).toEqual(ada);
    expect(await readModels.passports.byMobile('+61400000001')).toEqual(ada);
    expect(await readModels.passports.byEmail('nobody@example.org')).toBeNull();
    expect(await readModels.passports.byMobile('+61400000009')).toBeNull();
  });

  it('finds the passports of many emails and mobiles at once, each once', async () => {
    await write(
      passport('a', { mobile: '+61400000001' }),
      passport('b'),
      passport('c', { mobile: '+61400000003' }),
    );

    expect(
      ids(
        await readModels.passports.byEmails([
          'a@example.org',
          'c@example.org',
          'x@example.org',
          'a@example.org',
        ]),
      ),
    ).toEqual(['a', 'c']);
    expect(ids(await readModels.passports.byMobiles(['+61400000003', '+61400000009']))).toEqual(['c']);
    expect(await readModels.passports.byEmails([])).toEqual([]);
  });

  it('finds the passports that are possibly the same person, by the possible-duplicate rule', async () => {
    await write(
      passport('zoe', { firstName: 'Zoë', lastName: 'Ångström', dateOfBirth: '1990-12-10' }),
      passport('zoe-2', { firstName: 'ZOE', lastName: 'angstrom', dateOfBirth: '1990-12-10' }),
      passport('zoe-3', { firstName: 'Zoe', lastName: 'Angstrom', dateOfBirth: '1990-12-11' }),
    );

    const key = possibleDuplicateKey('zoe', 'ÅNGSTRÖM', '1990-12-10');
    expect(ids(await readModels.passports.byPossibleDuplicateKeys([key, 'nobody|none|2000-01-01']))).toEqual([
      'zoe',
      'zoe-2',
    ]);
  });

  it('keeps an email to one passport, the first: a second one with it is not added, the rest are', async () => {
    // Cannot happen with a sound log (the event store keeps emails unique): it stands for a write refused because
    // it was, in substance, applied already.
    await write(
      passport('first', { email: 'same@example.org' }),
      passport('second', { email: 'same@example.org' }),
      passport('third', { email: 'other@example.org' }),
    );

    expect((await readModels.storage.documents('passports').all()).map((doc) => doc._id)).toEqual([
      'first',
      'third',
    ]);
    expect(await readModels.passports.byEmail('same@example.org')).toMatchObject({ _id: 'first' });
  });
});
