import { decideByType, evolveByType, type Decider } from '@invitations/kernel';
import { changedNamedTerms } from './invitation-terms';
import type { OrganisationCommand, UpdateOrganisation } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState } from './organisation.state';

function updateOrganisation(command: UpdateOrganisation, state: OrganisationState): OrganisationEvent[] {
  const changed = changedNamedTerms(command, state);
  if (changed === null) return [];
  const { organisationId, now } = command;
  return [
    {
      type: 'OrganisationUpdated',
      data: { organisationId, ...changed, updatedAt: now },
    },
  ];
}

/**
 * Stream `organisation-<organisationId>`: the tenant's display name (shown to invitees on the accept page and in
 * every message) and its invitation defaults. An organisation exists as soon as a token names it; this stream only
 * holds what its admins set.
 */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideByType({ UpdateOrganisation: updateOrganisation }),
  evolve: evolveByType<OrganisationEvent, OrganisationState>({
    OrganisationUpdated: (_state, event) => {
      const { organisationId, name, invitationTtlDays, reminderDaysBeforeExpiry } = event.data;
      return { organisationId, name, invitationTtlDays, reminderDaysBeforeExpiry };
    },
  }),
  initialState: () => ({
    organisationId: null,
    name: null,
    invitationTtlDays: null,
    reminderDaysBeforeExpiry: null,
  }),
};
