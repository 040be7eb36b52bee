import type { PersonDetails } from './person-details';

/**
 * Every field of PersonDetails, in the order they are packed and recorded (an upload's rows): a `satisfies` check
 * keeps this list in step with the interface.
 */
export const PERSON_DETAIL_FIELDS = [
  'email',
  'dateOfBirth',
  'firstName',
  'middleNames',
  'lastName',
  'preferredName',
  'mobile',
  'jobRole',
] as const satisfies readonly (keyof PersonDetails)[];

type MissingField = Exclude<keyof PersonDetails, (typeof PERSON_DETAIL_FIELDS)[number]>;
// Fails to compile when PersonDetails gains a field that the list above lacks.
const _everyFieldListed: MissingField extends never ? true : false = true;

/** A copy holding the PersonDetails fields only, so that nothing else a caller attached reaches an event. */
export function copyPersonDetails(person: PersonDetails): PersonDetails {
  const copy = {} as Record<keyof PersonDetails, string | null>;
  for (const field of PERSON_DETAIL_FIELDS) copy[field] = person[field];
  return copy as PersonDetails;
}

export function samePersonDetails(a: PersonDetails, b: PersonDetails): boolean {
  return PERSON_DETAIL_FIELDS.every((field) => a[field] === b[field]);
}

/** A person's details as values, in PERSON_DETAIL_FIELDS order (how upload rows are recorded and packed). */
export type PersonDetailValues = [
  email: string,
  dateOfBirth: string,
  firstName: string | null,
  middleNames: string | null,
  lastName: string | null,
  preferredName: string | null,
  mobile: string | null,
  jobRole: string | null,
];

export function personDetailValues(person: PersonDetails): PersonDetailValues {
  return PERSON_DETAIL_FIELDS.map((field) => person[field]) as PersonDetailValues;
}

/** The person from values in PERSON_DETAIL_FIELDS order (from `offset` in a longer list). */
export function personFromValues(values: readonly unknown[], offset = 0): PersonDetails {
  // One object literal, so that every person has the same shape: this runs for every row of a file.
  const text = values as readonly (string | null)[];
  return {
    email: text[offset] as string,
    dateOfBirth: text[offset + 1] as string,
    firstName: text[offset + 2],
    middleNames: text[offset + 3],
    lastName: text[offset + 4],
    preferredName: text[offset + 5],
    mobile: text[offset + 6],
    jobRole: text[offset + 7],
  };
}
