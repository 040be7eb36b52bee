import { passportOf, type PassportDoc, type ReadModelSet } from '@invitations/read-models';
import type { BatchInvitees, Memberships, PassportLookup } from './ports';
import type { UploadLookups } from './uploads/upload-lookups';

/** What the use cases ask, answered by the read models. */
export interface ReadSide {
  passports: PassportLookup;
  memberships: Memberships;
  invitees: BatchInvitees;
  lookups: UploadLookups;
}

export function readSideOf(readModels: Pick<ReadModelSet, 'passports' | 'pools' | 'invitees'>): ReadSide {
  const { passports, pools, invitees } = readModels;
  const one = (doc: PassportDoc | null) => (doc ? passportOf(doc) : null);
  const many = (docs: PassportDoc[]) => docs.map(passportOf);
  return {
    passports: {
      byEmail: async (email) => one(await passports.byEmail(email)),
      byMobile: async (mobile) => one(await passports.byMobile(mobile)),
    },
    memberships: pools,
    invitees,
    // A preview is advisory: confirming still reserves each seat in the event store, where uniqueness is enforced.
    lookups: {
      passportsByEmail: async (emails) => many(await passports.byEmails(emails)),
      passportsByMobile: async (mobiles) => many(await passports.byMobiles(mobiles)),
      passportsByNameKey: async (keys) => many(await passports.byPossibleDuplicateKeys(keys)),
      poolSeatsTaken: (poolId, emails, mobiles) => invitees.seatsTaken(poolId, emails, mobiles),
    },
  };
}
