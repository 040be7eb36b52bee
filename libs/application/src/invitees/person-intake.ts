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

/** Why a person typed in is refused when their mobile is another passport's, as an upload names that row. */
export const MOBILE_BELONGS_TO_OTHER_PASSPORT = 'MOBILE_BELONGS_TO_OTHER_PASSPORT';

/** How the person compares with the passports on record (by email, and by mobile). */
export async function classifiedAgainstPassports(
  person: PersonDetails,
  passports: PassportLookup,
): Promise<Classification> {
  const [byEmail, byMobile] = await passportsOf(person, passports);
  return classifyPerson(person, byEmail, byMobile);
}

/**
 * How a person an admin types in (staged, corrected) compares with the passports. A mobile that belongs to the
 * passport of another email is refused (BAD_USER_INPUT, the mobile's field error MOBILE_BELONGS_TO_OTHER_PASSPORT),
 * as an upload makes that row a duplicate with that reason: compared with that passport instead, the answer would name which of its holder's details differ from
 * the ones typed, details this organisation was never given.
 */
export async function classifiedForIntake(
  person: PersonDetails,
  passports: PassportLookup,
): Promise<Classification> {
  const [byEmail, byMobile] = await passportsOf(person, passports);
  if (byMobile !== null && byMobile.email !== person.email) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      `This mobile belongs to another person's passport (${MOBILE_BELONGS_TO_OTHER_PASSPORT}).`,
      [{ field: 'mobile', message: MOBILE_BELONGS_TO_OTHER_PASSPORT }],
    );
  }
  return classifyPerson(person, byEmail, byMobile);
}

function passportsOf(person: PersonDetails, passports: PassportLookup) {
  return Promise.all([
    passports.byEmail(person.email),
    person.mobile ? passports.byMobile(person.mobile) : Promise.resolve(null),
  ]);
}
