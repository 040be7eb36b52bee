import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import { batchDecider } from '@invitations/domain';
import { inviteeDecider } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import { resourcePoolDecider } from '@invitations/domain';
import { batchStreamId, inviteeStreamId, poolStreamId } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

export type LiveInvitee = Exclude<InviteeState, { status: 'absent' }>;

/**
 * Loads pools, batches and invitees from their streams for an organisation. Another organisation's data answers
 * exactly as if it did not exist (NOT_FOUND), so existence does not leak.
 */
@Injectable()
export class OrganisationScope {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async pool(organisationId: string, poolId: string) {
    const { state } = await loadStream(this.store, poolStreamId(poolId), resourcePoolDecider);
    if (state.status === 'absent' || state.organisationId !== organisationId) throw notFound('resource pool');
    return state;
  }

  async batch(organisationId: string, batchId: string) {
    const { state } = await loadStream(this.store, batchStreamId(batchId), batchDecider);
    if (state.status === 'absent' || state.organisationId !== organisationId)
      throw notFound('invitation batch');
    return state;
  }

  async invitee(organisationId: string, inviteeId: string): Promise<LiveInvitee> {
    const { state } = await loadStream(this.store, inviteeStreamId(inviteeId), inviteeDecider);
    if (state.status === 'absent' || state.status === 'REMOVED' || state.organisationId !== organisationId) {
      throw notFound('invitee');
    }
    return state;
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `No ${what} with this id.`);
}
