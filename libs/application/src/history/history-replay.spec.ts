import { InMemoryEventStore } from '@invitations/event-store/testing';
import {
  BATCH,
  FIRST_TOKEN_HASH,
  INVITEE_ID,
  invitationAccepted,
  invitationSent,
  inviteeStaged,
  tokenIssued,
} from '@invitations/domain/testing';
import type { Event } from '@invitations/kernel';
import { NotInLogError, replayBatch, replayInvitee } from './history-replay';
import { record } from '../testing/recorded-log';

const SECOND = 'invitee-0002';
const ELSEWHERE = 'invitee-0003';

describe('replay', () => {
  let store: InMemoryEventStore;
  /** Records in the batch's organisation, by alice unless another actor is named (null: the system). */
  const recordIn = (streamId: string, event: Event, at: string, actor: string | null = 'alice') =>
    record(store, streamId, event, at, BATCH.organisationId, actor);

  beforeEach(async () => {
    store = new InMemoryEventStore();
    const created = {
      batchId: BATCH.batchId,
      poolId: BATCH.poolId,
      organisationId: BATCH.organisationId,
      name: 'March',
      createdAt: '2025-03-01T08:00:00.000Z',
    };
    await recordIn(
      `batch-${BATCH.batchId}`,
      { type: 'BatchCreated', data: created },
      '2025-03-01T08:00:00.000Z',
    );
    await recordIn(`invitee-${INVITEE_ID}`, inviteeStaged(), '2025-03-01T09:00:00.000Z');
    await recordIn(
      `invitee-${ELSEWHERE}`,
      inviteeStaged({ inviteeId: ELSEWHERE, batchId: 'batch-other' }),
      '2025-03-01T09:30:00.000Z',
    );
    await recordIn(`invitee-${INVITEE_ID}`, invitationSent(), '2025-03-02T09:00:00.000Z');
    await recordIn(`invitee-${INVITEE_ID}`, tokenIssued(), '2025-03-02T09:00:01.000Z', null);
    await recordIn(`invitee-${SECOND}`, inviteeStaged({ inviteeId: SECOND }), '2025-03-03T09:00:00.000Z');
    await recordIn(`invitee-${INVITEE_ID}`, invitationAccepted(), '2025-03-10T12:00:00.000Z', null);
  });

  describe('of an invitee', () => {
    it('lists every recorded change and the state now', async () => {
      const replay = await replayInvitee(store, INVITEE_ID, null);

      expect(replay.events.map((event) => [event.position, event.type])).toEqual([
        ['1', 'InviteeStaged'],
        ['3', 'InvitationSent'],
        ['4', 'InvitationTokenIssued'],
        ['6', 'InvitationAccepted'],
      ]);
      expect(replay.state).toMatchObject({
        id: INVITEE_ID,
        state: 'ACCEPTED',
        acceptedAt: invitationAccepted().data.acceptedAt,
      });
      expect(replay.organisationId).toBe(BATCH.organisationId);
      expect(JSON.stringify(replay)).not.toContain(FIRST_TOKEN_HASH);
    });

    it('gives the state as it stood at an instant, from the events recorded by then', async () => {
      const replay = await replayInvitee(store, INVITEE_ID, new Date('2025-03-05T00:00:00.000Z'));

      expect(replay.asOf).toBe('2025-03-05T00:00:00.000Z');
      expect(replay.events.map((event) => event.type)).toEqual([
        'InviteeStaged',
        'InvitationSent',
        'InvitationTokenIssued',
      ]);
      expect(replay.state).toMatchObject({
        state: 'INVITED',
        invitedAt: invitationSent().data.sentAt,
        expiresAt: invitationSent().data.expiresAt,
        acceptedAt: null,
        email: inviteeStaged().data.person.email,
      });
    });

    it('has no state before the invitee was staged; an event at the instant itself counts', async () => {
      expect((await replayInvitee(store, INVITEE_ID, new Date('2025-03-01T08:59:59.999Z'))).state).toBeNull();
      expect(
        (await replayInvitee(store, INVITEE_ID, new Date('2025-03-01T09:00:00.000Z'))).state,
      ).toMatchObject({ state: 'UPLOADED' });
    });

    it('fails for an invitee the log does not know', async () => {
      await expect(replayInvitee(store, 'nobody', null)).rejects.toBeInstanceOf(NotInLogError);
    });
  });

  describe('of a batch', () => {
    it("lists the batch's events and all its invitees', in log order, and no one else's", async () => {
      const replay = await replayBatch(store, BATCH.batchId, null, 2);

      expect(replay.events.map((event) => [event.position, event.stream, event.type])).toEqual([
        ['0', `batch-${BATCH.batchId}`, 'BatchCreated'],
        ['1', `invitee-${INVITEE_ID}`, 'InviteeStaged'],
        ['3', `invitee-${INVITEE_ID}`, 'InvitationSent'],
        ['4', `invitee-${INVITEE_ID}`, 'InvitationTokenIssued'],
        ['5', `invitee-${SECOND}`, 'InviteeStaged'],
        ['6', `invitee-${INVITEE_ID}`, 'InvitationAccepted'],
      ]);
      expect(replay).toMatchObject({
        name: 'March',
        poolId: BATCH.poolId,
        organisationId: BATCH.organisationId,
      });
      expect(replay.invitees.map((invitee) => [invitee.id, invitee.state])).toEqual([
        [INVITEE_ID, 'ACCEPTED'],
        [SECOND, 'UPLOADED'],
      ]);
    });

    it('gives each invitee as it stood at an instant, leaving out those staged later', async () => {
      const replay = await replayBatch(store, BATCH.batchId, new Date('2025-03-02T12:00:00.000Z'));

      expect(replay.events.map((event) => event.type)).toEqual([
        'BatchCreated',
        'InviteeStaged',
        'InvitationSent',
        'InvitationTokenIssued',
      ]);
      expect(replay.invitees.map((invitee) => [invitee.id, invitee.state])).toEqual([
        [INVITEE_ID, 'INVITED'],
      ]);
    });

    it('fails for a batch the log does not know', async () => {
      await expect(replayBatch(store, 'batch-nowhere', null)).rejects.toThrow(
        'no batch batch-nowhere in the log',
      );
    });
  });
});
