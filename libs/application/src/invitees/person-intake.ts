import { ServiceError } from '@invitations/kernel';
import {
  classifyPerson,
  validatePerson,
  type Classification,
  type PersonDetails,
  type PersonInput,
} from '@invitations/domain';
import type { PassportLookup, PersonSettings } from '../ports';

/** A person typed by an admin, normalised; BAD_USER_INPUT listing every problem by field otherwise. */
export function validatedPerson(input: PersonInput, settings: PersonSettings, now: Date): PersonDetails {
  const result = validatePerson(input, {
    defaultRegion: settings.defaultPhoneRegion,
    maxFieldLength: settings.maxFieldLength,
    today: now.toISOString().slice(0, 10),
  });
  if (!result.ok) {
    const summary = result.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ServiceError('BAD_USER_INPUT', `Invalid person details: ${summary}`, result.errors);
  }
  return result.person;
}

/** How the person compares with the passports on record (by email, and by mobile). */
export async function classifiedAgainstPassports(
  person: PersonDetails,
  passports: PassportLookup,
): Promise<Classification> {
  const [byEmail, byMobile] = await Promise.all([
    passports.byEmail(person.email),
    person.mobile ? passports.byMobile(person.mobile) : Promise.resolve(null),
  ]);
  return classifyPerson(person, byEmail, byMobile);
}
