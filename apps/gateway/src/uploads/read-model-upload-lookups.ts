import type { Passport } from '@invitations/domain';
import type { PassportDoc, ReadModelSet } from '@invitations/read-models';
import type { PoolSeatsTaken, UploadLookups } from '@invitations/application';
import { toPassport } from '../application/passport-directory';

/**
 * The lookups an upload's classification makes, as the read models' queries: passports by email, mobile and
 * possible-duplicate key; people already in the pool (any invitee of the pool holds a seat until removed).
 * A preview is advisory: confirming still reserves each seat in the event store, where uniqueness is enforced.
 */
export class ReadModelUploadLookups implements UploadLookups {
  constructor(private readonly readModels: Pick<ReadModelSet, 'passports' | 'invitees'>) {}

  async passportsByEmail(emails: readonly string[]): Promise<readonly Passport[]> {
    return passports(await this.readModels.passports.byEmails(emails));
  }

  async passportsByMobile(mobiles: readonly string[]): Promise<readonly Passport[]> {
    return passports(await this.readModels.passports.byMobiles(mobiles));
  }

  async passportsByNameKey(nameKeys: readonly string[]): Promise<readonly Passport[]> {
    return passports(await this.readModels.passports.byPossibleDuplicateKeys(nameKeys));
  }

  poolSeatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<PoolSeatsTaken> {
    return this.readModels.invitees.seatsTaken(poolId, emails, mobiles);
  }
}

const passports = (docs: PassportDoc[]): Passport[] => docs.map((doc) => toPassport(doc) as Passport);
