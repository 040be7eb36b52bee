import { InMemoryReadModels } from './in-memory-read-models';
import { memberId } from './pools/pools.projection';
import { applyEvents } from './testing/apply-events';
import {
  BATCH,
  BOB,
  ended,
  FIRST_BATCH,
  invitationStory,
  ORG,
  OTHER_POOL,
  POOL,
  sent,
  staged,
  storyInstant as at,
} from './testing/invitation-story';

/**
 * The read models after the events of the lifecycle past "sent", appended to the projections' story: what each new
 * event changes in the tabs, the counts, the reminders due, the members, and the pools' and batches' names.
 */
describe('read model projections, the lifecycle past "sent"', () => {
  let readModels: InMemoryReadModels;

  beforeEach(async () => {
    readModels = new InMemoryReadModels();
    const story = invitationStory();
    for (const id of ['eve', 'fay', 'gus', 'hal']) {
      const person = {
        ...BOB,
        email: `${id}@example.org`,
        dateOfBirth: '1990-01-01',
        firstName: id,
        lastName: 'Lane',
      };
      staged(story, id, FIRST_BATCH, person, { stagedAt: at(9) });
      sent(story, id, `invitation-${id}`, 10, { remindAt: at(21) });
    }
    ended(story, 'eve', 'invitation-eve', 'InvitationDeclined', at(11));
    ended(story, 'fay', 'invitation-fay', 'InvitationExpired', at(24));
    story.record('invitee-fay', ORG, 'InvitationExtended', {
      inviteeId: 'fay',
      invitationId: 'invitation-fay',
      previousExpiresAt: at(24),
      expiresAt: at(27),
      remindAt: null,
      extendedAt: at(25),
      reinstated: true,
    });
    story.record('invitee-gus', ORG, 'InviteeReminded', {
      inviteeId: 'gus',
      invitationId: 'invitation-gus',
      remindedAt: at(21),
      automatic: true,
      message: null,
    });
    story.record('invitee-hal', ORG, 'InviteeReclassified', {
      inviteeId: 'hal',
      uploadStatus: 'INVALID',
      discrepancies: ['DATE_OF_BIRTH'],
      passportId: 'passport-of-someone',
    });
    story.record('invitee-zoe', ORG, 'MemberRemoved', {
      inviteeId: 'zoe',
      batchId: BATCH,
      poolId: POOL,
      passportId: 'passport-zoe',
      removedAt: at(12),
    });
    story.record(`pool-${POOL}`, ORG, 'ResourcePoolRenamed', {
      poolId: POOL,
      name: 'Nurses (North)',
      renamedAt: at(12),
    });
    story.record(`batch-${BATCH}`, ORG, 'BatchUpdated', {
      batchId: BATCH,
      name: 'March intake (late)',
      invitationTtlDays: 30,
      reminderDaysBeforeExpiry: 0,
      updatedAt: at(12),
    });
    await applyEvents(readModels, story.events);
  });

  const invitee = (id: string) => readModels.invitees.byId(ORG, id);

  it('shows a declined person under Declined, counted, with when they declined', async () => {
    expect(await invitee('eve')).toMatchObject({ state: 'DECLINED', declinedAt: at(11) });
    const counts = await readModels.invitees.countsOfBatch(ORG, BATCH);
    expect(counts.states).toMatchObject({ DECLINED: 1, EXPIRED: 1, REVOKED: 1, INVITED: 3 });
  });

  it('brings an extended invitation back to Invited with its new expiry', async () => {
    expect(await invitee('fay')).toMatchObject({ state: 'INVITED', expiresAt: at(27), remindAt: null });
    const due = (await readModels.invitees.dueToExpire(at(26))).map((d) => d.inviteeId);
    expect(due.sort()).toEqual(['gus', 'hal']);
    expect((await readModels.invitees.dueToExpire(at(27))).map((d) => d.inviteeId)).toContain('fay');
  });

  it('records the reminder and schedules those still due', async () => {
    expect(await invitee('gus')).toMatchObject({ remindAt: at(21), remindedAt: at(21) });
    expect(await readModels.invitees.dueForReminder(at(22))).toEqual([
      { inviteeId: 'hal', organisationId: ORG },
    ]);
  });

  it('shows a person found INVALID with the fields named', async () => {
    expect(await invitee('hal')).toMatchObject({
      state: 'INVITED',
      uploadStatus: 'INVALID',
      discrepancies: ['DATE_OF_BIRTH'],
      passportId: 'passport-of-someone',
    });
  });

  it('takes a removed member out of the pool, its members and its batch; their other pool keeps them', async () => {
    expect(await invitee('zoe')).toBeNull();
    expect(await readModels.pools.memberCount(ORG, POOL)).toBe(0);
    expect(await readModels.pools.member(ORG, POOL, memberId(POOL, 'passport-zoe'))).toBeNull();
    expect(await readModels.pools.memberCount(ORG, OTHER_POOL)).toBe(1);
    const members = await readModels.invitees.membersPage({
      organisationId: ORG,
      poolId: OTHER_POOL,
      first: 10,
    });
    expect(members.nodes.map((doc) => doc._id)).toEqual(['zoe-again']);
  });

  it('renames the pool and the batch, keeping the batch’s own terms', async () => {
    expect((await readModels.pools.byId(ORG, POOL))?.name).toBe('Nurses (North)');
    expect(await readModels.batches.byId(ORG, BATCH)).toMatchObject({
      name: 'March intake (late)',
      invitationTtlDays: 30,
      reminderDaysBeforeExpiry: 0,
    });
  });
});
