import type { DeliveryStatus, InviteeStatus, UploadStatus } from '@invitations/domain';
import type { InviteeDoc } from './invitee.document';

/**
 * A page of a tab of a batch: the invitees in any of `states` (a tab is one state today; a tab of several is
 * paged the same way), in the tab's order (`sortKey`), after the cursor; narrowed by upload status and search.
 */
export interface TabRequest {
  organisationId: string;
  batchId: string;
  states: readonly InviteeStatus[];
  /** 0 to MAX_PAGE. */
  first: number;
  /** A page's `endCursor`: the page starts after it. */
  after?: string | null;
  uploadStatus?: UploadStatus | null;
  /** Matched, folded, anywhere in the names, email and mobile. */
  search?: string | null;
  /** Only those whose current invitation's delivery status is one of these (e.g. every failure: undeliverable). */
  deliveryStatuses?: readonly DeliveryStatus[] | null;
}

export interface TabPage {
  /** How many invitees the tab holds with the request's filters, whatever the cursor. */
  totalCount: number;
  nodes: InviteeDoc[];
  hasNextPage: boolean;
  /** The cursor after the last node; null for an empty page. */
  endCursor: string | null;
}

/** The people of a batch by state, and the Uploaded tab's INVALID ones (who cannot be invited). */
export interface BatchCounts {
  states: Record<InviteeStatus, number>;
  /** UPLOADED and INVALID. */
  invalid: number;
  /** INVITED, and every message of their current invitation bounced, failed or was complained of. */
  undeliverable: number;
}

/** An invitation whose time is up, for the expiry sweep. */
export interface DueInvitation {
  inviteeId: string;
  organisationId: string;
}

/** A page of the organisation's invitees across all its batches, matching a search (`searchInvitees`). */
export interface OrganisationSearch {
  organisationId: string;
  /** Matched, folded, anywhere in the names, email and mobile. */
  search: string;
  /** Any state when null or empty. */
  states?: readonly InviteeStatus[] | null;
  first: number;
  after?: string | null;
}

/** A page of a pool's members: the people accepted into it (`ResourcePool.members`), in the order they joined. */
export interface MembersRequest {
  organisationId: string;
  poolId: string;
  first: number;
  after?: string | null;
  search?: string | null;
}

/** Which of the asked emails and mobiles already hold a seat (any invitee: staged, invited or accepted) in a pool. */
export interface SeatsTaken {
  emails: ReadonlySet<string>;
  mobiles: ReadonlySet<string>;
}

/** The `invitees` read model's queries: the tabs of a batch and their counts, and what use cases ask of invitees. */
export interface Invitees {
  /** The invitee, in its organisation only. */
  byId(organisationId: string, inviteeId: string): Promise<InviteeDoc | null>;
  /** A page of a tab; BAD_USER_INPUT for a page size out of range or a cursor this service did not make. */
  tabPage(request: TabRequest): Promise<TabPage>;
  countsOfBatch(organisationId: string, batchId: string): Promise<BatchCounts>;
  /**
   * The ids of a batch's invitees in any of the states, in the tabs' order (sending invitations to "all" the
   * uploaded, bulk actions "on every expired").
   */
  idsInStates(organisationId: string, batchId: string, states: readonly InviteeStatus[]): Promise<string[]>;
  /** Invitations (state INVITED) whose expiry is at or before `now` (ISO-8601). */
  dueToExpire(now: string): Promise<DueInvitation[]>;
  /** Every invitee with this (normalised) email, in every organisation: an operator's erasure of a person. */
  withEmail(email: string): Promise<DueInvitation[]>;
  /**
   * People not erased whose invitation was declined, revoked or expired at or before `before` and who did not accept
   * since (RETENTION_DAYS_AFTER_CLOSE).
   */
  dueForRetention(before: string): Promise<DueInvitation[]>;
  /** Invitations (state INVITED) whose reminder is due at or before `now` and was not sent yet. */
  dueForReminder(now: string): Promise<DueInvitation[]>;
  /**
   * A page of the organisation's invitees, every batch, matching the search; in the order of the tabs' keys.
   * Bounded as a tab's search is: the organisation's invitees are read once, the page is at most MAX_PAGE.
   */
  searchOrganisation(request: OrganisationSearch): Promise<TabPage>;
  /** A page of the people accepted into a pool, in the order they were accepted; BAD_USER_INPUT as tabPage. */
  membersPage(request: MembersRequest): Promise<TabPage>;
  /** Of these normalised emails and mobiles, those an invitee of the pool already holds (upload classification). */
  seatsTaken(poolId: string, emails: readonly string[], mobiles: readonly string[]): Promise<SeatsTaken>;
}

/** Every invitee state, once: the keys of a batch's counts. */
const STATES: Record<InviteeStatus, null> = {
  UPLOADED: null,
  INVITED: null,
  ACCEPTED: null,
  REVOKED: null,
  EXPIRED: null,
  DECLINED: null,
};
export const INVITEE_STATES = Object.keys(STATES) as InviteeStatus[];

/** Counts of nobody, to add to. */
export function noCounts(): BatchCounts {
  const states = {} as Record<InviteeStatus, number>;
  for (const state of INVITEE_STATES) states[state] = 0;
  return { states, invalid: 0, undeliverable: 0 };
}
