import type { Passport } from '../passport/passport';
import type { PersonDetails } from '../person/person-details';

/** What a personal field reads once the key it was encrypted under is destroyed. */
export const ERASED = '[erased]';

/**
 * A person's details after erasure: the fields every person has read `[erased]`; the optional ones read null, so
 * that not even whether they were given survives.
 */
export function erasedPerson(): PersonDetails {
  return {
    email: ERASED,
    dateOfBirth: ERASED,
    firstName: ERASED,
    middleNames: null,
    lastName: ERASED,
    preferredName: null,
    mobile: null,
    jobRole: null,
  };
}

/** A passport's personal fields after erasure (its id stays: it names no one). */
export function erasedPassport(passportId: string): Passport {
  const { email, dateOfBirth, firstName, middleNames, lastName, preferredName, mobile } = erasedPerson();
  return {
    passportId,
    email,
    dateOfBirth,
    firstName: firstName ?? ERASED,
    middleNames,
    lastName: lastName ?? ERASED,
    preferredName,
    mobile,
  };
}
