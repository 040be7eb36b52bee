import { ServiceError } from '@invitations/kernel';
import {
  batchDecider,
  batchStreamId,
  inviteeDecider,
  inviteeStreamId,
  poolStreamId,
  resourcePoolDecider,
  type InviteeState,
} from '@invitations/domain';
import { loadStream, type EventStore } from '@invitations/event-store';
import { OrganisationAggregate } from './organisation-command';

/** An invitee that exists and was not removed. */
export type LiveInvitee = Exclude<InviteeState, { status: 'absent' }>;

/**
 * Pools, batches and invitees loaded from their streams for one organisation: a tenant-checked stream loader.
 * Another organisation's data answers exactly as if it did not exist (NOT_FOUND), so existence does not leak.
 */
export async function poolOfOrganisation(store: EventStore, organisationId: string, poolId: string) {
  const { state } = await loadStream(store, poolStreamId(poolId), resourcePoolDecider);
  if (state.status === 'absent' || state.organisationId !== organisationId) throw notFound('resource pool');
  return state;
}

export async function batchOfOrganisation(store: EventStore, organisationId: string, batchId: string) {
  const { state } = await loadStream(store, batchStreamId(batchId), batchDecider);
  if (state.status === 'absent' || state.organisationId !== organisationId)
    throw notFound('invitation batch');
  return state;
}

/** The invitee, NOT_FOUND when it never existed, was removed, or is another organisation's. */
export async function inviteeOfOrganisation(
  store: EventStore,
  organisationId: string,
  inviteeId: string,
): Promise<LiveInvitee> {
  const { state } = await loadStream(store, inviteeStreamId(inviteeId), inviteeDecider);
  if (state.status === 'absent' || state.status === 'REMOVED' || state.organisationId !== organisationId) {
    throw notFound('invitee');
  }
  return state;
}

export function notFound(what: string): ServiceError {
  return new ServiceError('NOT_FOUND', `No ${what} with this id.`);
}

/** The commands an admin's use cases decide on one aggregate of their organisation, each behind its check above. */
export const organisationPools = new OrganisationAggregate(
  resourcePoolDecider,
  poolStreamId,
  poolOfOrganisation,
);
export const organisationBatches = new OrganisationAggregate(
  batchDecider,
  batchStreamId,
  batchOfOrganisation,
);
export const organisationInvitees = new OrganisationAggregate(
  inviteeDecider,
  inviteeStreamId,
  inviteeOfOrganisation,
);
