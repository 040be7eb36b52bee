import type { Passport } from '@invitations/domain';
import type { InviteeDoc, PassportDoc } from '@invitations/read-models';
import type { ReadStore } from '@invitations/read-store';
import type { PoolSeatsTaken, UploadLookups } from '@invitations/application';
import { toPassport } from './passport-directory.shim';

/**
 * The lookups an upload's classification makes, as `$in` queries on indexed fields of the read models: passports
 * by email, mobile and name key; people already in the pool (any invitee of the pool holds a seat until removed).
 * A preview is advisory: confirming still reserves each seat in the event store, where uniqueness is enforced.
 */
export class UploadLookupsShim implements UploadLookups {
  constructor(private readonly readStore: ReadStore) {}

  passportsByEmail(emails: readonly string[]): Promise<readonly Passport[]> {
    return this.passports({ email: { $in: [...emails] } });
  }

  passportsByMobile(mobiles: readonly string[]): Promise<readonly Passport[]> {
    return this.passports({ mobile: { $in: [...mobiles] } });
  }

  passportsByNameKey(nameKeys: readonly string[]): Promise<readonly Passport[]> {
    return this.passports({ nameKey: { $in: [...nameKeys] } });
  }

  async poolSeatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<PoolSeatsTaken> {
    const invitees = this.readStore.collection<InviteeDoc>('invitees');
    const [byEmail, byMobile] = await Promise.all([
      emails.length
        ? invitees.find({ poolId, email: { $in: [...emails] } }, { projection: { email: 1 } })
        : [],
      mobiles.length
        ? invitees.find({ poolId, mobile: { $in: [...mobiles] } }, { projection: { mobile: 1 } })
        : [],
    ]);
    return {
      emails: new Set(byEmail.map((d) => d.email)),
      mobiles: new Set(byMobile.map((d) => d.mobile).filter((m): m is string => m !== null)),
    };
  }

  private async passports(filter: Record<string, unknown>): Promise<Passport[]> {
    const docs = await this.readStore.collection<PassportDoc>('passports').find(filter);
    return docs.map((doc) => toPassport(doc) as Passport);
  }
}
