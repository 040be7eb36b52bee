import type { Passport } from '../passport/passport';
import type { Classification } from './classification';
import { isGiven } from './is-given';
import { sameName } from './name-comparison';
import type { PersonDetails, ProfileField } from './person-details';
import { PROFILE_FIELDS } from './profile-fields';
import { normaliseEmail } from './validate-person';

type Comparison = (person: PersonDetails, passport: Passport) => boolean;

/** Whether each given detail differs from the passport. A passport with no value for a given detail differs. */
const DIFFERS: Record<ProfileField, Comparison> = {
  EMAIL: (person, passport) =>
    isGiven(person.email) && normaliseEmail(person.email) !== normaliseEmail(passport.email),
  FIRST_NAME: (person, passport) =>
    isGiven(person.firstName) && !sameName(person.firstName, passport.firstName),
  MIDDLE_NAMES: (person, passport) =>
    isGiven(person.middleNames) && !sameName(person.middleNames, passport.middleNames),
  LAST_NAME: (person, passport) => isGiven(person.lastName) && !sameName(person.lastName, passport.lastName),
  DATE_OF_BIRTH: (person, passport) =>
    isGiven(person.dateOfBirth) && person.dateOfBirth !== passport.dateOfBirth,
  MOBILE: (person, passport) => isGiven(person.mobile) && person.mobile !== passport.mobile,
};

/**
 * How a person compares with the passports on record, found by the handler by normalised email and mobile.
 * - NEW: no passport by email nor by mobile.
 * - EXISTING: matched to a passport and every given detail matches it.
 * - INVALID: matched, but a detail differs. The passport matched by email wins; failing that, the one the mobile
 *   belongs to (the email then is a discrepancy). A mobile of another passport is a discrepancy.
 * Only field names leave this function, never a value on record.
 */
export function classifyPerson(
  person: PersonDetails,
  byEmail: Passport | null,
  byMobile: Passport | null,
): Classification {
  const matched = byEmail ?? byMobile;
  if (matched === null) return { uploadStatus: 'NEW', discrepancies: [], passportId: null };

  const mobileOfAnother = byMobile !== null && byMobile.passportId !== matched.passportId;
  const discrepancies = PROFILE_FIELDS.filter(
    (field) =>
      (field === 'EMAIL' && byEmail === null) ||
      (field === 'MOBILE' && mobileOfAnother) ||
      DIFFERS[field](person, matched),
  );
  return {
    uploadStatus: discrepancies.length === 0 ? 'EXISTING' : 'INVALID',
    discrepancies,
    passportId: matched.passportId,
  };
}
