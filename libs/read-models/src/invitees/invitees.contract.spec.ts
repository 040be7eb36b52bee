import type { DeliveryStatus, InviteeStatus, UploadStatus } from '@invitations/domain';
import type { ReadModelSet } from '../read-model-set';
import { positionKey } from '../projection/projection';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { writeDocuments } from '../testing/write-documents';
import type { InviteeDoc } from './invitee.document';
import { NOT_YET_INVITED } from '../testing/not-yet-invited';
import type { TabRequest } from './invitees.port';
import { searchText } from './search-text';
import { sortKey } from './tab-order';

const ORG = 'org-1';
const BATCH = 'batch-1';
const POOL = 'pool-1';

/** 09:00 on a day of March 2025, plus some minutes. */
const at = (day: number, minutes = 0) => new Date(Date.UTC(2025, 2, day, 9, minutes)).toISOString();

let nextPosition = 1n;

/** An invitee document as the projection writes it; the fields given replace the defaults. */
function invitee(id: string, fields: Partial<InviteeDoc> = {}): InviteeDoc {
  const person = {
    email: `${id}@example.org`,
    mobile: null,
    firstName: id,
    middleNames: null,
    lastName: 'Stone',
    preferredName: null,
    ...fields,
  };
  const stagedAt = fields.stagedAt ?? at(2);
  return {
    _id: id,
    organisationId: ORG,
    batchId: BATCH,
    poolId: POOL,
    dateOfBirth: '1990-01-01',
    jobRole: null,
    uploadStatus: 'NEW',
    discrepancies: [],
    passportId: null,
    stagedAt,
    ...NOT_YET_INVITED,
    uploadId: null,
    sortKey: sortKey(stagedAt, id),
    _pos: positionKey(nextPosition++),
    ...person,
    search: searchText(person),
    ...fields,
  };
}

/** Invited on `day`, expiring 14 days later unless said otherwise. */
const invited = (id: string, day: number, fields: Partial<InviteeDoc> = {}) =>
  invitee(id, {
    state: 'INVITED',
    invitedAt: at(day),
    expiresAt: at(day + 14),
    invitationId: `invitation-${id}`,
    sortKey: sortKey(at(day), id),
    ...fields,
  });

describeOnBothAdapters('invitees', (open) => {
  let readModels: ReadModelSet;

  beforeEach(async () => (readModels = await open()));

  const store = () => readModels.storage.documents('invitees');
  const write = (...docs: InviteeDoc[]) => writeDocuments(readModels, 'invitees', docs);
  const tab = (request: Partial<TabRequest> = {}) =>
    readModels.invitees.tabPage({
      organisationId: ORG,
      batchId: BATCH,
      states: ['UPLOADED'],
      first: 50,
      ...request,
    });
  const ids = (nodes: readonly InviteeDoc[]) => nodes.map((node) => node._id);

  describe('documents', () => {
    it('loads the documents that exist, and gives every document by id', async () => {
      await write(invitee('b'), invitee('a'));

      expect([...(await store().load(['a', 'missing', 'b'])).keys()].sort()).toEqual(['a', 'b']);
      expect(ids((await store().all()) as InviteeDoc[])).toEqual(['a', 'b']);
    });

    it('applies a change only over an older version: a redelivered or stale change is a no-op', async () => {
      const first = invitee('a', { _pos: positionKey(10n) });
      const second = { ...first, state: 'INVITED' as const, _pos: positionKey(20n) };
      await write(first);
      await write(second);
      await write(first); // stale
      await write({ ...second, firstName: 'again' }); // same position: seen already

      expect(await readModels.invitees.byId(ORG, 'a')).toEqual(second);
    });

    it('deletes only over an older version', async () => {
      await write(invitee('a', { _pos: positionKey(10n) }), invitee('b', { _pos: positionKey(10n) }));
      await store().write([
        { id: 'a', document: null, position: positionKey(5n) },
        { id: 'b', document: null, position: positionKey(11n) },
        { id: 'never', document: null, position: positionKey(11n) },
      ]);

      expect(ids((await store().all()) as InviteeDoc[])).toEqual(['a']);
      expect((await tab()).totalCount).toBe(1);
    });
  });

  describe('byId', () => {
    it('finds an invitee in its organisation only', async () => {
      await write(invitee('a'));

      expect(await readModels.invitees.byId(ORG, 'a')).toEqual(invitee('a', { _pos: expect.any(String) }));
      expect(await readModels.invitees.byId('org-2', 'a')).toBeNull();
      expect(await readModels.invitees.byId(ORG, 'b')).toBeNull();
    });
  });

  describe('a page of a tab', () => {
    /** 25 people staged a minute apart, in a shuffled order; every third EXISTING, every fifth INVALID. */
    async function stageTwentyFive(): Promise<string[]> {
      const people = Array.from({ length: 25 }, (_, n) => {
        const uploadStatus: UploadStatus = n % 5 === 4 ? 'INVALID' : n % 3 === 2 ? 'EXISTING' : 'NEW';
        return invitee(`p${String(n).padStart(2, '0')}`, { stagedAt: at(2, n), uploadStatus });
      });
      const shuffled = people.map((doc, n) => people[(n * 7) % 25]);
      await write(...shuffled);
      return people.map((doc) => doc._id);
    }

    it("pages through a tab in the tab's order, each page with the tab's total", async () => {
      const everyone = await stageTwentyFive();
      const pages = [];
      let after: string | null = null;
      do {
        const page = await tab({ first: 10, after });
        pages.push(page);
        after = page.hasNextPage ? page.endCursor : null;
      } while (after);

      expect(pages.map((page) => page.nodes.length)).toEqual([10, 10, 5]);
      expect(pages.map((page) => page.totalCount)).toEqual([25, 25, 25]);
      expect(pages.flatMap((page) => ids(page.nodes))).toEqual(everyone);
      expect(pages.at(-1)).toMatchObject({ hasNextPage: false });
    });

    it('breaks ties of instant by id', async () => {
      await write(
        invitee('b', { stagedAt: at(2) }),
        invitee('a', { stagedAt: at(2) }),
        invitee('c', { stagedAt: at(1) }),
      );

      expect(ids((await tab()).nodes)).toEqual(['c', 'a', 'b']);
    });

    it('answers only whether there is more for a page of 0, and nothing for an empty tab', async () => {
      await stageTwentyFive();

      expect(await tab({ first: 0 })).toEqual({
        totalCount: 25,
        nodes: [],
        hasNextPage: true,
        endCursor: null,
      });
      expect(await tab({ states: ['ACCEPTED'] })).toEqual({
        totalCount: 0,
        nodes: [],
        hasNextPage: false,
        endCursor: null,
      });
      expect((await tab({ batchId: 'batch-2' })).totalCount).toBe(0);
      expect((await tab({ organisationId: 'org-2' })).totalCount).toBe(0);
    });

    it('ends exactly at the last one: no next page after a full last page', async () => {
      await stageTwentyFive();
      const first = await tab({ first: 20 });
      const last = await tab({ first: 5, after: first.endCursor });

      expect(ids(last.nodes)).toHaveLength(5);
      expect(last.hasNextPage).toBe(false);
      expect(await tab({ first: 5, after: last.endCursor })).toMatchObject({ nodes: [], hasNextPage: false });
    });

    it('narrows to an upload status, in order and counted', async () => {
      const everyone = await stageTwentyFive();
      const invalid = everyone.filter((_, n) => n % 5 === 4);

      const firstPage = await tab({ uploadStatus: 'INVALID', first: 3 });
      const rest = await tab({ uploadStatus: 'INVALID', first: 3, after: firstPage.endCursor });

      expect(firstPage.totalCount).toBe(5);
      expect([...ids(firstPage.nodes), ...ids(rest.nodes)]).toEqual(invalid);
      expect(rest.hasNextPage).toBe(false);
    });

    it('pages a tab of several states as one, in one order', async () => {
      await write(
        invitee('staged', { stagedAt: at(5) }),
        invited('invited', 3),
        invitee('accepted', { state: 'ACCEPTED', sortKey: sortKey(at(4), 'accepted') }),
        invitee('revoked', { state: 'REVOKED', sortKey: sortKey(at(1), 'revoked') }),
      );
      const states: InviteeStatus[] = ['REVOKED', 'ACCEPTED', 'INVITED'];

      const first = await tab({ states, first: 2 });
      const second = await tab({ states, first: 2, after: first.endCursor });

      expect(first.totalCount).toBe(3);
      expect([...ids(first.nodes), ...ids(second.nodes)]).toEqual(['revoked', 'invited', 'accepted']);
      expect(second.hasNextPage).toBe(false);
    });

    it('searches names, email and mobile, folded, and counts the matches', async () => {
      await write(
        invitee('zoe', { firstName: 'Zoë', lastName: 'Ångström', stagedAt: at(2, 1) }),
        invitee('zed', {
          firstName: 'Zed',
          lastName: 'Angstrom',
          mobile: '+61400000001',
          stagedAt: at(2, 2),
        }),
        invitee('bob', { firstName: 'Bob', email: 'bob.angstrom@example.org', stagedAt: at(2, 3) }),
        invitee('cat', { firstName: 'Cat', stagedAt: at(2, 4) }),
      );

      const page = await tab({ search: '  ANGSTRÖM ', first: 2 });
      const next = await tab({ search: 'angstrom', first: 2, after: page.endCursor });

      expect(page).toMatchObject({ totalCount: 3, hasNextPage: true });
      expect([...ids(page.nodes), ...ids(next.nodes)]).toEqual(['zoe', 'zed', 'bob']);
      expect(next.hasNextPage).toBe(false);
      expect(ids((await tab({ search: '+6140000000' })).nodes)).toEqual(['zed']);
      expect((await tab({ search: 'a.b' })).totalCount).toBe(0); // a search is text, not a pattern
      expect((await tab({ search: '   ' })).totalCount).toBe(4);
    });

    it('searches within an upload status', async () => {
      await write(
        invitee('a', { lastName: 'Smith', uploadStatus: 'INVALID' }),
        invitee('b', { lastName: 'Smith', uploadStatus: 'NEW' }),
      );

      expect(ids((await tab({ search: 'smith', uploadStatus: 'INVALID' })).nodes)).toEqual(['a']);
    });

    it('refuses a page size out of range and a cursor it did not make, as bad input', async () => {
      await expect(tab({ first: 501 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(tab({ first: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(tab({ first: 1.5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(tab({ after: 'bm90IGEgY3Vyc29y!' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'The cursor is not valid.',
      });
    });

    it('moves people between tabs as they change, and keeps their place in one', async () => {
      await write(invitee('a', { stagedAt: at(2, 1) }), invitee('b', { stagedAt: at(2, 2) }));
      await write(invited('a', 3));
      const b = (await readModels.invitees.byId(ORG, 'b'))!;
      const bea = { ...b, firstName: 'Bea', search: searchText({ ...b, firstName: 'Bea' }) };
      await write({ ...bea, _pos: positionKey(nextPosition++) });

      expect(ids((await tab()).nodes)).toEqual(['b']);
      expect(ids((await tab({ states: ['INVITED'] })).nodes)).toEqual(['a']);
      expect((await tab({ search: 'bea' })).nodes).toMatchObject([{ _id: 'b', firstName: 'Bea' }]);
    });
  });

  describe('counts of a batch', () => {
    it('counts every state, and the Uploaded tab’s INVALID people, as documents come and go', async () => {
      await write(
        invitee('a'),
        invitee('b', { uploadStatus: 'INVALID' }),
        invitee('c', { uploadStatus: 'EXISTING' }),
        invited('d', 3),
        invited('e', 3, { uploadStatus: 'INVALID' }),
        invitee('f', { state: 'ACCEPTED' }),
        invitee('g', { state: 'EXPIRED' }),
        invitee('h', { state: 'DECLINED' }),
        invitee('i', { state: 'REVOKED' }),
        invitee('other-batch', { batchId: 'batch-2' }),
      );
      await store().write([{ id: 'a', document: null, position: positionKey(nextPosition++) }]);

      expect(await readModels.invitees.countsOfBatch(ORG, BATCH)).toEqual({
        states: { UPLOADED: 2, INVITED: 2, ACCEPTED: 1, REVOKED: 1, EXPIRED: 1, DECLINED: 1 },
        invalid: 1,
        undeliverable: 0,
      });
      expect(await readModels.invitees.countsOfBatch('org-2', BATCH)).toEqual({
        states: { UPLOADED: 0, INVITED: 0, ACCEPTED: 0, REVOKED: 0, EXPIRED: 0, DECLINED: 0 },
        invalid: 0,
        undeliverable: 0,
      });
    });
  });

  describe('delivery status', () => {
    const FAILURES: DeliveryStatus[] = ['BOUNCED', 'FAILED', 'COMPLAINED'];
    /** Invited on `day`, the best status of the invitation's messages as given. */
    const reached = (
      id: string,
      day: number,
      deliveryStatus: DeliveryStatus,
      fields: Partial<InviteeDoc> = {},
    ) => invited(id, day, { deliveryStatus, ...fields });
    const byDelivery = (deliveryStatuses: DeliveryStatus[], request: Partial<TabRequest> = {}) =>
      tab({ states: ['INVITED'], deliveryStatuses, ...request });

    it('pages the invitees whose delivery status is one of those asked, in the tab’s order, counted', async () => {
      await write(
        reached('bounced', 4, 'BOUNCED'),
        reached('failed', 2, 'FAILED'),
        reached('delivered', 1, 'DELIVERED'),
        reached('complained', 3, 'COMPLAINED'),
        invited('no-message-yet', 5),
        reached('revoked', 1, 'BOUNCED', { state: 'REVOKED' }),
        reached('other-batch', 1, 'BOUNCED', { batchId: 'batch-2' }),
        reached('other-org', 1, 'BOUNCED', { organisationId: 'org-2' }),
      );

      const first = await byDelivery(FAILURES, { first: 2 });
      const rest = await byDelivery(FAILURES, { first: 2, after: first.endCursor });
      expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
      expect([...ids(first.nodes), ...ids(rest.nodes)]).toEqual(['failed', 'complained', 'bounced']);
      expect(rest.hasNextPage).toBe(false);
      expect(ids((await byDelivery(['DELIVERED'])).nodes)).toEqual(['delivered']);
      expect(ids((await byDelivery(['BOUNCED'], { states: ['INVITED', 'REVOKED'] })).nodes)).toEqual([
        'revoked',
        'bounced',
      ]);
      expect((await byDelivery(['QUEUED'])).totalCount).toBe(0);
      expect((await byDelivery([])).totalCount).toBe(5); // no filter: the whole Invited tab
    });

    it('searches, and narrows to an upload status, within a delivery status', async () => {
      await write(
        reached('a', 1, 'BOUNCED', { lastName: 'Smith', uploadStatus: 'EXISTING' }),
        reached('b', 2, 'FAILED', { lastName: 'Smith' }),
        reached('c', 3, 'BOUNCED', { lastName: 'Jones' }),
      );

      expect(ids((await byDelivery(FAILURES, { search: 'smith' })).nodes)).toEqual(['a', 'b']);
      expect(ids((await byDelivery(FAILURES, { uploadStatus: 'NEW' })).nodes)).toEqual(['b', 'c']);
      expect(await byDelivery(FAILURES, { uploadStatus: 'NEW', search: 'smith' })).toMatchObject({
        totalCount: 1,
        nodes: [{ _id: 'b' }],
      });
    });

    it('counts the invited whose every message failed as undeliverable, as their status moves', async () => {
      await write(
        reached('a', 1, 'BOUNCED'),
        reached('b', 1, 'QUEUED'),
        reached('c', 1, 'COMPLAINED', { state: 'EXPIRED' }),
      );
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(1);

      const a = (await readModels.invitees.byId(ORG, 'a'))!;
      const b = (await readModels.invitees.byId(ORG, 'b'))!;
      await write(
        { ...a, deliveryStatus: 'DELIVERED', _pos: positionKey(nextPosition++) },
        { ...b, deliveryStatus: 'FAILED', _pos: positionKey(nextPosition++) },
      );
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(1);
      expect(ids((await byDelivery(FAILURES)).nodes)).toEqual(['b']);
      expect(ids((await byDelivery(['DELIVERED'])).nodes)).toEqual(['a']);

      // A resend: a new invitation, whose messages are not queued yet.
      const failed = (await readModels.invitees.byId(ORG, 'b'))!;
      await write({
        ...failed,
        invitationId: 'invitation-b-2',
        deliveryStatus: null,
        _pos: positionKey(nextPosition++),
      });
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(0);
      expect((await byDelivery(FAILURES)).totalCount).toBe(0);
    });

    it('keeps an invitee found by its delivery status up to date when a message changes in place', async () => {
      await write(reached('a', 1, 'BOUNCED'));
      const a = (await readModels.invitees.byId(ORG, 'a'))!;
      const deliveries = [
        {
          messageId: 'm-1',
          invitationId: 'invitation-a',
          channel: 'EMAIL' as const,
          kind: 'INVITATION' as const,
          status: 'BOUNCED' as const,
          at: at(2),
          reason: 'mailbox full',
        },
      ];
      await write({ ...a, deliveries, _pos: positionKey(nextPosition++) });

      expect((await byDelivery(FAILURES)).nodes).toMatchObject([{ _id: 'a', deliveries }]);
      expect(await readModels.invitees.byId(ORG, 'a')).toMatchObject({ deliveries });
    });
  });

  describe('ids in a state', () => {
    it("lists a batch's invitees in a state, in the tab's order", async () => {
      await write(
        invitee('late', { stagedAt: at(3) }),
        invitee('early', { stagedAt: at(1) }),
        invited('out', 2),
        invitee('elsewhere', { batchId: 'batch-2' }),
      );

      expect(await readModels.invitees.idsInStates(ORG, BATCH, ['UPLOADED'])).toEqual(['early', 'late']);
      expect(await readModels.invitees.idsInStates(ORG, BATCH, ['INVITED'])).toEqual(['out']);
      expect(await readModels.invitees.idsInStates('org-2', BATCH, ['UPLOADED'])).toEqual([]);
    });

    it("lists a batch's invitees in any of several states, in the tabs' order", async () => {
      await write(
        invited('lapsed', 3, { state: 'EXPIRED' }),
        invited('out', 1),
        invited('declined', 2, { state: 'DECLINED' }),
        invitee('staged'),
        invited('elsewhere', 1, { state: 'EXPIRED', batchId: 'batch-2' }),
      );

      expect(await readModels.invitees.idsInStates(ORG, BATCH, ['INVITED', 'EXPIRED'])).toEqual([
        'out',
        'lapsed',
      ]);
      expect(await readModels.invitees.idsInStates(ORG, BATCH, ['DECLINED'])).toEqual(['declined']);
      expect(await readModels.invitees.idsInStates('org-2', BATCH, ['EXPIRED'])).toEqual([]);
    });
  });

  describe('a page of several states (the Expired, Revoked and Declined people in sight)', () => {
    it("pages the invitees of the states asked, in the tabs' order, with their count and a search", async () => {
      await write(
        invited('a', 1, { state: 'EXPIRED', firstName: 'Ana' }),
        invited('b', 2, { state: 'REVOKED' }),
        invited('c', 3, { state: 'DECLINED', declinedAt: at(4) }),
        invited('d', 4),
        invitee('e'),
      );
      const first = await tab({ states: ['EXPIRED', 'REVOKED', 'DECLINED'], first: 2 });
      expect(ids(first.nodes)).toEqual(['a', 'b']);
      expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
      const rest = await tab({
        states: ['EXPIRED', 'REVOKED', 'DECLINED'],
        first: 2,
        after: first.endCursor,
      });
      expect(ids(rest.nodes)).toEqual(['c']);
      expect(rest.nodes[0].declinedAt).toBe(at(4));
      const found = await tab({ states: ['EXPIRED', 'REVOKED', 'DECLINED'], search: 'ana' });
      expect(ids(found.nodes)).toEqual(['a']);
    });
  });

  describe("the organisation's search across batches", () => {
    const search = (request: Partial<Parameters<ReadModelSet['invitees']['searchOrganisation']>[0]> = {}) =>
      readModels.invitees.searchOrganisation({ organisationId: ORG, search: 'stone', first: 50, ...request });

    it('finds the matching invitees of every batch of the organisation, in every state unless narrowed', async () => {
      await write(
        invitee('a', { stagedAt: at(1) }),
        invited('b', 2, { batchId: 'batch-2' }),
        invited('c', 3, { batchId: 'batch-3', poolId: 'pool-2', state: 'EXPIRED' }),
        invitee('d', { lastName: 'Other', email: 'd@example.org' }),
        invitee('theirs', { organisationId: 'org-2' }),
      );

      const all = await search();
      expect(ids(all.nodes)).toEqual(['a', 'b', 'c']);
      expect(all.totalCount).toBe(3);
      expect(ids((await search({ states: ['EXPIRED', 'INVITED'] })).nodes)).toEqual(['b', 'c']);
      expect(ids((await search({ organisationId: 'org-2' })).nodes)).toEqual(['theirs']);
      expect((await search({ search: 'nobody' })).totalCount).toBe(0);
    });

    it('pages with the cursor, and refuses a page over the bound', async () => {
      await write(
        ...Array.from({ length: 5 }, (_, n) =>
          invitee(`p${n}`, { stagedAt: at(1, n), batchId: `batch-${n % 2}` }),
        ),
      );
      const first = await search({ first: 3 });
      expect(ids(first.nodes)).toEqual(['p0', 'p1', 'p2']);
      expect(first.hasNextPage).toBe(true);
      const next = await search({ first: 3, after: first.endCursor });
      expect(ids(next.nodes)).toEqual(['p3', 'p4']);
      expect(next.hasNextPage).toBe(false);
      await expect(search({ first: 501 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe("a pool's members", () => {
    const members = (request: Partial<Parameters<ReadModelSet['invitees']['membersPage']>[0]> = {}) =>
      readModels.invitees.membersPage({ organisationId: ORG, poolId: POOL, first: 50, ...request });
    const accepted = (id: string, day: number, fields: Partial<InviteeDoc> = {}) =>
      invited(id, day - 1, {
        state: 'ACCEPTED',
        acceptedAt: at(day),
        sortKey: sortKey(at(day), id),
        ...fields,
      });

    it('are the people accepted into any batch of the pool, in the order they joined, searchable', async () => {
      await write(
        accepted('late', 5, { firstName: 'Zoe' }),
        accepted('early', 2, { batchId: 'batch-2' }),
        invited('pending', 1),
        accepted('other-pool', 3, { poolId: 'pool-2', batchId: 'batch-9' }),
        accepted('other-org', 3, { organisationId: 'org-2' }),
      );

      const page = await members();
      expect(ids(page.nodes)).toEqual(['early', 'late']);
      expect(page.totalCount).toBe(2);
      expect(ids((await members({ search: 'zoe' })).nodes)).toEqual(['late']);
      const one = await members({ first: 1 });
      expect(one).toMatchObject({ totalCount: 2, hasNextPage: true });
      expect(ids((await members({ first: 1, after: one.endCursor })).nodes)).toEqual(['late']);
      expect((await members({ organisationId: 'org-3' })).totalCount).toBe(0);
    });

    it('loses a member whose invitee is gone (removed from the pool)', async () => {
      await write(accepted('a', 2), accepted('b', 3));
      await store().write([{ id: 'a', document: null, position: positionKey(nextPosition++) }]);
      expect(ids((await members()).nodes)).toEqual(['b']);
    });
  });

  describe('invitations due for their reminder', () => {
    it('lists invited people whose reminder is due and not sent, earliest first', async () => {
      await write(
        invited('due-later', 1, { remindAt: at(12) }),
        invited('due-first', 1, { remindAt: at(11) }),
        invited('not-yet', 1, { remindAt: at(20) }),
        invited('reminded', 1, { remindAt: at(11), remindedAt: at(11) }),
        invited('no-reminder', 1),
        invited('lapsed', 1, { remindAt: at(11), state: 'EXPIRED' }),
      );

      expect(await readModels.invitees.dueForReminder(at(13))).toEqual([
        { inviteeId: 'due-first', organisationId: ORG },
        { inviteeId: 'due-later', organisationId: ORG },
      ]);
      expect(await readModels.invitees.dueForReminder(at(10))).toEqual([]);
    });

    it('drops an invitation once reminded', async () => {
      const doc = invited('a', 1, { remindAt: at(11) });
      await write(doc);
      await write({ ...doc, remindedAt: at(11), _pos: positionKey(nextPosition++) });
      expect(await readModels.invitees.dueForReminder(at(13))).toEqual([]);
    });
  });

  describe('invitations due to expire', () => {
    it('finds the invitations out whose expiry is at or before the instant, in any organisation', async () => {
      await write(
        invited('due', 1), // expires on day 15
        invited('just-due', 2), // day 16
        invited('later', 3),
        invited('other-org', 1, { organisationId: 'org-2' }),
        invitee('accepted', { state: 'ACCEPTED', expiresAt: at(15) }),
      );

      const due = await readModels.invitees.dueToExpire(at(16));

      expect([...due].sort((a, b) => a.inviteeId.localeCompare(b.inviteeId))).toEqual([
        { inviteeId: 'due', organisationId: ORG },
        { inviteeId: 'just-due', organisationId: ORG },
        { inviteeId: 'other-org', organisationId: 'org-2' },
      ]);
    });

    it('follows a resend to its new expiry, and forgets an invitation no longer out', async () => {
      await write(invited('resent', 1), invited('revoked', 1));
      const resent = (await readModels.invitees.byId(ORG, 'resent'))!;
      const revoked = (await readModels.invitees.byId(ORG, 'revoked'))!;
      await write(
        { ...resent, expiresAt: at(30), _pos: positionKey(nextPosition++) },
        { ...revoked, state: 'REVOKED', _pos: positionKey(nextPosition++) },
      );

      expect(await readModels.invitees.dueToExpire(at(16))).toEqual([]);
      expect(await readModels.invitees.dueToExpire(at(30))).toEqual([
        { inviteeId: 'resent', organisationId: ORG },
      ]);
    });
  });

  describe('seats taken in a pool', () => {
    it('answers which emails and mobiles an invitee of the pool holds, whatever its state', async () => {
      await write(
        invitee('a', { email: 'a@example.org', mobile: '+61400000001' }),
        invited('b', 3, { email: 'b@example.org' }),
        invitee('c', { email: 'c@example.org', mobile: '+61400000003', poolId: 'pool-2' }),
      );

      const taken = await readModels.invitees.seatsTaken(
        POOL,
        ['a@example.org', 'b@example.org', 'c@example.org', 'x@example.org'],
        ['+61400000001', '+61400000003'],
      );

      expect([...taken.emails].sort()).toEqual(['a@example.org', 'b@example.org']);
      expect([...taken.mobiles]).toEqual(['+61400000001']);
      expect(await readModels.invitees.seatsTaken('pool-3', ['a@example.org'], [])).toEqual({
        emails: new Set(),
        mobiles: new Set(),
      });
    });

    it('frees a seat when its invitee is removed or takes another email', async () => {
      await write(invitee('a', { email: 'a@example.org' }), invitee('b', { email: 'b@example.org' }));
      await store().write([{ id: 'a', document: null, position: positionKey(nextPosition++) }]);
      const b = (await readModels.invitees.byId(ORG, 'b'))!;
      await write({ ...b, email: 'bea@example.org', _pos: positionKey(nextPosition++) });

      const taken = await readModels.invitees.seatsTaken(
        POOL,
        ['a@example.org', 'b@example.org', 'bea@example.org'],
        [],
      );
      expect([...taken.emails]).toEqual(['bea@example.org']);
    });
  });

  describe('privacy', () => {
    const sorted = (found: { inviteeId: string; organisationId: string }[]) =>
      [...found].sort((a, b) => a.inviteeId.localeCompare(b.inviteeId));

    it('finds every invitee with an email, in every organisation, but the erased', async () => {
      await write(
        invitee('a', { email: 'same@example.org' }),
        invitee('b', { email: 'same@example.org', organisationId: 'org-2', batchId: 'batch-9' }),
        invitee('c', { email: 'same@example.org', erased: true }),
        invitee('d', { email: 'other@example.org' }),
      );

      expect(sorted(await readModels.invitees.withEmail('same@example.org'))).toEqual([
        { inviteeId: 'a', organisationId: ORG },
        { inviteeId: 'b', organisationId: 'org-2' },
      ]);
      expect(await readModels.invitees.withEmail('nobody@example.org')).toEqual([]);
    });

    it('finds the people due for retention: closed at or before the instant, never accepted, not erased', async () => {
      await write(
        invited('declined', 1, { state: 'DECLINED', declinedAt: at(3), closedAt: at(3) }),
        invited('revoked', 1, { state: 'REVOKED', closedAt: at(4) }),
        invited('expired-late', 1, { state: 'EXPIRED', closedAt: at(20) }),
        invited('erased', 1, { state: 'EXPIRED', closedAt: at(2), erased: true }),
        invited('pending', 1),
        invited('accepted', 1, { state: 'ACCEPTED', acceptedAt: at(2), closedAt: null }),
      );

      expect(sorted(await readModels.invitees.dueForRetention(at(4)))).toEqual([
        { inviteeId: 'declined', organisationId: ORG },
        { inviteeId: 'revoked', organisationId: ORG },
      ]);
    });
  });
});
