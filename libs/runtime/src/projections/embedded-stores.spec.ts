import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@invitations/event-store';
import { allProjections } from '@invitations/read-models';
import { CapturingLogger, eventually } from '@invitations/kernel/testing';
import {
  appendGeneratedLog,
  generateInvitationLog,
  snapshotReadModels,
} from '@invitations/read-models/testing';
import { InMemoryReadModelStores } from '../read-model-stores';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections } from './rebuild';

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
    const live = new InMemoryReadModelStores();
    const runner = new ProjectionRunner(store, live, { logger: new CapturingLogger(), batchSize: 300 });
    await runner.start();
    await eventually(() => runner.caughtUp);
    await runner.stop();
    const rebuilt = new InMemoryReadModelStores();

    const result = await rebuildProjections(store, rebuilt, undefined, { batchSize: 700 });

    expect(result.events).toBe(Number((await store.headPosition()) + 1n));
    expect(result.events).toBeGreaterThan(2000);
    expect(await snapshotReadModels(rebuilt.storage, allProjections)).toEqual(
      await snapshotReadModels(live.storage, allProjections),
    );
  });
});
