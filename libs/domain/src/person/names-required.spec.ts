import { aPerson, EXISTING, INVALID, NEW } from '../testing/invitee-fixtures';
import { missingNamesForNewPerson } from './names-required';

describe('names required for a person without a passport', () => {
  it('requires first and last names of a NEW person, naming both fields', () => {
    expect(missingNamesForNewPerson(aPerson({ firstName: null, lastName: '  ' }), NEW)).toEqual([
      { field: 'firstName', message: expect.stringContaining('required') },
      { field: 'lastName', message: expect.stringContaining('required') },
    ]);
  });

  it('names only the missing one', () => {
    expect(missingNamesForNewPerson(aPerson({ lastName: null }), NEW).map((error) => error.field)).toEqual([
      'lastName',
    ]);
  });

  it('is satisfied by a NEW person with both names, middle and preferred names being optional', () => {
    expect(missingNamesForNewPerson(aPerson({ middleNames: null, preferredName: null }), NEW)).toEqual([]);
  });

  it.each([EXISTING, INVALID])(
    'does not require names of a person with a passport (%j)',
    (classification) => {
      expect(missingNamesForNewPerson(aPerson({ firstName: null, lastName: null }), classification)).toEqual(
        [],
      );
    },
  );
});
