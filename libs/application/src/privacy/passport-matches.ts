import { ServiceError } from '@invitations/kernel';
import type { Passport } from '@invitations/domain';
import type { UploadLookups } from '../uploads/upload-lookups';

/**
 * How many people an organisation may match against the passports in a day (PASSPORT_MATCHES_PER_DAY): each person
 * typed in (staged, corrected, checked) is one match, each row of an upload one. The passports are every
 * organisation's, and a match tells whether an email or a mobile has one and which fields differ; the cap keeps an
 * organisation from turning that into a search of other organisations' people.
 */
export interface PassportMatchBudget {
  /**
   * Counts `matches` for the organisation on `now`'s day (UTC); RATE_LIMITED, counting nothing, when they would
   * pass the day's cap.
   */
  spend(organisationId: string, matches: number, now: Date): Promise<void>;
}

export const DEFAULT_PASSPORT_MATCHES_PER_DAY = 500_000;

/**
 * The budget counted in this process's memory: one counter an organisation, for its current day. The embedded
 * stores run one gateway; several gateways each count their own (see docs/operations.md).
 */
export class InMemoryPassportMatchBudget implements PassportMatchBudget {
  private readonly spent = new Map<string, { day: string; matches: number }>();

  constructor(readonly perDay = DEFAULT_PASSPORT_MATCHES_PER_DAY) {}

  async spend(organisationId: string, matches: number, now: Date): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    const current = this.spent.get(organisationId);
    const already = current?.day === day ? current.matches : 0;
    if (already + matches > this.perDay) {
      const tomorrow = Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
      const seconds = Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
      throw new ServiceError(
        'RATE_LIMITED',
        `This organisation has matched as many people against the passports today as it may ` +
          `(PASSPORT_MATCHES_PER_DAY, ${this.perDay}): try again after midnight UTC, in ${seconds} seconds.`,
      );
    }
    this.spent.set(organisationId, { day, matches: already + matches });
  }
}

/** No cap: for use cases run without a gateway (tests, tools). */
export const UNCOUNTED_MATCHES: PassportMatchBudget = { spend: async () => undefined };

/**
 * An upload's lookups, each row's passport match counted before it is made: a row is looked up by its email (every
 * valid row has one), so the emails asked are the rows matched.
 */
export function countedUploadLookups(
  lookups: UploadLookups,
  budget: PassportMatchBudget,
  organisationId: string,
  now: Date,
): UploadLookups {
  return {
    passportsByEmail: async (emails: readonly string[]): Promise<readonly Passport[]> => {
      await budget.spend(organisationId, emails.length, now);
      return lookups.passportsByEmail(emails);
    },
    passportsByMobile: (mobiles) => lookups.passportsByMobile(mobiles),
    passportsByNameKey: (organisation, keys) => lookups.passportsByNameKey(organisation, keys),
    poolSeatsTaken: (poolId, emails, mobiles) => lookups.poolSeatsTaken(poolId, emails, mobiles),
  };
}
