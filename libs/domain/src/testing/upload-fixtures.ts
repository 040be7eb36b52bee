import type { PersonDetails } from '../person/person-details';
import type { UploadRow } from '../upload/upload.events';

/** The n-th person of a generated upload: only the email and the last name tell them apart. */
export function numberedPerson(n: number): PersonDetails {
  return {
    email: `p${n}@example.com`,
    dateOfBirth: '1990-01-01',
    firstName: 'P',
    middleNames: null,
    lastName: `N${n}`,
    preferredName: null,
    mobile: null,
    jobRole: null,
  };
}

/** The row on line n of a generated upload: its numbered person, NEW and no duplicate, but for the overrides. */
export function numberedRow(n: number, overrides: Partial<UploadRow> = {}): UploadRow {
  return {
    row: n,
    person: numberedPerson(n),
    uploadStatus: 'NEW',
    discrepancies: [],
    passportId: null,
    duplicateReasons: [],
    possibleDuplicate: false,
    ...overrides,
  };
}
