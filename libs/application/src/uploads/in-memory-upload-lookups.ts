import type { Passport } from '@invitations/domain';
import { possibleDuplicateKey } from '@invitations/read-models';
import { PoolSeatsTaken, UploadLookups } from './upload-lookups';

/** The organisation whose pools seats are taken in, unless a test names another. */
export const IN_MEMORY_ORGANISATION = 'org-a';

/** Calls and the largest batch, per lookup: lets tests see that lookups are batched. */
export type LookupStats = Record<keyof UploadLookups, { calls: number; largestBatch: number }>;

/**
 * UploadLookups over passports and pool seats held in memory, indexed by Maps: for tests and the benchmark.
 * It answers as the read models' implementation should: exact matches on normalised email and mobile, and on
 * the folded name key.
 */
export class InMemoryUploadLookups implements UploadLookups {
  private readonly byEmail = new Map<string, Passport>();
  private readonly byMobile = new Map<string, Passport>();
  private readonly byNameKey = new Map<string, Passport[]>();
  private readonly seats = new Map<string, { emails: Set<string>; mobiles: Set<string> }>();
  /** The emails each organisation holds a seat for, in any of its pools. */
  private readonly heldByOrganisation = new Map<string, Set<string>>();
  readonly stats: LookupStats = {
    passportsByEmail: { calls: 0, largestBatch: 0 },
    passportsByMobile: { calls: 0, largestBatch: 0 },
    passportsByNameKey: { calls: 0, largestBatch: 0 },
    poolSeatsTaken: { calls: 0, largestBatch: 0 },
  };

  constructor(passports: Iterable<Passport> = []) {
    for (const passport of passports) this.addPassport(passport);
  }

  addPassport(passport: Passport): this {
    this.byEmail.set(passport.email, passport);
    if (passport.mobile !== null) this.byMobile.set(passport.mobile, passport);
    const key = possibleDuplicateKey(passport.firstName, passport.lastName, passport.dateOfBirth);
    this.byNameKey.set(key, [...(this.byNameKey.get(key) ?? []), passport]);
    return this;
  }

  /** Someone with this email (and mobile) is staged, invited or accepted in the pool. */
  takeSeat(
    poolId: string,
    email: string,
    mobile: string | null = null,
    organisationId = IN_MEMORY_ORGANISATION,
  ): this {
    const held = this.heldByOrganisation.get(organisationId) ?? new Set<string>();
    held.add(email);
    this.heldByOrganisation.set(organisationId, held);
    const seats = this.seats.get(poolId) ?? { emails: new Set<string>(), mobiles: new Set<string>() };
    seats.emails.add(email);
    if (mobile !== null) seats.mobiles.add(mobile);
    this.seats.set(poolId, seats);
    return this;
  }

  async passportsByEmail(emails: readonly string[]): Promise<readonly Passport[]> {
    this.count('passportsByEmail', emails.length);
    return found(this.byEmail, emails);
  }

  async passportsByMobile(mobiles: readonly string[]): Promise<readonly Passport[]> {
    this.count('passportsByMobile', mobiles.length);
    return found(this.byMobile, mobiles);
  }

  async passportsByNameKey(
    organisationId: string,
    nameKeys: readonly string[],
  ): Promise<readonly Passport[]> {
    this.count('passportsByNameKey', nameKeys.length);
    const held = this.heldByOrganisation.get(organisationId) ?? new Set<string>();
    const passports: Passport[] = [];
    for (const key of nameKeys)
      for (const passport of this.byNameKey.get(key) ?? [])
        if (held.has(passport.email)) passports.push(passport);
    return passports;
  }

  async poolSeatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<PoolSeatsTaken> {
    this.count('poolSeatsTaken', Math.max(emails.length, mobiles.length));
    const seats = this.seats.get(poolId);
    return {
      emails: seats ? taken(seats.emails, emails) : new Set(),
      mobiles: seats ? taken(seats.mobiles, mobiles) : new Set(),
    };
  }

  private count(lookup: keyof UploadLookups, keys: number): void {
    const stats = this.stats[lookup];
    stats.calls += 1;
    stats.largestBatch = Math.max(stats.largestBatch, keys);
  }
}

function found(index: Map<string, Passport>, keys: readonly string[]): Passport[] {
  const passports: Passport[] = [];
  for (const key of keys) {
    const passport = index.get(key);
    if (passport !== undefined) passports.push(passport);
  }
  return passports;
}

function taken(seats: Set<string>, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const key of keys) if (seats.has(key)) found.add(key);
  return found;
}
