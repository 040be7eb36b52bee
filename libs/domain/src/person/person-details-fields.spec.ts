import { PERSON_DETAIL_FIELDS, personDetailValues, personFromValues } from './person-details-fields';

describe('a person as values, in PERSON_DETAIL_FIELDS order', () => {
  it('reads each field from its place in the list, from an offset in a longer list', () => {
    const person = personFromValues(['row-7', ...PERSON_DETAIL_FIELDS], 1);

    expect(Object.keys(person)).toEqual([...PERSON_DETAIL_FIELDS]);
    for (const field of PERSON_DETAIL_FIELDS) expect(person[field]).toBe(field);
  });

  it('comes back as it went', () => {
    const person = {
      email: 'zoe@example.org',
      dateOfBirth: '1991-03-14',
      firstName: 'Zoë',
      middleNames: null,
      lastName: 'Ångström',
      preferredName: 'Zo',
      mobile: '+61412345678',
      jobRole: 'Nurse',
    };

    expect(personFromValues(personDetailValues(person))).toEqual(person);
  });
});
