/** A Skills Passport: the person's own profile, shared across organisations; no organisation may change it. */
export interface Passport {
  passportId: string;
  email: string;
  dateOfBirth: string;
  firstName: string;
  middleNames: string | null;
  lastName: string;
  preferredName: string | null;
  mobile: string | null;
}
