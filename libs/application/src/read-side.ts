import type { Passport } from '@invitations/domain';
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
      passportsByNameKey: async (organisationId, keys) =>
        heldByOrganisation(readModels, organisationId, many(await passports.byPossibleDuplicateKeys(keys))),
      poolSeatsTaken: (poolId, emails, mobiles) => invitees.seatsTaken(poolId, emails, mobiles),
    },
  };
}

/**
 * Of these passports, those whose holder the organisation already has: someone with the passport's email staged,
 * invited or accepted in one of its pools. Passports found by names are few (a possible duplicate is rare), so the
 * organisation's pools are asked only when there is one.
 */
async function heldByOrganisation(
  readModels: Pick<ReadModelSet, 'pools' | 'invitees'>,
  organisationId: string,
  passports: Passport[],
): Promise<Passport[]> {
  if (passports.length === 0) return passports;
  const emails = passports.map((passport) => passport.email);
  const held = new Set<string>();
  for (const pool of await readModels.pools.ofOrganisation(organisationId)) {
    const seats = await readModels.invitees.seatsTaken(pool._id, emails, []);
    for (const email of seats.emails) held.add(email);
  }
  return passports.filter((passport) => held.has(passport.email));
}
