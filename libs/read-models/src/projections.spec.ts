import type { RecordedEvent } from '@invitations/event-store';
import type { ReadStore } from '@invitations/read-store';
import { ensureReadModelIndexes } from '@invitations/runtime';
import { positionKey } from './projection';
import {
  BATCH,
  OTHER_BATCH,
  OTHER_POOL,
  ORG,
  POOL,
  invitationStory,
  storyInstant as at,
} from './testing/invitation-story';
import { openReadStore } from '@invitations/runtime/testing';
import { applyEvents, snapshotReadModels } from '@invitations/runtime/testing';

const story = invitationStory().events;

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
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = openReadStore();
    await ensureReadModelIndexes(readStore);
  });
  afterEach(() => readStore.close());

  const invitee = (id: string) => readStore.collection('invitees').findOne({ _id: id });

  describe('invitees', () => {
    it('puts a staged person in the Uploaded tab, searchable and sorted by when they were staged', async () => {
      await applyEvents(readStore, storyUntil(lastOf('InviteeStaged', 'zoe')));

      expect(await invitee('zoe')).toEqual({
        _id: 'zoe',
        organisationId: ORG,
        batchId: BATCH,
        poolId: POOL,
        email: 'zoe.angstrom@example.org',
        mobile: '+61412345678',
        dateOfBirth: '1990-12-10',
        firstName: 'Zoë',
        middleNames: 'Marie  Louise',
        lastName: 'Ångström',
        preferredName: 'Zo',
        jobRole: 'Nurse',
        uploadStatus: 'NEW',
        discrepancies: [],
        passportId: null,
        state: 'UPLOADED',
        stagedAt: at(2),
        invitedAt: null,
        expiresAt: null,
        acceptedAt: null,
        autoAccepted: false,
        invitationId: null,
        uploadId: null,
        search: 'zoe marie louise angstrom zo zoe.angstrom@example.org +61412345678',
        sortKey: `${at(2)} zoe`,
        _pos: positionOf('InviteeStaged', 'zoe'),
      });
    });

    it('replaces the details and the upload status of a corrected person', async () => {
      await applyEvents(readStore, storyUntil(lastOf('InviteeCorrected', 'cat')));

      expect(await invitee('cat')).toMatchObject({
        firstName: 'Cat',
        uploadStatus: 'EXISTING',
        discrepancies: [],
        passportId: 'passport-cat',
        search: 'cat stone cat@example.org +61400000003',
        state: 'UPLOADED',
      });
    });

    it('moves an invited person to the Invited tab, sorted by when they were invited', async () => {
      await applyEvents(readStore, storyUntil(lastOf('InvitationSent', 'bob')));

      expect(await invitee('bob')).toMatchObject({
        state: 'INVITED',
        invitationId: 'invitation-bob-1',
        invitedAt: at(3),
        expiresAt: at(17),
        sortKey: `${at(3)} bob`,
        uploadId: 'upload-1',
      });
    });

    it('keeps when a person was first invited, and their place, when the invitation is resent', async () => {
      await applyEvents(readStore, storyUntil(lastOf('InvitationResent', 'zoe')));

      expect(await invitee('zoe')).toMatchObject({
        state: 'INVITED',
        invitationId: 'invitation-zoe-2',
        invitedAt: at(3),
        expiresAt: at(19),
        sortKey: `${at(3)} zoe`,
      });
    });

    it('moves an accepted person to the Accepted tab with their passport', async () => {
      await applyEvents(readStore, story);

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
      await applyEvents(readStore, story);

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
      await applyEvents(readStore, story);

      expect(await invitee('bob')).toMatchObject({ state: 'REVOKED' });
      expect(await invitee('cat')).toMatchObject({ state: 'EXPIRED' });
    });

    it('forgets a removed person', async () => {
      await applyEvents(readStore, story);

      expect(await invitee('dan')).toBeNull();
      expect(await readStore.collection('invitees').countDocuments({ batchId: BATCH })).toBe(3);
    });

    it('gives the counts of a batch by counting documents', async () => {
      await applyEvents(readStore, storyUntil(lastOf('InviteeRemoved', 'dan')));
      const count = (filter: object) =>
        readStore.collection('invitees').countDocuments({ batchId: BATCH, ...filter });

      expect(await count({ state: 'UPLOADED' })).toBe(3);
      expect(await count({ state: 'UPLOADED', uploadStatus: 'INVALID' })).toBe(0);
      expect(await count({ state: 'UPLOADED', uploadStatus: 'EXISTING' })).toBe(2);
    });
  });

  describe('pools, batches, members and passports', () => {
    beforeEach(() => applyEvents(readStore, story));

    it('lists the pools of an organisation', async () => {
      expect(await readStore.collection('pools').find({ organisationId: ORG }, { sort: { _id: 1 } })).toEqual(
        [
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
        ],
      );
    });

    it('lists the batches of a pool', async () => {
      expect(await readStore.collection('batches').find({ organisationId: ORG, poolId: POOL })).toEqual([
        {
          _id: BATCH,
          organisationId: ORG,
          poolId: POOL,
          name: 'March intake',
          createdAt: at(1, 11),
          _pos: positionKey(story[4].position),
        },
      ]);
    });

    it('makes a member of each pool a person accepted into, by hand or automatically', async () => {
      const members = await readStore
        .collection('members')
        .find({ passportId: 'passport-zoe' }, { sort: { _id: 1 } });

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
    });

    it('keeps each passport with a name key for possible-duplicate lookups', async () => {
      const created = story.find((event) => event.streamId === 'passport-zoe')!;

      expect(await readStore.collection('passports').findOne({ email: 'zoe.angstrom@example.org' })).toEqual({
        _id: 'passport-zoe',
        email: 'zoe.angstrom@example.org',
        mobile: '+61412345678',
        dateOfBirth: '1990-12-10',
        firstName: 'Zoë',
        middleNames: 'Marie  Louise',
        lastName: 'Ångström',
        preferredName: 'Zo',
        nameKey: 'zoe|angstrom|1990-12-10',
        createdAt: created.metadata.timestamp,
        _pos: positionKey(created.position),
      });
    });
  });

  describe('idempotency (delivery is at-least-once)', () => {
    let once: Awaited<ReturnType<typeof snapshotReadModels>>;

    beforeAll(async () => {
      const reference = openReadStore();
      await applyEvents(reference, story);
      once = await snapshotReadModels(reference);
      await reference.close();
    });

    it('changes nothing when every event is delivered twice in a row', async () => {
      await applyEvents(
        readStore,
        story.flatMap((event) => [event, event]),
      );

      expect(await snapshotReadModels(readStore)).toEqual(once);
    });

    it('converges when the log is delivered again from any earlier position, as a resubscription does', async () => {
      for (let from = 0; from < story.length; from += 1) {
        const replayed = openReadStore();
        await applyEvents(replayed, [...story, ...story.slice(from)]);
        expect({ from, snapshot: await snapshotReadModels(replayed) }).toEqual({ from, snapshot: once });
        await replayed.close();
      }
    });

    it('changes nothing when an older event is delivered again after newer ones', async () => {
      // Every prefix of the story, then each of its events again. A deleted document is the one thing
      // a lone stale delivery of its creation could bring back; no runner delivers that way (it
      // redelivers whole suffixes of the log, in order), so those pairs are left out.
      for (let upTo = 1; upTo <= story.length; upTo += 1) {
        const prefix = story.slice(0, upTo);
        const reference = openReadStore();
        await applyEvents(reference, prefix);
        const expected = await snapshotReadModels(reference);
        for (const [index, older] of prefix.entries()) {
          if (createsALaterDeletedDocument(prefix, index)) continue;
          await applyEvents(reference, [older]);
          expect({ upTo, index, snapshot: await snapshotReadModels(reference) }).toEqual({
            upTo,
            index,
            snapshot: expected,
          });
        }
        await reference.close();
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
