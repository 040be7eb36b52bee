import { requireNamesForNewPerson, type PersonInput } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import type { AdminContext, PassportLookup, PersonSettings, Written } from '../ports';
import { UNCOUNTED_MATCHES, type PassportMatchBudget } from '../privacy/passport-matches';
import { stagePerson } from '../staging/stage-person';
import { batchOfOrganisation } from '../tenancy/tenant-streams';
import { classifiedForIntake, validatedPerson } from './person-intake';

export interface StageInviteeDeps {
  store: EventStore;
  passports: PassportLookup;
  settings: PersonSettings;
  /** Each person staged is a passport match of the organisation's day (none counted when absent). */
  passportMatches?: PassportMatchBudget;
}

/**
 * Stages one person into a batch's Uploaded tab: validated, classified against the passports, then staged with
 * their seat in the pool. Names are required before any seat is reserved when the person has no passport.
 */
export async function stageInvitee(
  deps: StageInviteeDeps,
  context: AdminContext,
  batchId: string,
  input: PersonInput,
): Promise<Written & { inviteeId: string }> {
  const batch = await batchOfOrganisation(deps.store, context.organisationId, batchId);
  const person = validatedPerson(input, deps.settings, context.now);
  await (deps.passportMatches ?? UNCOUNTED_MATCHES).spend(context.organisationId, 1, context.now);
  const classification = await classifiedForIntake(person, deps.passports);
  requireNamesForNewPerson(person, classification);
  const inviteeId = deriveId(context.commandId, 'invitee');
  const position = await stagePerson(deps.store, {
    batch: { batchId: batch.batchId, poolId: batch.poolId, organisationId: batch.organisationId },
    inviteeId,
    person,
    classification,
    uploadId: null,
    context,
  });
  return { inviteeId, position };
}
