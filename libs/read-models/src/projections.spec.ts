import type { RecordedEvent } from '@invitations/event-store';
import { InMemoryReadModels } from './in-memory-read-models';
import { positionKey } from './projection/projection';
import { applyEvents, snapshotReadModels } from './testing/apply-events';
import {
  BATCH,
  OTHER_BATCH,
  OTHER_POOL,
  ORG,
  POOL,
  invitationStory,
  storyInstant as at,
  ZOE,
} from './testing/invitation-story';
import { NOT_YET_INVITED } from './testing/not-yet-invited';

const story = invitationStory().events;
/** Zoë's details as her passport keeps them: all but her job role. */
const { jobRole: _jobRole, ...ZOE_ON_HER_PASSPORT } = ZOE;

/** The story up to and including the event that matches. */
function storyUntil(matches: (event: RecordedEvent) => boolean): RecordedEvent[] {
  const index = story.findIndex(matches);
  if (index < 0) throw new Error('no such event in the story');
  return story.slice(0, index + 1);
}
const lastOf = (type: string, inviteeId: string) => (event: RecordedEvent) =>
  event.type === type && (event.data as { inviteeId?: string }).inviteeId === inviteeId;
const positionOf = (type: string, inviteeId: string) =>
  positionKey(story.find(lastOf(type, inviteeId))!.position);

describe('read model projections', () => {
  let readModels: InMemoryReadModels;

  beforeEach(() => (readModels = new InMemoryReadModels()));

  const apply = (events: readonly RecordedEvent[]) => applyEvents(readModels.storage, events);
  const invitee = (id: string) => readModels.invitees.byId(ORG, id);

  describe('invitees', () => {
    it('puts a staged person in the Uploaded tab, searchable and sorted by when they were staged', async () => {
      await apply(storyUntil(lastOf('InviteeStaged', 'zoe')));

      expect(await invitee('zoe')).toEqual({
        _id: 'zoe',
        organisationId: ORG,
        batchId: BATCH,
        poolId: POOL,
        ...ZOE,
        uploadStatus: 'NEW',
        discrepancies: [],
        passportId: null,
        ...NOT_YET_INVITED,
        stagedAt: at(2),
        uploadId: null,
        deliveries: [],
        deliveryStatus: null,
        search: 'zoe marie louise angstrom zo zoe.angstrom@example.org +61412345678',
        sortKey: `${at(2)} zoe`,
        _pos: positionOf('InviteeStaged', 'zoe'),
      });
      const tab = { organisationId: ORG, batchId: BATCH, states: ['UPLOADED' as const], first: 10 };
      const page = await readModels.invitees.tabPage({ ...tab, search: 'ÅNGSTRÖM' });
      expect(page.nodes.map((node) => node._id)).toEqual(['zoe']);
    });

    it('replaces the details and the upload status of a corrected person', async () => {
      await apply(storyUntil(lastOf('InviteeCorrected', 'cat')));

      expect(await invitee('cat')).toMatchObject({
        firstName: 'Cat',
        uploadStatus: 'EXISTING',
        discrepancies: [],
        passportId: 'passport-cat',
        search: 'cat stone cat@example.org +61400000003',
        state: 'UPLOADED',
        _pos: positionOf('InviteeCorrected', 'cat'),
      });
    });

    it.each([
      {
        what: 'moves an invited person to the Invited tab, sorted by when they were invited',
        until: 'InvitationSent',
        id: 'bob',
        expected: {
          state: 'INVITED',
          invitationId: 'invitation-bob-1',
          invitedAt: at(3),
          expiresAt: at(17),
          sortKey: `${at(3)} bob`,
          uploadId: 'upload-1',
        },
      },
      {
        what: 'keeps when a person was first invited, and their place, when the invitation is resent',
        until: 'InvitationResent',
        id: 'zoe',
        expected: {
          state: 'INVITED',
          invitationId: 'invitation-zoe-2',
          invitedAt: at(3),
          expiresAt: at(19),
          sortKey: `${at(3)} zoe`,
        },
      },
    ])('$what', async ({ until, id, expected }) => {
      await apply(storyUntil(lastOf(until, id)));

      expect(await invitee(id)).toMatchObject(expected);
    });

    it('moves an accepted person to the Accepted tab with their passport', async () => {
      await apply(story);

      expect(await invitee('zoe')).toMatchObject({
        state: 'ACCEPTED',
        passportId: 'passport-zoe',
        invitationId: 'invitation-zoe-2',
        invitedAt: at(3),
        acceptedAt: at(7),
        autoAccepted: false,
        sortKey: `${at(7)} zoe`,
      });
    });

    it('counts a person accepted automatically as invited when accepted', async () => {
      await apply(story);

      expect(await invitee('zoe-again')).toMatchObject({
        batchId: OTHER_BATCH,
        state: 'ACCEPTED',
        uploadStatus: 'EXISTING',
        invitationId: null,
        invitedAt: at(8),
        acceptedAt: at(8),
        autoAccepted: true,
      });
    });

    it('takes revoked and expired invitations out of the tabs', async () => {
      await apply(story);

      expect(await invitee('bob')).toMatchObject({ state: 'REVOKED' });
      expect(await invitee('cat')).toMatchObject({ state: 'EXPIRED' });
      const counts = await readModels.invitees.countsOfBatch(ORG, BATCH);
      expect(counts.states).toMatchObject({ UPLOADED: 0, INVITED: 0, ACCEPTED: 1, REVOKED: 1, EXPIRED: 1 });
    });

    it('forgets a removed person', async () => {
      await apply(story);

      expect(await invitee('dan')).toBeNull();
      const counts = await readModels.invitees.countsOfBatch(ORG, BATCH);
      expect(Object.values(counts.states).reduce((sum, count) => sum + count, 0)).toBe(3);
    });

    it('counts a batch by state and upload status as the documents change', async () => {
      await apply(storyUntil(lastOf('InviteeRemoved', 'dan')));
      const uploaded = (uploadStatus: 'EXISTING' | 'INVALID') =>
        readModels.invitees.tabPage({
          organisationId: ORG,
          batchId: BATCH,
          states: ['UPLOADED'],
          first: 0,
          uploadStatus,
        });

      expect(await readModels.invitees.countsOfBatch(ORG, BATCH)).toEqual({
        states: { UPLOADED: 3, INVITED: 0, ACCEPTED: 0, REVOKED: 0, EXPIRED: 0, DECLINED: 0 },
        invalid: 0,
        undeliverable: 0,
      });
      expect((await uploaded('INVALID')).totalCount).toBe(0);
      expect((await uploaded('EXISTING')).totalCount).toBe(2);
    });
  });

  describe('the delivery of messages', () => {
    const undeliverable = () =>
      readModels.invitees.tabPage({
        organisationId: ORG,
        batchId: BATCH,
        states: ['INVITED'],
        first: 10,
        deliveryStatuses: ['BOUNCED', 'FAILED', 'COMPLAINED'],
      });

    it('lists every message of an invitee, newest first, with what its provider last reported', async () => {
      await apply(storyUntil(lastOf('MessageDelivered', 'zoe')));

      expect(await invitee('zoe')).toMatchObject({
        deliveries: [
          {
            messageId: 'zoe-1-sms',
            invitationId: 'invitation-zoe-1',
            channel: 'SMS',
            kind: 'INVITATION',
            status: 'FAILED',
            at: at(3, 11),
            reason: 'Twilio error 30003: unreachable destination handset',
          },
          {
            messageId: 'zoe-1-email',
            invitationId: 'invitation-zoe-1',
            channel: 'EMAIL',
            kind: 'INVITATION',
            status: 'DELIVERED',
            at: at(3, 12),
            reason: null,
          },
        ],
        deliveryStatus: 'DELIVERED',
        _pos: positionOf('MessageDelivered', 'zoe'),
      });
    });

    it('counts the invited whose every message failed as undeliverable, and finds them by delivery status', async () => {
      await apply(storyUntil(lastOf('MessageBounced', 'bob')));
      expect(await invitee('bob')).toMatchObject({ deliveryStatus: 'BOUNCED' });
      expect(await invitee('cat')).toMatchObject({ deliveryStatus: 'QUEUED' });
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(1);
      expect((await undeliverable()).nodes.map((node) => node._id)).toEqual(['bob']);

      await apply(
        story.slice(
          storyUntil(lastOf('MessageBounced', 'bob')).length,
          story.findIndex(lastOf('MessageComplained', 'cat')) + 1,
        ),
      );
      expect(await invitee('cat')).toMatchObject({ deliveryStatus: 'COMPLAINED' });
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(2);
      expect(await undeliverable()).toMatchObject({ totalCount: 2, nodes: [{ _id: 'bob' }, { _id: 'cat' }] });
      const delivered = await readModels.invitees.tabPage({
        organisationId: ORG,
        batchId: BATCH,
        states: ['INVITED'],
        first: 10,
        deliveryStatuses: ['DELIVERED'],
      });
      expect(delivered.nodes.map((node) => node._id)).toEqual(['zoe']);
    });

    it('starts a resent invitation afresh: no status until its messages are queued, the old ones still listed', async () => {
      await apply(storyUntil(lastOf('InvitationResent', 'zoe')));
      expect(await invitee('zoe')).toMatchObject({ deliveryStatus: null });
      expect((await invitee('zoe'))?.deliveries).toHaveLength(2);

      await apply(storyUntil((event) => (event.data as { messageId?: string }).messageId === 'zoe-2-email'));
      const zoe = await invitee('zoe');
      expect(zoe).toMatchObject({ deliveryStatus: 'QUEUED' });
      expect(zoe?.deliveries?.map((delivery) => [delivery.messageId, delivery.status])).toEqual([
        ['zoe-2-email', 'QUEUED'],
        ['zoe-1-sms', 'FAILED'],
        ['zoe-1-email', 'DELIVERED'],
      ]);
    });

    it('counts only invited people as undeliverable: revoked and expired ones keep their status', async () => {
      await apply(story);

      expect(await invitee('bob')).toMatchObject({ state: 'REVOKED', deliveryStatus: 'BOUNCED' });
      expect(await invitee('cat')).toMatchObject({ state: 'EXPIRED', deliveryStatus: 'COMPLAINED' });
      expect((await readModels.invitees.countsOfBatch(ORG, BATCH)).undeliverable).toBe(0);
      expect((await undeliverable()).totalCount).toBe(0);
    });
  });

  describe('pools, batches, members and passports', () => {
    beforeEach(() => apply(story));

    it('lists the pools of an organisation', async () => {
      expect(await readModels.pools.ofOrganisation(ORG)).toEqual([
        {
          _id: POOL,
          organisationId: ORG,
          name: 'Nurses',
          createdAt: at(1),
          _pos: positionKey(story[2].position),
        },
        {
          _id: OTHER_POOL,
          organisationId: ORG,
          name: 'Carers',
          createdAt: at(1, 10),
          _pos: positionKey(story[3].position),
        },
      ]);
    });

    it('lists the batches of a pool', async () => {
      expect(await readModels.batches.ofPool(ORG, POOL)).toEqual([
        {
          _id: BATCH,
          organisationId: ORG,
          poolId: POOL,
          name: 'March intake',
          createdAt: at(1, 11),
          invitationTtlDays: null,
          reminderDaysBeforeExpiry: null,
          _pos: positionKey(story[4].position),
        },
      ]);
    });

    it('makes a member of each pool a person accepted into, by hand or automatically', async () => {
      const members = await readModels.storage.documents('members').all();

      expect(members).toEqual([
        {
          _id: `${POOL}:passport-zoe`,
          organisationId: ORG,
          poolId: POOL,
          passportId: 'passport-zoe',
          inviteeId: 'zoe',
          joinedAt: at(7),
          _pos: positionOf('InvitationAccepted', 'zoe'),
        },
        {
          _id: `${OTHER_POOL}:passport-zoe`,
          organisationId: ORG,
          poolId: OTHER_POOL,
          passportId: 'passport-zoe',
          inviteeId: 'zoe-again',
          joinedAt: at(8),
          _pos: positionOf('InvitationAccepted', 'zoe-again'),
        },
      ]);
      expect(await readModels.pools.memberCount(ORG, POOL)).toBe(1);
      expect(await readModels.pools.isMemberOfAnotherPool(ORG, 'passport-zoe', POOL)).toBe(true);
    });

    it('keeps each passport with its possible-duplicate key', async () => {
      const created = story.find((event) => event.streamId === 'passport-zoe')!;

      expect(await readModels.passports.byEmail('zoe.angstrom@example.org')).toEqual({
        _id: 'passport-zoe',
        ...ZOE_ON_HER_PASSPORT,
        nameKey: 'zoe|angstrom|1990-12-10',
        createdAt: created.metadata.timestamp,
        _pos: positionKey(created.position),
      });
    });
  });

  describe('idempotency (delivery is at-least-once)', () => {
    let once: Awaited<ReturnType<typeof snapshotReadModels>>;

    beforeAll(async () => {
      const reference = new InMemoryReadModels();
      await applyEvents(reference.storage, story);
      once = await snapshotReadModels(reference.storage);
    });

    it('changes nothing when every event is delivered twice in a row', async () => {
      await apply(story.flatMap((event) => [event, event]));

      expect(await snapshotReadModels(readModels.storage)).toEqual(once);
    });

    it('converges when the log is delivered again from any earlier position, as a resubscription does', async () => {
      for (let from = 0; from < story.length; from += 1) {
        const replayed = new InMemoryReadModels();
        await applyEvents(replayed.storage, [...story, ...story.slice(from)]);
        expect({ from, snapshot: await snapshotReadModels(replayed.storage) }).toEqual({
          from,
          snapshot: once,
        });
      }
    });

    it('changes nothing when an older event is delivered again after newer ones', async () => {
      // Every prefix of the story, then each of its events again. A deleted document is the one thing
      // a lone stale delivery of its creation could bring back; no runner delivers that way (it
      // redelivers whole suffixes of the log, in order), so those pairs are left out.
      for (let upTo = 1; upTo <= story.length; upTo += 1) {
        const prefix = story.slice(0, upTo);
        const reference = new InMemoryReadModels();
        await applyEvents(reference.storage, prefix);
        const expected = await snapshotReadModels(reference.storage);
        for (const [index, older] of prefix.entries()) {
          if (createsALaterDeletedDocument(prefix, index)) continue;
          await applyEvents(reference.storage, [older]);
          expect({ upTo, index, snapshot: await snapshotReadModels(reference.storage) }).toEqual({
            upTo,
            index,
            snapshot: expected,
          });
        }
      }
    });
  });
});

function createsALaterDeletedDocument(events: readonly RecordedEvent[], index: number): boolean {
  const event = events[index];
  if (event.type !== 'InviteeStaged') return false;
  return events
    .slice(index + 1)
    .some((later) => later.type === 'InviteeRemoved' && later.streamId === event.streamId);
}
