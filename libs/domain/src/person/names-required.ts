import type { FieldError } from '../shared/domain-error';
import type { Classification } from './classification';
import { isGiven } from './is-given';
import type { PersonDetails } from './person-details';

const REQUIRED_FOR_NEW_PERSON = ['firstName', 'lastName'] as const;

/**
 * First and last names are required for a person without a passport: the passport is created from them when
 * they accept. A person with a passport keeps the names on record, so theirs are optional.
 */
export function requireNamesForNewPerson(
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
