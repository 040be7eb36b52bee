import type { Positioned } from '../projection/projection';

/** A Skills Passport (`passports`, `_id` = passportId). */
export interface PassportDoc extends Positioned {
  email: string;
  mobile: string | null;
  dateOfBirth: string;
  firstName: string;
  middleNames: string | null;
  lastName: string;
  preferredName: string | null;
  /** The possible-duplicate key (`possibleDuplicateKey`): "first|last|dob", folded. */
  nameKey: string;
  createdAt: string;
}
