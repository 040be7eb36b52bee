import type { PersonDetails, ProfileField } from './person-details';

/** Every ProfileField, in the stable order discrepancies are listed in (the contract's enum order). */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'EMAIL',
  'FIRST_NAME',
  'MIDDLE_NAMES',
  'LAST_NAME',
  'DATE_OF_BIRTH',
  'MOBILE',
];

/** The input field (as in StageInviteeInput and the field errors) that holds each ProfileField. */
export const PROFILE_FIELD_INPUT: Readonly<Record<ProfileField, keyof PersonDetails>> = {
  EMAIL: 'email',
  FIRST_NAME: 'firstName',
  MIDDLE_NAMES: 'middleNames',
  LAST_NAME: 'lastName',
  DATE_OF_BIRTH: 'dateOfBirth',
  MOBILE: 'mobile',
};
