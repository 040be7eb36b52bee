import { ServiceError } from '@invitations/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { BatchDoc, InviteeDoc, MemberDoc, PoolDoc } from '@invitations/read-models';
import { foldText } from '@invitations/read-models';
import type { Filter, ReadStore } from '@invitations/read-store';
import type { UploadStatus } from '@invitations/domain';
import { READ_STORE } from '../infrastructure/tokens';

export type Tab = 'UPLOADED' | 'INVITED' | 'ACCEPTED';

export interface TabPage {
  totalCount: number;
  nodes: InviteeDoc[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface TabRequest {
  first: number;
  after: string | null;
  status?: UploadStatus | null;
  search?: string | null;
}

const MAX_PAGE = 500;

/** The queries of the admin screens, over the read models only, always scoped to the admin's organisation. */
@Injectable()
export class ReadModels {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  pools(organisationId: string): Promise<PoolDoc[]> {
    return this.readStore
      .collection<PoolDoc>('pools')
      .find({ organisationId }, { sort: { createdAt: 1, _id: 1 } });
  }

  pool(organisationId: string, poolId: string): Promise<PoolDoc | null> {
    return this.readStore.collection<PoolDoc>('pools').findOne({ _id: poolId, organisationId });
  }

  memberCount(organisationId: string, poolId: string): Promise<number> {
    return this.readStore.collection<MemberDoc>('members').countDocuments({ organisationId, poolId });
  }

  batches(organisationId: string, poolId: string): Promise<BatchDoc[]> {
    return this.readStore
      .collection<BatchDoc>('batches')
      .find({ organisationId, poolId }, { sort: { createdAt: 1, _id: 1 } });
  }

  batch(organisationId: string, batchId: string): Promise<BatchDoc | null> {
    return this.readStore.collection<BatchDoc>('batches').findOne({ _id: batchId, organisationId });
  }

  invitee(organisationId: string, inviteeId: string): Promise<InviteeDoc | null> {
    return this.readStore.collection<InviteeDoc>('invitees').findOne({ _id: inviteeId, organisationId });
  }

  async counts(organisationId: string, batchId: string) {
    const invitees = this.readStore.collection<InviteeDoc>('invitees');
    const count = (filter: Filter) => invitees.countDocuments({ organisationId, batchId, ...filter });
    const [uploaded, invalid, invited, accepted] = await Promise.all([
      count({ state: 'UPLOADED' }),
      count({ state: 'UPLOADED', uploadStatus: 'INVALID' }),
      count({ state: 'INVITED' }),
      count({ state: 'ACCEPTED' }),
    ]);
    return { uploaded, invalid, invited, accepted };
  }

  /** One page of a tab, in the tab's order, after the cursor; with the filter's total count. */
  async tab(organisationId: string, batchId: string, tab: Tab, request: TabRequest): Promise<TabPage> {
    if (!Number.isInteger(request.first) || request.first < 0 || request.first > MAX_PAGE) {
      throw new ServiceError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE}.`, [
        { field: 'first', message: `must be between 0 and ${MAX_PAGE}` },
      ]);
    }
    const filter: Filter = { organisationId, batchId, state: tab };
    if (request.status) filter.uploadStatus = request.status;
    const search = request.search?.trim();
    if (search) filter.search = { $regex: escapeRegex(foldText(search)) };
    const invitees = this.readStore.collection<InviteeDoc>('invitees');
    const page: Filter = request.after
      ? { ...filter, sortKey: { $gt: decodeCursor(request.after) } }
      : filter;
    const [totalCount, rows] = await Promise.all([
      invitees.countDocuments(filter),
      invitees.find(page, { sort: { sortKey: 1 }, limit: request.first + 1 }),
    ]);
    const nodes = rows.slice(0, request.first);
    const last = nodes[nodes.length - 1];
    return {
      totalCount,
      nodes,
      hasNextPage: rows.length > request.first,
      endCursor: last ? encodeCursor(last.sortKey) : null,
    };
  }
}

const encodeCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (decoded === '' || encodeCursor(decoded) !== cursor) {
    throw new ServiceError('BAD_USER_INPUT', 'The cursor is not valid.', [
      { field: 'after', message: 'is not a valid cursor' },
    ]);
  }
  return decoded;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
