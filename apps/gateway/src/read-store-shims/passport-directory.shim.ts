import { Inject, Injectable } from '@nestjs/common';
import type { Passport } from '@invitations/domain';
import type { ReadStore } from '@invitations/read-store';
import type { InviteeDoc, MemberDoc, PassportDoc } from '@invitations/read-models';
import { READ_STORE } from '../infrastructure/tokens';

/**
 * TEMPORARY, until the read models own their ports: passports, memberships and a batch's invitees over the generic
 * read store. Looks passports and memberships up in the read models. Used to classify people (NEW / EXISTING / INVALID) and
 * to find members of other pools; uniqueness never rests on it (the event store's reservation streams do that).
 */
@Injectable()
export class PassportDirectory {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async byEmail(email: string): Promise<Passport | null> {
    return toPassport(await this.readStore.collection<PassportDoc>('passports').findOne({ email }));
  }

  async byMobile(mobile: string): Promise<Passport | null> {
    return toPassport(await this.readStore.collection<PassportDoc>('passports').findOne({ mobile }));
  }

  /** The person's passport if they are already a member of another pool of this organisation. */
  async isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean> {
    const count = await this.readStore
      .collection<MemberDoc>('members')
      .countDocuments({ organisationId, passportId, poolId: { $ne: poolId } });
    return count > 0;
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

/** The ids of a batch's invitees in a state. */
export async function idsInState(
  readStore: ReadStore,
  organisationId: string,
  batchId: string,
  state: string,
): Promise<string[]> {
  const docs = await readStore
    .collection<InviteeDoc>('invitees')
    .find({ organisationId, batchId, state }, { projection: { _id: 1 } });
  return docs.map((doc) => doc._id);
}
