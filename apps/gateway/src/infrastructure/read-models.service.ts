import { Inject, Injectable } from '@nestjs/common';
import {
  INVITEE_STATES,
  type BatchDoc,
  type InviteeDoc,
  type PoolDoc,
  type ReadModelSet,
  type TabPage,
  type UploadDoc,
} from '@invitations/read-models';
import type { DeliveryStatus, InviteeStatus, UploadStatus } from '@invitations/domain';
import type { ReadModelStores } from '@invitations/runtime';
import { READ_MODELS } from '../infrastructure/tokens';

export type Tab = 'UPLOADED' | 'INVITED' | 'ACCEPTED';

export type { TabPage };

export interface TabRequest {
  first: number;
  after: string | null;
  status?: UploadStatus | null;
  search?: string | null;
}

/**
 * A document the read models must hold: one the request's own write made or changed (the handler waited for the
 * read models to include it), or one such a document refers to. Its absence is a bug, not an answer.
 */
export function required<Doc>(doc: Doc | null, what: string): Doc {
  if (doc === null) throw new Error(`${what} is missing from the read model`);
  return doc;
}

/** The queries of the admin screens, over the read models only, always scoped to the admin's organisation. */
@Injectable()
export class ReadModels {
  constructor(@Inject(READ_MODELS) private readonly stores: ReadModelStores) {}

  private get readModels(): ReadModelSet {
    return this.stores.readModels;
  }

  pools(organisationId: string): Promise<PoolDoc[]> {
    return this.readModels.pools.ofOrganisation(organisationId);
  }

  pool(organisationId: string, poolId: string): Promise<PoolDoc | null> {
    return this.readModels.pools.byId(organisationId, poolId);
  }

  memberCount(organisationId: string, poolId: string): Promise<number> {
    return this.readModels.pools.memberCount(organisationId, poolId);
  }

  batches(organisationId: string, poolId: string): Promise<BatchDoc[]> {
    return this.readModels.batches.ofPool(organisationId, poolId);
  }

  batch(organisationId: string, batchId: string): Promise<BatchDoc | null> {
    return this.readModels.batches.byId(organisationId, batchId);
  }

  upload(organisationId: string, uploadId: string): Promise<UploadDoc | null> {
    return this.readModels.uploads.byId(organisationId, uploadId);
  }

  /** A batch's uploads, newest first. */
  uploadsOfBatch(organisationId: string, batchId: string): Promise<UploadDoc[]> {
    return this.readModels.uploads.ofBatch(organisationId, batchId);
  }

  invitee(organisationId: string, inviteeId: string): Promise<InviteeDoc | null> {
    return this.readModels.invitees.byId(organisationId, inviteeId);
  }

  async counts(organisationId: string, batchId: string) {
    const counts = await this.readModels.invitees.countsOfBatch(organisationId, batchId);
    const { states, invalid, undeliverable } = counts;
    return {
      uploaded: states.UPLOADED,
      invalid,
      invited: states.INVITED,
      accepted: states.ACCEPTED,
      expired: states.EXPIRED,
      revoked: states.REVOKED,
      declined: states.DECLINED,
      undeliverable,
    };
  }

  /** A page of a batch's invitees in any of the states (every state when none are given), by delivery status if asked. */
  inviteesInStates(
    organisationId: string,
    batchId: string,
    request: TabRequest & {
      states: readonly InviteeStatus[] | null;
      delivery?: readonly DeliveryStatus[] | null;
    },
  ): Promise<TabPage> {
    return this.readModels.invitees.tabPage({
      organisationId,
      batchId,
      states: request.states && request.states.length > 0 ? request.states : INVITEE_STATES,
      first: request.first,
      after: request.after,
      search: request.search,
      deliveryStatuses: request.delivery,
    });
  }

  /** A page of the organisation's invitees, every batch, matching the search. */
  searchInvitees(
    organisationId: string,
    request: { search: string; states: readonly InviteeStatus[] | null; first: number; after: string | null },
  ): Promise<TabPage> {
    return this.readModels.invitees.searchOrganisation({ organisationId, ...request });
  }

  /** A page of a pool's members: the people accepted into it. */
  members(organisationId: string, poolId: string, request: TabRequest): Promise<TabPage> {
    return this.readModels.invitees.membersPage({
      organisationId,
      poolId,
      first: request.first,
      after: request.after,
      search: request.search,
    });
  }

  /** One page of a tab, in the tab's order, after the cursor; with the filter's total count. */
  tab(organisationId: string, batchId: string, tab: Tab, request: TabRequest): Promise<TabPage> {
    return this.readModels.invitees.tabPage({
      organisationId,
      batchId,
      states: [tab],
      first: request.first,
      after: request.after,
      uploadStatus: request.status,
      search: request.search,
    });
  }
}
