import { aPassport, aPerson } from '../testing/invitee-fixtures';
import { classifyPerson } from './classify-person';

const OTHER_PASSPORT = aPassport({
  passportId: 'passport-other',
  email: 'grace.hopper@example.org',
  dateOfBirth: '1986-12-09',
  firstName: 'Grace',
  middleNames: 'Brewster',
  lastName: 'Hopper',
  mobile: '+61498765432',
});

describe('classifyPerson', () => {
  it('is NEW when no passport exists for the email nor the mobile', () => {
    expect(classifyPerson(aPerson(), null, null)).toEqual({
      uploadStatus: 'NEW',
      discrepancies: [],
      passportId: null,
    });
  });

  it('is EXISTING when every given detail matches the passport', () => {
    const passport = aPassport();
    expect(classifyPerson(aPerson(), passport, passport)).toEqual({
      uploadStatus: 'EXISTING',
      discrepancies: [],
      passportId: passport.passportId,
    });
  });

  it('does not count details the admin left empty as discrepancies', () => {
    const person = aPerson({ firstName: null, middleNames: '', lastName: '  ', mobile: null });
    expect(classifyPerson(person, aPassport(), null).uploadStatus).toBe('EXISTING');
  });

  it('compares names ignoring case, outer and repeated inner whitespace', () => {
    const person = aPerson({ firstName: '  ADA ', middleNames: 'augusta', lastName: 'LoveLace' });
    const passport = aPassport({ middleNames: 'Augusta' });
    expect(classifyPerson(person, passport, passport).uploadStatus).toBe('EXISTING');
    const spaced = aPassport({ lastName: 'De La Cruz' });
    expect(classifyPerson(aPerson({ lastName: 'de  la\tcruz' }), spaced, null).uploadStatus).toBe('EXISTING');
  });

  it('compares names after Unicode NFC normalisation and full case folding', () => {
    const composed = aPassport({ firstName: 'Zoë', lastName: 'Straße' });
    const person = aPerson({ firstName: 'Zoe\u0308', lastName: 'STRASSE' }); // decomposed ë; upper-case ß
    expect(classifyPerson(person, composed, null).uploadStatus).toBe('EXISTING');
  });

  it('is INVALID when a detail differs, naming the fields in a stable order', () => {
    const person = aPerson({
      mobile: '+61400000000',
      dateOfBirth: '1990-12-11',
      lastName: 'Byron',
      firstName: 'Eda',
    });
    expect(classifyPerson(person, aPassport(), null)).toEqual({
      uploadStatus: 'INVALID',
      discrepancies: ['FIRST_NAME', 'LAST_NAME', 'DATE_OF_BIRTH', 'MOBILE'],
      passportId: aPassport().passportId,
    });
  });

  it('compares the date of birth and the mobile exactly', () => {
    expect(classifyPerson(aPerson({ dateOfBirth: '1990-12-1' }), aPassport(), null).discrepancies).toEqual([
      'DATE_OF_BIRTH',
    ]);
    expect(classifyPerson(aPerson({ mobile: '+61412345679' }), aPassport(), null).discrepancies).toEqual([
      'MOBILE',
    ]);
  });

  it('counts a given middle name or mobile the passport lacks as a discrepancy', () => {
    const bare = aPassport({ middleNames: null, mobile: null });
    expect(classifyPerson(aPerson(), bare, null).discrepancies).toEqual(['MIDDLE_NAMES', 'MOBILE']);
  });

  it('never counts preferred name or job role as a discrepancy', () => {
    const person = aPerson({ preferredName: 'Countess', jobRole: 'Mathematician' });
    expect(classifyPerson(person, aPassport({ preferredName: 'Ada' }), null).uploadStatus).toBe('EXISTING');
  });

  it('is INVALID, matched to the passport of the mobile, when only the mobile belongs to a passport', () => {
    const person = aPerson({ email: 'ada.new@example.org', mobile: OTHER_PASSPORT.mobile });
    expect(classifyPerson(person, null, OTHER_PASSPORT)).toEqual({
      uploadStatus: 'INVALID',
      discrepancies: ['EMAIL', 'FIRST_NAME', 'MIDDLE_NAMES', 'LAST_NAME', 'DATE_OF_BIRTH'],
      passportId: OTHER_PASSPORT.passportId,
    });
  });

  it('names only EMAIL when the rest matches the passport of the mobile', () => {
    const person = aPerson({ email: 'ada.new@example.org' });
    expect(classifyPerson(person, null, aPassport())).toEqual({
      uploadStatus: 'INVALID',
      discrepancies: ['EMAIL'],
      passportId: aPassport().passportId,
    });
  });

  it('matches the passport of the email, with MOBILE a discrepancy, when the mobile belongs to another passport', () => {
    const person = aPerson({ mobile: OTHER_PASSPORT.mobile });
    expect(classifyPerson(person, aPassport(), OTHER_PASSPORT)).toEqual({
      uploadStatus: 'INVALID',
      discrepancies: ['MOBILE'],
      passportId: aPassport().passportId,
    });
  });

  it('never puts a value on record in its output', () => {
    const classification = classifyPerson(aPerson({ firstName: 'Someone' }), OTHER_PASSPORT, null);
    const output = JSON.stringify(classification);
    for (const value of ['grace', 'Grace', 'Brewster', 'Hopper', '1986-12-09', '61498765432']) {
      expect(output).not.toContain(value);
    }
    expect(classification.uploadStatus).toBe('INVALID');
  });
});
