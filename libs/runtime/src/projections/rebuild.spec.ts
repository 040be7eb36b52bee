import type { ReadStore } from '@invitations/read-store';
import { loadCheckpoints } from './checkpoints';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections, type RebuildProgress } from './rebuild';
import { CapturingLogger } from '@invitations/kernel/testing';
import { eventually } from '@invitations/kernel/testing';
import { appendPools } from '@invitations/read-models/testing';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { appendGeneratedLog, generateInvitationLog } from '@invitations/read-models/testing';
import { openReadStore } from '../testing/open-read-store';
import { snapshotReadModels } from '../testing/read-model-helpers';

const LOG = { organisations: 2, poolsPerOrganisation: 3, batchesPerPool: 3, inviteesPerBatch: 40 };
const NAMES = ['invitees', 'batches', 'pools', 'members', 'passports'] as const;

describe('rebuildProjections', () => {
  let store: InMemoryEventStore;
  let readStore: ReadStore;
  let runner: ProjectionRunner;

  /** Builds the read models incrementally, as the service does, and stops. */
  async function buildIncrementally(): Promise<void> {
    runner = new ProjectionRunner(store, readStore, { logger: new CapturingLogger(), batchSize: 250 });
    await runner.start();
    await eventually(() => runner.caughtUp);
  }

  beforeEach(async () => {
    store = new InMemoryEventStore();
    readStore = openReadStore();
    await appendGeneratedLog(store, generateInvitationLog(LOG));
  });
  afterEach(async () => {
    await runner?.stop();
    await readStore.close();
  });

  it('builds read models equal, document for document, to the ones built incrementally', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshotReadModels(readStore);
    const head = await store.headPosition();
    const progress: RebuildProgress[] = [];

    const result = await rebuildProjections(store, readStore, undefined, {
      batchSize: 500,
      onProgress: (report) => progress.push(report),
    });

    expect(await snapshotReadModels(readStore)).toEqual(incremental);
    expect(result).toMatchObject({ events: Number(head + 1n), position: head, projections: [...NAMES] });
    expect(progress.at(-1)).toEqual({ phase: 'done', events: Number(head + 1n), position: head, head });
    const replayed = progress.filter(({ phase }) => phase === 'replaying').map(({ events }) => events);
    expect(replayed.length).toBeGreaterThan(2);
    expect(replayed).toEqual([...replayed].sort((a, b) => a - b));
    expect([...(await loadCheckpoints(readStore, [...NAMES])).values()]).toEqual(NAMES.map(() => head));
  });

  it('keeps the previous version of each read model for a rollback, and leaves no work collection behind', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshotReadModels(readStore);

    const result = await rebuildProjections(store, readStore, undefined, { suffix: '__rebuild_test' });

    expect(result.previous).toEqual(Object.fromEntries(NAMES.map((name) => [name, `${name}__prev`])));
    expect(await snapshotReadModels(readStore, (name) => `${name}__prev`)).toEqual(incremental);
    const collections = await readStore.listCollections();
    expect(collections.filter((name) => name.includes('__rebuild'))).toEqual([]);
  });

  it('repairs only the read models named', async () => {
    await buildIncrementally();
    await runner.stop();
    const incremental = await snapshotReadModels(readStore);
    const invitees = readStore.collection('invitees');
    await invitees.deleteMany({ state: 'ACCEPTED' });
    await invitees.updateMany({}, { $set: { firstName: 'damaged' } });

    const result = await rebuildProjections(store, readStore, ['invitees']);

    expect(await snapshotReadModels(readStore)).toEqual(incremental);
    expect(result.previous).toEqual({ invitees: 'invitees__prev' });
    expect(await readStore.collection('invitees__prev').countDocuments({ state: 'ACCEPTED' })).toBe(0);
    expect(await readStore.listCollections()).not.toContain('pools__prev');
  });

  it('includes events appended while it rebuilds, with a runner still serving', async () => {
    await buildIncrementally();
    let appended: Promise<bigint> | undefined;

    await rebuildProjections(store, readStore, undefined, {
      batchSize: 200,
      onProgress: () => void (appended ??= appendPools(store, 50)),
    });
    const last = await appended!;
    expect(await runner.waitForPosition(last, 2000)).toBe(true);
    await runner.stop();

    const fresh = openReadStore();
    await rebuildProjections(store, fresh);
    expect(await readStore.collection('pools').countDocuments({ organisationId: 'org-extra' })).toBe(50);
    expect(await snapshotReadModels(readStore)).toEqual(await snapshotReadModels(fresh));
    await fresh.close();
  });

  it('refuses a read model it does not know', async () => {
    await expect(rebuildProjections(store, readStore, ['inviteez'])).rejects.toThrow(
      'Unknown projection "inviteez"',
    );
  });
});
