import {
  classifyPerson,
  passportDecider,
  type Classification,
  passportKeyDecider,
  passportKeyStreamId,
  passportStreamId,
  type Passport,
  type ReservationKey,
} from '@invitations/domain';
import { handleCommand, loadStream, type EventStore } from '@invitations/event-store';
import { deriveId, type CommandContext, ServiceError } from '@invitations/kernel';
import type { LiveInvitee } from '../tenancy/tenant-streams';

/** The passport a person joins with, and how their staged details compare with it. */
export interface JoinedPassport {
  passportId: string;
  classification: Classification;
}

/**
 * The passport a NEW person joins with as they accept, created from their staged details and unique by email and
 * by mobile through the passport-key streams. Ids derive from the invitee, so a retried acceptance converges on the
 * same passport. If a passport was created for the email meanwhile (the person accepted elsewhere first), it is
 * theirs only when their details match it: the answer then says EXISTING, or INVALID with the differing fields,
 * and the passport is never changed. A mobile already on another passport is left off the new one.
 */
export async function passportForNewPerson(
  store: EventStore,
  invitee: LiveInvitee,
  context: CommandContext,
): Promise<JoinedPassport> {
  const passportId = deriveId('passport-of-invitee', invitee.inviteeId);
  const holder = await claimKey(store, 'email', invitee.person.email, passportId, context);
  if (holder !== passportId) {
    const { state } = await loadStream(store, passportStreamId(holder), passportDecider);
    if (state.status === 'absent') return { passportId: holder, classification: EXISTING_OF(holder) };
    return { passportId: holder, classification: classifyPerson(invitee.person, state.passport, null) };
  }
  const mobile =
    invitee.person.mobile &&
    (await claimKey(store, 'mobile', invitee.person.mobile, passportId, context)) === passportId
      ? invitee.person.mobile
      : null;
  const { person } = invitee;
  if (!person.firstName || !person.lastName)
    throw new ServiceError('CONFLICT', 'The staged details lack a name.');
  const passport: Passport = {
    passportId,
    email: person.email,
    dateOfBirth: person.dateOfBirth,
    firstName: person.firstName,
    middleNames: person.middleNames,
    lastName: person.lastName,
    preferredName: person.preferredName,
    mobile,
  };
  await handleCommand(
    store,
    passportStreamId(passportId),
    passportDecider,
    () => ({ type: 'CreatePassport' as const, passport }),
    { ...context, organisationId: null, commandId: deriveId(passportId, 'create') },
  );
  return { passportId, classification: { uploadStatus: 'NEW', discrepancies: [], passportId: null } };
}

/** A passport whose key is claimed but whose stream is not written yet (its creation under way): taken as it is. */
const EXISTING_OF = (passportId: string): Classification => ({
  uploadStatus: 'EXISTING',
  discrepancies: [],
  passportId,
});

/** Claims a passport key for the passport; answers whichever passport holds it afterwards. */
async function claimKey(
  store: EventStore,
  key: ReservationKey,
  value: string,
  passportId: string,
  context: CommandContext,
): Promise<string> {
  const streamId = passportKeyStreamId(key, value);
  try {
    await handleCommand(
      store,
      streamId,
      passportKeyDecider,
      () => ({ type: 'ClaimPassportKey' as const, passportId, key }),
      { ...context, organisationId: null, commandId: deriveId(passportId, 'claim', key) },
    );
    return passportId;
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'CONFLICT') throw error;
    const { state } = await loadStream(store, streamId, passportKeyDecider);
    return state.passportId ?? passportId;
  }
}
