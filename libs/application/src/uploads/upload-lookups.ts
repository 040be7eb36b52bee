import type { Passport } from '@invitations/domain';

/** Which of the asked emails and mobiles already hold a seat (staged, invited or accepted) in a pool. */
export interface PoolSeatsTaken {
  emails: ReadonlySet<string>;
  mobiles: ReadonlySet<string>;
}

/**
 * What the classification of an upload needs to know from the read models. Every method takes a batch of
 * keys (at most `lookupBatchSize`, 1,000 by default, each once), so it can be one query on an indexed field. Emails and mobiles are normalised (lower-cased email, E.164 mobile), as the passports and
 * pool-seat read models hold them.
 */
export interface UploadLookups {
  passportsByEmail(emails: readonly string[]): Promise<readonly Passport[]>;
  passportsByMobile(mobiles: readonly string[]): Promise<readonly Passport[]>;
  /**
   * Passports whose `possibleDuplicateKey(firstName, lastName, dateOfBirth)` (the possible-duplicate rule of
   * the passports read model: names accent- and case-folded) is one of `nameKeys`, and whose holder the
   * organisation already has (staged, invited or accepted in one of its pools): a possible duplicate is flagged
   * only against people the organisation knows, so that names tell it nothing of another organisation's people.
   */
  passportsByNameKey(organisationId: string, nameKeys: readonly string[]): Promise<readonly Passport[]>;
  poolSeatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<PoolSeatsTaken>;
}
