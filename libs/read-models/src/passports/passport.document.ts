import type { Passport } from '@invitations/domain';
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

/** The domain's Passport of a document (what classifying a person compares with). */
export function passportOf(doc: PassportDoc): Passport {
  return {
    passportId: doc._id,
    email: doc.email,
    dateOfBirth: doc.dateOfBirth,
    firstName: doc.firstName,
    middleNames: doc.middleNames,
    lastName: doc.lastName,
    preferredName: doc.preferredName,
    mobile: doc.mobile,
  };
}
