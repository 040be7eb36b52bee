import {
  allProjections,
  INVITEE_STATES,
  positionKey,
  type DocumentStore,
  type InviteeDoc,
  type ProjectionName,
} from '@invitations/read-models';
import { CapturingLogger, eventually } from '@invitations/kernel/testing';
import {
  appendGeneratedLog,
  appendPools,
  generateInvitationLog,
  snapshotReadModels,
} from '@invitations/read-models/testing';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { InMemoryReadModelStores, type ReadModelStores } from '../read-model-stores';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections, type RebuildProgress } from './rebuild';

// With the lifecycle past "sent", messages and their receipts: a rebuild must give every invitee the same
// deliveries and delivery status, reminders and declines.
const LOG = {
  organisations: 2,
  poolsPerOrganisation: 3,
  batchesPerPool: 3,
  inviteesPerBatch: 40,
  deliveries: true,
  lifecycle: true,
};
const NAMES = ['invitees', 'batches', 'pools', 'members', 'passports', 'uploads', 'audit'] as const;

const snapshot = (stores: ReadModelStores) => snapshotReadModels(stores.storage, allProjections);

/** The versions a rebuild kept, as a snapshot. */
async function previousVersions(stores: ReadModelStores) {
  const kept = new Map<ProjectionName, DocumentStore>();
  for (const name of NAMES) {
    const previous = await stores.storage.previous(name);
    if (previous) kept.set(name, previous);
  }
  return snapshotReadModels({ documents: (name) => kept.get(name)! }, allProjections);
}

/**
 * What the invitees read model answers of every batch and pool the documents name (each tab's first page, counts,
 * seats, deliveries, members) and of the sweeps: its query structures, beside its documents.
 */
async function inviteeAnswers(stores: InMemoryReadModelStores) {
  const { invitees } = stores.readModels;
  const documents = (await stores.storage.documents('invitees').all()) as InviteeDoc[];
  const batches = new Map(documents.map((doc) => [doc.batchId, doc]));
  const answers: unknown[] = [];
  for (const { organisationId, batchId, poolId } of batches.values()) {
    answers.push(await invitees.countsOfBatch(organisationId, batchId));
    for (const state of INVITEE_STATES) {
      answers.push(await invitees.tabPage({ organisationId, batchId, states: [state], first: 20 }));
      answers.push(
        await invitees.tabPage({
          organisationId,
          batchId,
          states: [state],
          deliveryStatuses: ['SENT'],
          first: 20,
        }),
      );
    }
    answers.push(await invitees.membersPage({ organisationId, poolId, first: 20 }));
    const ofBatch = documents.filter((doc) => doc.batchId === batchId);
    const seats = await invitees.seatsTaken(
      poolId,
      ofBatch.map((doc) => doc.email),
      ofBatch.flatMap((doc) => (doc.mobile ? [doc.mobile] : [])),
    );
    answers.push({ emails: seats.emails.size, mobiles: seats.mobiles.size });
  }
  answers.push(await invitees.dueToExpire('2100-01-01T00:00:00.000Z'));
  answers.push(await invitees.dueForReminder('2100-01-01T00:00:00.000Z'));
  return answers;
}

describe('rebuildProjections', () => {
  let store: InMemoryEventStore;
  let stores: InMemoryReadModelStores;
  let runner: ProjectionRunner;

  /** Builds the read models incrementally, as the service does, and stops. */
  async function buildIncrementally(): Promise<void> {
    runner = new ProjectionRunner(store, stores, { logger: new CapturingLogger(), batchSize: 250 });
    await runner.start();
    await eventually(() => runner.caughtUp);
  }

  beforeEach(async () => {
    store = new InMemoryEventStore();
    stores = new InMemoryReadModelStores();
    await appendGeneratedLog(store, generateInvitationLog(LOG));
  });
  afterEach(async () => {
    await runner?.stop();
    await stores.close();
  });

  it('rebuilds from a log with every event of the lifecycle past "sent"', async () => {
    const types = new Set<string>();
    for await (const event of store.readAll()) types.add(event.type);
    for (const type of [
      'InvitationDeclined',
      'InvitationExtended',
      'InviteeReminded',
      'InviteeReclassified',
      'MemberRemoved',
      'ResourcePoolRenamed',
      'BatchUpdated',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('builds read models equal, document for document, to the ones built incrementally', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshot(stores);
    const head = await store.headPosition();
    const progress: RebuildProgress[] = [];

    const result = await rebuildProjections(store, stores, undefined, {
      batchSize: 500,
      onProgress: (report) => progress.push(report),
    });

    expect(await snapshot(stores)).toEqual(incremental);
    // The log's messages reached the invitees: their deliveries and delivery status are part of what is equal.
    const invitees = (await stores.storage.documents('invitees').all()) as InviteeDoc[];
    const statuses = new Set(invitees.map((invitee) => invitee.deliveryStatus));
    expect([...statuses].sort()).toEqual([
      'BOUNCED',
      'COMPLAINED',
      'DELIVERED',
      'FAILED',
      'QUEUED',
      'SENT',
      null,
    ]);
    expect(result).toMatchObject({ events: Number(head + 1n), position: head, projections: [...NAMES] });
    expect(progress.at(-1)).toEqual({ phase: 'done', events: Number(head + 1n), position: head, head });
    const replayed = progress.filter(({ phase }) => phase === 'replaying').map(({ events }) => events);
    expect(replayed.length).toBeGreaterThan(2);
    expect(replayed).toEqual([...replayed].sort((a, b) => a - b));
    expect([...(await stores.checkpoints.load([...NAMES])).values()]).toEqual(NAMES.map(() => head));
  });

  it("answers the rebuilt invitees' queries (tabs, counts, seats, sweeps) as the ones built incrementally", async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await inviteeAnswers(stores);
    // Answers with something in them: pages of people, invitations due.
    const people = incremental.flatMap((answer) => (answer as { nodes?: unknown[] }).nodes ?? []);
    expect(people.length).toBeGreaterThan(100);
    expect(incremental.at(-2)).not.toEqual([]);

    await rebuildProjections(store, stores);

    expect(await inviteeAnswers(stores)).toEqual(incremental);
  });

  it('gathers as many events per write as the storage asks (the in-memory read models: 1,000)', async () => {
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(2_500n);
    const replayed: number[] = [];
    await rebuildProjections(store, stores, undefined, {
      onProgress: ({ phase, events }) => {
        if (phase === 'replaying') replayed.push(events);
      },
    });
    // A write after every 1,000 events, the last one after what was left.
    expect(stores.storage.rebuildBatchSize).toBe(1_000);
    expect(replayed.length).toBeGreaterThan(2);
    expect(replayed.slice(0, -1)).toEqual(replayed.slice(0, -1).map((_, index) => (index + 1) * 1_000));
    expect(replayed.at(-1)).toBe(Number(head + 1n));
  });

  it('keeps the previous version of each read model for a rollback, and leaves no work version behind', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshot(stores);

    const result = await rebuildProjections(store, stores, undefined, { suffix: '__rebuild_test' });

    expect(result.previous).toEqual(Object.fromEntries(NAMES.map((name) => [name, `${name}__prev`])));
    expect(await previousVersions(stores)).toEqual(incremental);
    const collections = await stores.storage.collections();
    expect(collections.filter((name) => name.includes('__rebuild'))).toEqual([]);
  });

  it('repairs only the read models named', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshot(stores);
    const invitees = stores.storage.documents('invitees');
    const damage = positionKey(10n ** 18n);
    const damaged = (await invitees.all()).map((doc) => {
      const accepted = (doc as { state?: string }).state === 'ACCEPTED';
      return {
        id: doc._id,
        document: accepted ? null : { ...doc, firstName: 'damaged', _pos: damage },
        position: damage,
      };
    });
    await invitees.write(damaged);

    const result = await rebuildProjections(store, stores, ['invitees']);

    expect(await snapshot(stores)).toEqual(incremental);
    expect(result.previous).toEqual({ invitees: 'invitees__prev' });
    const kept = await (await stores.storage.previous('invitees'))!.all();
    expect(kept.filter((doc) => (doc as { state?: string }).state === 'ACCEPTED')).toEqual([]);
    expect(kept.every((doc) => (doc as { firstName?: string }).firstName === 'damaged')).toBe(true);
    expect(await stores.storage.collections()).not.toContain('pools__prev');
  });

  it('includes events appended while it rebuilds, with a runner still serving', async () => {
    await buildIncrementally();
    let appended: Promise<bigint> | undefined;

    await rebuildProjections(store, stores, undefined, {
      batchSize: 200,
      onProgress: () => void (appended ??= appendPools(store, 50)),
    });
    const last = await appended!;
    expect(await runner.waitForPosition(last, 2000)).toBe(true);
    await runner.stop();

    const fresh = new InMemoryReadModelStores();
    await rebuildProjections(store, fresh);
    expect(await stores.readModels.pools.ofOrganisation('org-extra')).toHaveLength(50);
    expect(await snapshot(stores)).toEqual(await snapshot(fresh));
  });

  it('refuses a read model it does not know', async () => {
    await expect(rebuildProjections(store, stores, ['inviteez'])).rejects.toThrow(
      'Unknown projection "inviteez"',
    );
  });
});
