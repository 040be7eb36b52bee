import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@invitations/event-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections } from './rebuild';
import { CapturingLogger } from '@invitations/kernel/testing';
import { eventually } from '@invitations/kernel/testing';
import { appendGeneratedLog, generateInvitationLog } from '@invitations/read-models/testing';
import { openReadStore } from '../testing/open-read-store';
import { snapshotReadModels } from '../testing/read-model-helpers';

/** The runner and the rebuild over the real embedded event store, whose subscriptions deliver page by page. */
describe('projections over the embedded event store', () => {
  let dir: string;
  let store: EmbeddedEventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'projections-'));
    store = await EmbeddedEventStore.open(dir);
    const shape = { organisations: 2, poolsPerOrganisation: 2, batchesPerPool: 3, inviteesPerBatch: 60 };
    await appendGeneratedLog(store, generateInvitationLog(shape));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('builds the same read models live and by a rebuild', async () => {
    const live = openReadStore();
    const runner = new ProjectionRunner(store, live, { logger: new CapturingLogger(), batchSize: 300 });
    await runner.start();
    await eventually(() => runner.caughtUp);
    await runner.stop();
    const rebuilt = openReadStore();

    const result = await rebuildProjections(store, rebuilt, undefined, { batchSize: 700 });

    expect(result.events).toBe(Number((await store.headPosition()) + 1n));
    expect(result.events).toBeGreaterThan(2000);
    expect(await snapshotReadModels(rebuilt)).toEqual(await snapshotReadModels(live));
  });
});
