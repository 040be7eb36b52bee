import BTree from 'sorted-btree';
import { FAILED_DELIVERY_STATUSES, type InviteeStatus } from '@invitations/domain';
import { InMemoryDocuments, type InMemoryState } from '../../projection/in-memory-documents';
import type { InviteeDoc } from '../invitee.document';
import {
  noCounts,
  type BatchCounts,
  INVITEE_STATES,
  type DueInvitation,
  type Invitees,
  type MembersRequest,
  type OrganisationSearch,
  type SeatsTaken,
  type TabPage,
  type TabRequest,
} from '../invitees.port';
import { searchMatcher } from '../search-text';
import { checkPageSize, decodeCursor, encodeCursor } from '../tab-order';
import { BatchDeliveries } from './batch-deliveries';
import { BatchTabs } from './batch-tabs';
import { MergedCursor } from './merged-cursor';
import { PoolSeats } from './pool-seats';
import type { SortedInvitees } from './sorted-invitees';

interface InviteesState extends InMemoryState<InviteeDoc> {
  /** Organisation, then batch: a batch's tabs answer only within their organisation. */
  readonly tabs: Map<string, Map<string, BatchTabs>>;
  readonly seats: Map<string, PoolSeats>;
  /** The invitations out (INVITED), by expiry then id: the sweep reads only those due. */
  readonly expiring: BTree<InviteeDoc, undefined>;
  /** The invitations out whose reminder is still to come, by when it is due then id. */
  readonly reminding: BTree<InviteeDoc, undefined>;
  /** The batches (with invitees) of each pool: a pool's members are the Accepted tabs of its batches. */
  readonly batchesOfPool: Map<string, Set<string>>;
  /** Organisation, then batch: the invitees with a delivery status, for the `delivery` filter and its counts. */
  readonly deliveries: Map<string, Map<string, BatchDeliveries>>;
}

/** Orders invitations by when their reminder is due, then id. */
function byReminder(a: InviteeDoc, b: InviteeDoc): number {
  if (a.remindAt !== b.remindAt) return a.remindAt! < b.remindAt! ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

const awaitsReminder = (doc: InviteeDoc) =>
  doc.state === 'INVITED' && doc.remindAt !== null && doc.remindedAt === null;

/** Orders invitations by expiry, then id. The documents themselves are the keys: no key is made for them. */
function byExpiry(a: InviteeDoc, b: InviteeDoc): number {
  if (a.expiresAt !== b.expiresAt) return a.expiresAt! < b.expiresAt! ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

const isOut = (doc: InviteeDoc) => doc.state === 'INVITED' && doc.expiresAt !== null;
const hasDelivery = (doc: InviteeDoc) => doc.deliveryStatus != null;

/** Whether two versions of an invitee sit at the same place of their batch's tab: organisation, batch, state, order. */
function inSameTab(previous: InviteeDoc, next: InviteeDoc): boolean {
  return (
    previous.organisationId === next.organisationId &&
    previous.batchId === next.batchId &&
    previous.state === next.state &&
    previous.sortKey === next.sortKey
  );
}

/** The `invitees` read model in memory: Maps and sorted trees kept as documents change, no query engine. */
export class InMemoryInvitees extends InMemoryDocuments<InviteeDoc, InviteesState> implements Invitees {
  /** Trees by key and counts of seats: the same whatever order the invitees are filed in. */
  protected override readonly filedOnceBuilt = true;

  protected emptyState(): InviteesState {
    return {
      byId: new Map(),
      tabs: new Map(),
      seats: new Map(),
      expiring: new BTree(undefined, byExpiry),
      reminding: new BTree(undefined, byReminder),
      batchesOfPool: new Map(),
      deliveries: new Map(),
    };
  }

  async byId(organisationId: string, inviteeId: string): Promise<InviteeDoc | null> {
    const doc = this.state.byId.get(inviteeId);
    return doc !== undefined && doc.organisationId === organisationId ? doc : null;
  }

  async tabPage(request: TabRequest): Promise<TabPage> {
    checkPageSize(request.first);
    const after = request.after ? decodeCursor(request.after) : null;
    const { organisationId, batchId, states, uploadStatus, deliveryStatuses } = request;
    const byDelivery = deliveryStatuses != null && deliveryStatuses.length > 0;
    const trees = byDelivery
      ? this.deliveriesOf(organisationId, batchId)?.treesOf(states, deliveryStatuses)
      : this.tabsOf(organisationId, batchId)?.treesOf(states, uploadStatus);
    const searched = searchMatcher(request.search);
    // The delivery trees hold every upload status: narrowing to one is then a filter, as a search is.
    const matches =
      byDelivery && uploadStatus
        ? (doc: InviteeDoc) =>
            doc.uploadStatus === uploadStatus && (searched === null || searched(doc.search))
        : searched && ((doc: InviteeDoc) => searched(doc.search));
    return pageOf(trees ?? [], request.first, after, matches);
  }

  async searchOrganisation(request: OrganisationSearch): Promise<TabPage> {
    checkPageSize(request.first);
    const after = request.after ? decodeCursor(request.after) : null;
    const states = request.states && request.states.length > 0 ? request.states : INVITEE_STATES;
    const trees: SortedInvitees[] = [];
    for (const tabs of this.state.tabs.get(request.organisationId)?.values() ?? []) {
      trees.push(...tabs.treesOf(states));
    }
    return pageOf(trees, request.first, after, searchOf(request.search));
  }

  async membersPage(request: MembersRequest): Promise<TabPage> {
    checkPageSize(request.first);
    const after = request.after ? decodeCursor(request.after) : null;
    const trees: SortedInvitees[] = [];
    for (const batchId of this.state.batchesOfPool.get(request.poolId) ?? []) {
      const tabs = this.tabsOf(request.organisationId, batchId);
      if (tabs) trees.push(...tabs.treesOf(['ACCEPTED']));
    }
    return pageOf(trees, request.first, after, searchOf(request.search));
  }

  async countsOfBatch(organisationId: string, batchId: string): Promise<BatchCounts> {
    const counts = this.tabsOf(organisationId, batchId)?.counts() ?? noCounts();
    const deliveries = this.deliveriesOf(organisationId, batchId);
    if (deliveries) counts.undeliverable = deliveries.count('INVITED', FAILED_DELIVERY_STATUSES);
    return counts;
  }

  async idsInStates(
    organisationId: string,
    batchId: string,
    states: readonly InviteeStatus[],
  ): Promise<string[]> {
    const trees = this.tabsOf(organisationId, batchId)?.treesOf(states) ?? [];
    const ids: string[] = [];
    const cursor = new MergedCursor(trees, null);
    for (let doc = cursor.next(); doc !== undefined; doc = cursor.next()) ids.push(doc._id);
    return ids;
  }

  async dueToExpire(now: string): Promise<DueInvitation[]> {
    return dueBy(this.state.expiring, 'expiresAt', now);
  }

  async withEmail(email: string): Promise<DueInvitation[]> {
    return this.matching((doc) => doc.email === email && !doc.erased);
  }

  async dueForRetention(before: string): Promise<DueInvitation[]> {
    return this.matching(
      (doc) => !doc.erased && doc.state !== 'ACCEPTED' && !!doc.closedAt && doc.closedAt <= before,
    );
  }

  /** A scan of every invitee: for operators' and retention's rare questions, not for requests. */
  private matching(test: (doc: InviteeDoc) => boolean): DueInvitation[] {
    const found: DueInvitation[] = [];
    for (const doc of this.state.byId.values())
      if (test(doc)) found.push({ inviteeId: doc._id, organisationId: doc.organisationId });
    return found;
  }

  async dueForReminder(now: string): Promise<DueInvitation[]> {
    return dueBy(this.state.reminding, 'remindAt', now);
  }

  async seatsTaken(
    poolId: string,
    emails: readonly string[],
    mobiles: readonly string[],
  ): Promise<SeatsTaken> {
    const seats = this.state.seats.get(poolId);
    if (seats === undefined) return { emails: new Set(), mobiles: new Set() };
    return { emails: seats.takenEmails(emails), mobiles: seats.takenMobiles(mobiles) };
  }

  protected added(doc: InviteeDoc): void {
    this.addToTabs(doc);
    this.addSeat(doc);
    if (isOut(doc)) this.state.expiring.set(doc, undefined);
    if (awaitsReminder(doc)) this.state.reminding.set(doc, undefined);
    if (hasDelivery(doc)) this.addDelivery(doc);
  }

  protected removed(doc: InviteeDoc): void {
    this.removeFromTabs(doc);
    this.removeSeat(doc);
    if (isOut(doc)) this.state.expiring.delete(doc);
    if (awaitsReminder(doc)) this.state.reminding.delete(doc);
    if (hasDelivery(doc)) this.removeDelivery(doc);
  }

  /**
   * An event moves an invitee to another tab (or place in it), or changes it in place (a correction, a resend):
   * each structure is touched only where the invitee's key in it changed.
   */
  protected override replaced(previous: InviteeDoc, next: InviteeDoc): void {
    if (inSameTab(previous, next) && previous.uploadStatus === next.uploadStatus) {
      this.tabsOf(next.organisationId, next.batchId)?.replace(next);
    } else {
      this.removeFromTabs(previous);
      this.addToTabs(next);
    }
    if (previous.poolId !== next.poolId || previous.email !== next.email || previous.mobile !== next.mobile) {
      this.removeSeat(previous);
      this.addSeat(next);
    }
    const { expiring, reminding } = this.state;
    if (isOut(previous)) expiring.delete(previous);
    if (isOut(next)) expiring.set(next, undefined);
    if (awaitsReminder(previous)) reminding.delete(previous);
    if (awaitsReminder(next)) reminding.set(next, undefined);
    this.replaceDelivery(previous, next);
  }

  /** A message's status moves the invitee between delivery trees only when its best status changes. */
  private replaceDelivery(previous: InviteeDoc, next: InviteeDoc): void {
    if (
      hasDelivery(previous) &&
      previous.deliveryStatus === next.deliveryStatus &&
      inSameTab(previous, next)
    ) {
      this.deliveriesOf(next.organisationId, next.batchId)?.replace(next);
      return;
    }
    if (hasDelivery(previous)) this.removeDelivery(previous);
    if (hasDelivery(next)) this.addDelivery(next);
  }

  private addDelivery(doc: InviteeDoc): void {
    const { deliveries } = this.state;
    let ofOrganisation = deliveries.get(doc.organisationId);
    if (ofOrganisation === undefined) deliveries.set(doc.organisationId, (ofOrganisation = new Map()));
    let ofBatch = ofOrganisation.get(doc.batchId);
    if (ofBatch === undefined) ofOrganisation.set(doc.batchId, (ofBatch = new BatchDeliveries()));
    ofBatch.add(doc);
  }

  private removeDelivery(doc: InviteeDoc): void {
    const ofOrganisation = this.state.deliveries.get(doc.organisationId);
    const ofBatch = ofOrganisation?.get(doc.batchId);
    if (ofOrganisation === undefined || ofBatch === undefined) return;
    ofBatch.remove(doc);
    if (ofBatch.isEmpty) ofOrganisation.delete(doc.batchId);
    if (ofOrganisation.size === 0) this.state.deliveries.delete(doc.organisationId);
  }

  private deliveriesOf(organisationId: string, batchId: string): BatchDeliveries | undefined {
    return this.state.deliveries.get(organisationId)?.get(batchId);
  }

  private addToTabs(doc: InviteeDoc): void {
    const { tabs } = this.state;
    let ofOrganisation = tabs.get(doc.organisationId);
    if (ofOrganisation === undefined) tabs.set(doc.organisationId, (ofOrganisation = new Map()));
    let ofBatch = ofOrganisation.get(doc.batchId);
    if (ofBatch === undefined) {
      ofOrganisation.set(doc.batchId, (ofBatch = new BatchTabs()));
      const { batchesOfPool } = this.state;
      let batches = batchesOfPool.get(doc.poolId);
      if (batches === undefined) batchesOfPool.set(doc.poolId, (batches = new Set()));
      batches.add(doc.batchId);
    }
    ofBatch.add(doc);
  }

  private removeFromTabs(doc: InviteeDoc): void {
    const { tabs } = this.state;
    const ofOrganisation = tabs.get(doc.organisationId);
    const ofBatch = ofOrganisation?.get(doc.batchId);
    if (ofOrganisation === undefined || ofBatch === undefined) return;
    ofBatch.remove(doc);
    if (ofBatch.isEmpty) {
      ofOrganisation.delete(doc.batchId);
      const batches = this.state.batchesOfPool.get(doc.poolId);
      batches?.delete(doc.batchId);
      if (batches?.size === 0) this.state.batchesOfPool.delete(doc.poolId);
    }
    if (ofOrganisation.size === 0) tabs.delete(doc.organisationId);
  }

  private addSeat(doc: InviteeDoc): void {
    const { seats } = this.state;
    let ofPool = seats.get(doc.poolId);
    if (ofPool === undefined) seats.set(doc.poolId, (ofPool = new PoolSeats()));
    ofPool.add(doc.email, doc.mobile);
  }

  private removeSeat(doc: InviteeDoc): void {
    const ofPool = this.state.seats.get(doc.poolId);
    if (ofPool === undefined) return;
    ofPool.remove(doc.email, doc.mobile);
    if (ofPool.isEmpty) this.state.seats.delete(doc.poolId);
  }

  private tabsOf(organisationId: string, batchId: string): BatchTabs | undefined {
    return this.state.tabs.get(organisationId)?.get(batchId);
  }
}

/** The documents a search keeps (null: every one). */
function searchOf(search: string | null | undefined): ((doc: InviteeDoc) => boolean) | null {
  const searched = searchMatcher(search);
  return searched && ((doc: InviteeDoc) => searched(doc.search));
}

/**
 * A page of the invitees of some trees, in key order, after the cursor, narrowed by a filter (a search). Without
 * one the trees are merged (O(log n + page)) and counted by their sizes; a filter reads them whole once, tree by tree: it
 * counts every match, and keeps each tree's first matches after the cursor; the page is the first of those.
 */
function pageOf(
  trees: readonly SortedInvitees[],
  first: number,
  after: string | null,
  matches: ((doc: InviteeDoc) => boolean) | null,
): TabPage {
  if (trees.length === 0) return { totalCount: 0, nodes: [], hasNextPage: false, endCursor: null };
  const rows: InviteeDoc[] = [];
  let totalCount = 0;
  if (matches === null) {
    for (const tree of trees) totalCount += tree.size;
    const cursor = new MergedCursor(trees, after);
    for (let doc = cursor.next(); doc !== undefined && rows.length <= first; doc = cursor.next()) {
      rows.push(doc);
    }
  } else {
    const candidates: InviteeDoc[] = [];
    for (const tree of trees) {
      let kept = 0;
      tree.forEachPair((key, doc) => {
        if (!matches(doc)) return;
        totalCount += 1;
        if (kept <= first && (after === null || key > after)) {
          candidates.push(doc);
          kept += 1;
        }
      });
    }
    if (trees.length > 1) candidates.sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    rows.push(...candidates.slice(0, first + 1));
  }
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    totalCount,
    nodes,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor(last.sortKey) : null,
  };
}

/** The invitees of a tree kept in order of `time` whose time has come by `now`: the tree's head, up to `now`. */
function dueBy(
  tree: BTree<InviteeDoc, undefined>,
  time: 'expiresAt' | 'remindAt',
  now: string,
): DueInvitation[] {
  const due: DueInvitation[] = [];
  for (const doc of tree.keys()) {
    if (doc[time]! > now) break;
    due.push({ inviteeId: doc._id, organisationId: doc.organisationId });
  }
  return due;
}
