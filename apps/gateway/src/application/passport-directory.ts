import { Inject, Injectable } from '@nestjs/common';
import type { Passport } from '@invitations/domain';
import type { PassportDoc } from '@invitations/read-models';
import type { ReadModelStores } from '@invitations/runtime';
import { READ_MODELS } from '../infrastructure/tokens';

/**
 * Looks passports and memberships up in the read models. Used to classify people (NEW / EXISTING / INVALID) and
 * to find members of other pools; uniqueness never rests on it (the event store's reservation streams do that).
 */
@Injectable()
export class PassportDirectory {
  constructor(@Inject(READ_MODELS) private readonly stores: ReadModelStores) {}

  async byEmail(email: string): Promise<Passport | null> {
    return toPassport(await this.stores.readModels.passports.byEmail(email));
  }

  async byMobile(mobile: string | null): Promise<Passport | null> {
    if (!mobile) return null;
    return toPassport(await this.stores.readModels.passports.byMobile(mobile));
  }

  /** The person's passport if they are already a member of another pool of this organisation. */
  memberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean> {
    return this.stores.readModels.pools.isMemberOfAnotherPool(organisationId, passportId, poolId);
  }
}

export function toPassport(doc: PassportDoc | null): Passport | null {
  if (!doc) return null;
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
