import { Inject, Injectable } from '@nestjs/common';
import type {
  BatchDoc,
  InviteeDoc,
  PoolDoc,
  ReadModelSet,
  TabPage,
  UploadDoc,
} from '@invitations/read-models';
import type { UploadStatus } from '@invitations/domain';
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
    const { states, invalid } = await this.readModels.invitees.countsOfBatch(organisationId, batchId);
    return { uploaded: states.UPLOADED, invalid, invited: states.INVITED, accepted: states.ACCEPTED };
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
