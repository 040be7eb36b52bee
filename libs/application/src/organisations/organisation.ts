import {
  invitationTermsOf,
  organisationDecider,
  organisationStreamId,
  type InvitationTerms,
  type OrganisationState,
} from '@invitations/domain';
import { loadStream, type EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, InvitationSettings, Written } from '../ports';

/** An organisation as admins and invitees see it: its display name and its invitation terms in force. */
export interface OrganisationView extends InvitationTerms {
  id: string;
  name: string | null;
}

/** What an admin sets: a field left out keeps its value; reminderDaysBeforeExpiry 0 turns reminders off. */
export interface OrganisationChanges {
  name?: string | null;
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
}

/** The organisation's own settings, from its stream (a few events): every field null until an admin sets it. */
export async function organisationOf(store: EventStore, organisationId: string): Promise<OrganisationState> {
  return (await loadStream(store, organisationStreamId(organisationId), organisationDecider)).state;
}

/** The organisation with its terms in force: its own, else the service's defaults. */
export async function organisationView(
  deps: { store: EventStore; settings: InvitationSettings },
  organisationId: string,
): Promise<OrganisationView> {
  const organisation = await organisationOf(deps.store, organisationId);
  return {
    id: organisationId,
    name: organisation.name,
    ...invitationTermsOf(deps.settings, organisation),
  };
}

/** Names the organisation, or sets its invitation defaults (for batches that set none of their own). */
export async function updateOrganisation(
  deps: { store: EventStore },
  context: AdminContext,
  changes: OrganisationChanges,
): Promise<Written> {
  return decideOn(
    deps.store,
    organisationStreamId(context.organisationId),
    organisationDecider,
    {
      type: 'UpdateOrganisation',
      organisationId: context.organisationId,
      ...changes,
      now: context.now.toISOString(),
    },
    context,
  );
}
