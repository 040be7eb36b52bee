/** The details an admin gives for a person, normalised. */
export interface PersonDetails {
  /** Trimmed, lower-cased. */
  email: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  firstName: string | null;
  /** All middle names, space separated. */
  middleNames: string | null;
  lastName: string | null;
  preferredName: string | null;
  /** E.164, e.g. +61412345678. */
  mobile: string | null;
  jobRole: string | null;
}

/** The fields of a profile that can differ from a passport, named as in the GraphQL `ProfileField` enum. */
export type ProfileField = 'EMAIL' | 'FIRST_NAME' | 'MIDDLE_NAMES' | 'LAST_NAME' | 'DATE_OF_BIRTH' | 'MOBILE';

export type UploadStatus = 'NEW' | 'EXISTING' | 'INVALID';
