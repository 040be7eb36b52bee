import { type FieldError, ServiceError } from '@invitations/kernel';
import type { Classification } from './classification';
import { isGiven } from './is-given';
import type { PersonDetails } from './person-details';

const REQUIRED_FOR_NEW_PERSON = ['firstName', 'lastName'] as const;

export const NAMES_REQUIRED_MESSAGE =
  'First and last names are required for a person without a Skills Passport.';

/**
 * First and last names are required for a person without a passport: the passport is created from them when
 * they accept. A person with a passport keeps the names on record, so theirs are optional. The missing ones, by
 * field (an upload lists them per row).
 */
export function missingNamesForNewPerson(
  person: PersonDetails,
  classification: Classification,
): FieldError[] {
  const errors: FieldError[] = [];
  if (classification.uploadStatus !== 'NEW') return errors;
  for (const field of REQUIRED_FOR_NEW_PERSON) {
    if (!isGiven(person[field]))
      errors.push({ field, message: 'is required for a person without a Skills Passport' });
  }
  return errors;
}

/** The same rule as a refusal (BAD_USER_INPUT naming the fields), for staging and correcting one person. */
export function requireNamesForNewPerson(person: PersonDetails, classification: Classification): void {
  const errors = missingNamesForNewPerson(person, classification);
  if (errors.length > 0) throw new ServiceError('BAD_USER_INPUT', NAMES_REQUIRED_MESSAGE, errors);
}
