import type { PassportDoc } from './passport.document';

/**
 * The `passports` read model's queries: passports by normalised email (lower-cased) and mobile (E.164), one or a
 * batch at a time, and by possible-duplicate key. Passports belong to no organisation. A lookup informs; the
 * event store's passport keys, not this read model, keep emails and mobiles unique.
 */
export interface Passports {
  byEmail(email: string): Promise<PassportDoc | null>;
  byMobile(mobile: string): Promise<PassportDoc | null>;
  /** The passports of these emails that exist (each at most once). */
  byEmails(emails: readonly string[]): Promise<PassportDoc[]>;
  byMobiles(mobiles: readonly string[]): Promise<PassportDoc[]>;
  /** The passports whose `possibleDuplicateKey` is one of these. */
  byPossibleDuplicateKeys(keys: readonly string[]): Promise<PassportDoc[]>;
}
