import { invitationTermsOf, type BatchState, type InvitationTerms } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { organisationOf } from '../organisations/organisation';
import type { InvitationSettings } from '../ports';

/** A batch as loaded from its stream. */
export type Batch = Exclude<BatchState, { status: 'absent' }>;

/**
 * The terms an invitation of the batch is sent on: the batch's own, else its organisation's, else the service's
 * defaults. Read once per request (a bulk action sends thousands on the same terms).
 */
export async function termsOfBatch(
  deps: { store: EventStore; settings: InvitationSettings },
  batch: Batch,
): Promise<InvitationTerms> {
  const organisation = await organisationOf(deps.store, batch.organisationId);
  return invitationTermsOf(deps.settings, organisation, batch);
}
