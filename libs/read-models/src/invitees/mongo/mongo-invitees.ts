import type { Db, Filter, IndexDescription } from 'mongodb';
import { FAILED_DELIVERY_STATUSES, type InviteeStatus } from '@invitations/domain';
import { MongoOrganisationDocuments, type StoredDocument } from '../../mongo/mongo-documents';
import type { InviteeDoc } from '../invitee.document';
import {
  INVITEE_STATES,
  type BatchCounts,
  type DueInvitation,
  type Invitees,
  type MembersRequest,
  type OrganisationSearch,
  type SeatsTaken,
  type TabPage,
  type TabRequest,
} from '../invitees.port';
import { foldedSearch } from '../search-text';
import { checkPageSize, decodeCursor, encodeCursor } from '../tab-order';

/**
 * The indexes the queries use: pages and counts of a tab (with and without an upload status, or by delivery status),
 * seats, expiry.
 */
export const INVITEE_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1, batchId: 1, state: 1, sortKey: 1 }, name: 'organisation_batch_state_sort' },
  {
    key: { organisationId: 1, batchId: 1, state: 1, uploadStatus: 1, sortKey: 1 },
    name: 'organisation_batch_state_status_sort',
  },
  {
    key: { organisationId: 1, batchId: 1, deliveryStatus: 1, state: 1, sortKey: 1 },
    name: 'organisation_batch_delivery_state_sort',
  },
  { key: { poolId: 1, email: 1 }, name: 'pool_email' },
  { key: { poolId: 1, mobile: 1 }, name: 'pool_mobile' },
  { key: { state: 1, expiresAt: 1 }, name: 'state_expires' },
  { key: { state: 1, remindAt: 1 }, name: 'state_remind' },
  { key: { email: 1 }, name: 'email' },
  { key: { state: 1, closedAt: 1 }, name: 'state_closed' },
  { key: { organisationId: 1, sortKey: 1 }, name: 'organisation_sort' },
  { key: { organisationId: 1, poolId: 1, state: 1, sortKey: 1 }, name: 'organisation_pool_state_sort' },
];

/** The `invitees` read model in MongoDB: its queries as the server's, on the indexes above. */
export class MongoInvitees extends MongoOrganisationDocuments<InviteeDoc> implements Invitees {
  constructor(db: Db, collectionName = 'invitees') {
    super(db.collection<StoredDocument>(collectionName), INVITEE_INDEXES);
  }

  async tabPage(request: TabRequest): Promise<TabPage> {
    const { organisationId, batchId, states, first, uploadStatus, deliveryStatuses } = request;
    const filter: Filter<StoredDocument> = { organisationId, batchId, state: { $in: [...states] } };
    if (uploadStatus) filter.uploadStatus = uploadStatus;
    if (deliveryStatuses && deliveryStatuses.length > 0)
      filter.deliveryStatus = { $in: [...deliveryStatuses] };
    return this.page(filter, first, request.after, request.search);
  }

  async searchOrganisation(request: OrganisationSearch): Promise<TabPage> {
    const filter: Filter<StoredDocument> = { organisationId: request.organisationId };
    if (request.states && request.states.length > 0) filter.state = { $in: [...request.states] };
    return this.page(filter, request.first, request.after, request.search);
  }

  async membersPage(request: MembersRequest): Promise<TabPage> {
    const { organisationId, poolId } = request;
    return this.page(
      { organisationId, poolId, state: 'ACCEPTED' },
      request.first,
      request.after,
      request.search,
    );
  }

  /** A page of the documents the filter selects, in `sortKey` order, after the cursor, narrowed by the search. */
  private async page(
    base: Filter<StoredDocument>,
    first: number,
    cursor: string | null | undefined,
    searchText: string | null | undefined,
  ): Promise<TabPage> {
    checkPageSize(first);
    const after = cursor ? decodeCursor(cursor) : null;
    const filter: Filter<StoredDocument> = { ...base };
    const search = foldedSearch(searchText);
    if (search !== null) filter.search = { $regex: escapeRegex(search) };
    const page = after === null ? filter : { ...filter, sortKey: { $gt: after } };
    const [totalCount, found] = await Promise.all([
      this.collection.countDocuments(filter),
      this.collection
        .find(page)
        .sort({ sortKey: 1 })
        .limit(first + 1)
        .toArray(),
    ]);
    const rows = found as unknown as InviteeDoc[];
    const nodes = rows.slice(0, first);
    const last = nodes[nodes.length - 1];
    return {
      totalCount,
      nodes,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.sortKey) : null,
    };
  }

  /** One count per state (each a count of index keys), the Uploaded tab's INVALID ones, and the undeliverable. */
  async countsOfBatch(organisationId: string, batchId: string): Promise<BatchCounts> {
    const count = (filter: Filter<StoredDocument>) =>
      this.collection.countDocuments({ organisationId, batchId, ...filter });
    const [invalid, undeliverable, ...perState] = await Promise.all([
      count({ state: 'UPLOADED', uploadStatus: 'INVALID' }),
      count({ deliveryStatus: { $in: [...FAILED_DELIVERY_STATUSES] }, state: 'INVITED' }),
      ...INVITEE_STATES.map((state) => count({ state })),
    ]);
    const states = {} as Record<InviteeStatus, number>;
    INVITEE_STATES.forEach((state, index) => (states[state] = perState[index]));
    return { states, invalid, undeliverable };
  }

  async idsInStates(
    organisationId: string,
    batchId: string,
    states: readonly InviteeStatus[],
  ): Promise<string[]> {
    const docs = await this.collection
      .find({ organisationId, batchId, state: { $in: [...states] } }, { projection: { _id: 1 } })
      .sort({ sortKey: 1 })
      .toArray();
    return docs.map((doc) => String(doc._id));
  }

  async dueToExpire(now: string): Promise<DueInvitation[]> {
    const docs = await this.collection
      .find({ state: 'INVITED', expiresAt: { $lte: now } }, { projection: { _id: 1, organisationId: 1 } })
      .toArray();
    return docs.map((doc) => ({ inviteeId: String(doc._id), organisationId: String(doc.organisationId) }));
  }

  async withEmail(email: string): Promise<DueInvitation[]> {
    return this.matching({ email, erased: { $ne: true } });
  }

  async dueForRetention(before: string): Promise<DueInvitation[]> {
    return this.matching({
      state: { $in: ['DECLINED', 'REVOKED', 'EXPIRED'] },
      closedAt: { $lte: before },
      erased: { $ne: true },
    });
  }

  private async matching(filter: Record<string, unknown>): Promise<DueInvitation[]> {
    const docs = await this.collection.find(filter, { projection: { _id: 1, organisationId: 1 } }).toArray();
    return docs.map((doc) => ({ inviteeId: String(doc._id), organisationId: String(doc.organisationId) }));
  }

  async dueForReminder(now: string): Promise<DueInvitation[]> {
    const docs = await this.collection
      .find(
        { state: 'INVITED', remindedAt: null, remindAt: { $lte: now } },
        { projection: { _id: 1, organisationId: 1 } },
      )
      .sort({ remindAt: 1, _id: 1 })
      .toArray();
    return docs.map((doc) => ({ inviteeId: String(doc._id), organisationId: String(doc.organisationId) }));
  }

  async seatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<SeatsTaken> {
    const [byEmail, byMobile] = await Promise.all([
      emails.length > 0
        ? this.collection
            .find({ poolId, email: { $in: [...emails] } }, { projection: { email: 1 } })
            .toArray()
        : [],
      mobiles.length > 0
        ? this.collection
            .find({ poolId, mobile: { $in: [...mobiles] } }, { projection: { mobile: 1 } })
            .toArray()
        : [],
    ]);
    return {
      emails: new Set(byEmail.map((doc) => String(doc.email))),
      mobiles: new Set(byMobile.map((doc) => String(doc.mobile))),
    };
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
