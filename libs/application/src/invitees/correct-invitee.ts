import { invitationSchedule, inviteeDecider, inviteeStreamId, type PersonInput } from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { termsOfBatch } from '../invitations/invitation-terms';
import { newInvitation } from '../invitations/new-invitation';
import type { AdminContext, InvitationSettings, PassportLookup, PersonSettings, Written } from '../ports';
import { checkCorrectionLimit } from '../privacy/correction-limit';
import { UNCOUNTED_MATCHES, type PassportMatchBudget } from '../privacy/passport-matches';
import { releaseSeats, reserveSeats, seatKeysOf, type SeatKeys } from '../seats/pool-seats';
import { batchOfOrganisation, inviteeOfOrganisation } from '../tenancy/tenant-streams';
import { classifiedForIntake, validatedPerson } from './person-intake';

export interface CorrectInviteeDeps {
  store: EventStore;
  passports: PassportLookup;
  settings: PersonSettings & InvitationSettings;
  /** Each correction is a passport match of the organisation's day (none counted when absent). */
  passportMatches?: PassportMatchBudget;
}

/**
 * Corrects a staged person's details and checks them against the passports again. Only the fields given change;
 * null or an empty string clears an optional field. A changed email or mobile moves the person's seat in the pool:
 * the new one is reserved first (so a clash with someone else refuses the correction), the old one released after.
 * A person whose invitation is pending may be corrected too: a new email or mobile voids the old link and sends a
 * new invitation to the new address, on the batch's terms. One invitee is corrected at most a handful of times an
 * hour (CORRECTIONS_PER_INVITEE_PER_HOUR), else RATE_LIMITED.
 */
export async function correctInvitee(
  deps: CorrectInviteeDeps,
  context: AdminContext,
  inviteeId: string,
  changes: PersonInput,
): Promise<Written> {
  const current = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
  const merged: PersonInput = { ...current.person };
  for (const [field, value] of Object.entries(changes) as [keyof PersonInput, string | null | undefined][]) {
    if (value !== undefined) merged[field] = value;
  }
  const person = validatedPerson(merged, deps.settings, context.now);
  // A correction names the fields that differ from the passport: a handful an hour, each a match of the day.
  await checkCorrectionLimit(deps.store, inviteeId, context.now);
  await (deps.passportMatches ?? UNCOUNTED_MATCHES).spend(context.organisationId, 1, context.now);
  const classification = await classifiedForIntake(person, deps.passports);

  const before = seatKeysOf(current.person);
  const after = seatKeysOf(person);
  const added = without(after, before);
  const dropped = without(before, after);
  const now = context.now.toISOString();
  const reinvitation =
    current.status === 'INVITED'
      ? {
          ...newInvitation(deps.settings, context.commandId, inviteeId),
          now,
          ...invitationSchedule(
            now,
            await termsOfBatch(
              deps,
              await batchOfOrganisation(deps.store, context.organisationId, current.batchId),
            ),
          ),
        }
      : undefined;
  await reserveSeats(deps.store, current.poolId, inviteeId, added, context);
  let position: bigint;
  try {
    ({ position } = await handleCommand(
      deps.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'CorrectInvitee' as const, person, classification, reinvitation }),
      context,
    ));
  } catch (error) {
    await releaseSeats(deps.store, current.poolId, inviteeId, added, context);
    throw error;
  }
  await releaseSeats(deps.store, current.poolId, inviteeId, dropped, context);
  return { position };
}

function without(keys: SeatKeys, others: SeatKeys): SeatKeys {
  return keys.filter((seat) => !others.some((other) => other.key === seat.key && other.value === seat.value));
}
