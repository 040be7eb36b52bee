import type { EventStore, RecordedEvent, SubscribeOptions } from '@invitations/event-store';
import { allProjections, poolsProjection } from '@invitations/read-models';
import type { Projection } from '@invitations/read-models';
import { CapturingLogger, eventually } from '@invitations/kernel/testing';
import {
  appendGeneratedLog,
  appendPools,
  applyEvents,
  generateInvitationLog,
  snapshotReadModels,
} from '@invitations/read-models/testing';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { InMemoryReadModelStores, type ReadModelStores } from '../read-model-stores';
import { instrumentWrites } from '../testing/instrumented-storage';
import { ProjectionRunner } from './projection-runner';

const SMALL_LOG = {
  organisations: 2,
  poolsPerOrganisation: 2,
  batchesPerPool: 2,
  inviteesPerBatch: 15,
  deliveries: true,
};
const FAST_RETRY = { initialDelayMs: 10, maxDelayMs: 1000 };

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** The read models as applying every event of the log alone, in order, builds them. */
async function readModelsOneByOne(store: EventStore) {
  const reference = new InMemoryReadModelStores();
  await applyEvents(reference.storage, await readAll(store), allProjections);
  return snapshotReadModels(reference.storage, allProjections);
}

const snapshot = (stores: ReadModelStores) => snapshotReadModels(stores.storage, allProjections);

describe('ProjectionRunner', () => {
  let store: InMemoryEventStore;
  let stores: InMemoryReadModelStores;
  let logger: CapturingLogger;
  const runners: ProjectionRunner[] = [];

  const newRunner = (
    options: ConstructorParameters<typeof ProjectionRunner>[2] = {},
    on: ReadModelStores = stores,
  ) => {
    const runner = new ProjectionRunner(store, on, { logger, retry: FAST_RETRY, ...options });
    runners.push(runner);
    return runner;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    stores = new InMemoryReadModelStores();
    logger = new CapturingLogger();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await stores.close();
  });

  it('catches up from the start of the log and builds what applying each event alone builds', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const runner = newRunner({ batchSize: 100 });

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(runner.position()).toBe(await store.headPosition());
    expect(await runner.lag()).toBe(0n);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
    expect(runner.health()).toMatchObject({ running: true, caughtUp: true, restarts: 0, lastError: null });
    const checkpoints = await stores.checkpoints.list();
    expect(checkpoints.map(({ name }) => name).sort()).toEqual(allProjections.map(({ name }) => name).sort());
    for (const { position } of checkpoints) expect(position).toBe(await store.headPosition());
  });

  it('makes the read models ready for their queries as it starts', async () => {
    const prepare = jest.spyOn(stores.storage, 'prepare');
    const runner = newRunner();

    await runner.start();

    expect(prepare).toHaveBeenCalledWith(allProjections.map(({ name }) => name));
    expect(await stores.storage.collections()).toEqual(
      expect.arrayContaining(['invitees', 'batches', 'pools', 'members', 'passports', 'uploads', 'audit']),
    );
  });

  it('answers as soon as the read models include a new write, as a mutation waits for its own', async () => {
    const runner = newRunner();
    await runner.start();
    await eventually(() => runner.caughtUp);

    const position = await appendPools(store, 1);

    expect(await runner.waitForPosition(position, 1000)).toBe(true);
    expect(await stores.readModels.pools.byId('org-extra', 'extra-pool-0')).toMatchObject({ name: 'Pool 0' });
  });

  it('stops waiting after the timeout when the position is not reached', async () => {
    const runner = newRunner();
    await runner.start();

    const started = Date.now();
    expect(await runner.waitForPosition(1_000n, 30)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('writes in batches, each changed document once per batch, rather than event by event', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const events = Number((await store.headPosition()) + 1n);
    let inviteeWrites = 0;
    const writtenPerBatch: string[][] = [];
    const counted = instrumentWrites(stores, (name, changes) => {
      if (name !== 'invitees') return;
      inviteeWrites += 1;
      writtenPerBatch.push(changes.map((change) => change.id));
    });
    const runner = newRunner({ batchSize: 200 }, counted);

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(events).toBeGreaterThan(600);
    expect(inviteeWrites).toBeGreaterThan(0);
    expect(inviteeWrites).toBeLessThanOrEqual(Math.ceil(events / 200) + 1);
    for (const ids of writtenPerBatch) expect(new Set(ids).size).toBe(ids.length);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('loads the documents a batch touches in one call per read model', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const invitees = stores.storage.documents('invitees');
    const load = jest.spyOn(invitees, 'load');
    const write = jest.spyOn(invitees, 'write');
    const runner = newRunner({ batchSize: 200 });

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(load.mock.calls.length).toBe(write.mock.calls.length);
    expect(load.mock.calls.length).toBeLessThanOrEqual(
      Math.ceil(Number(await store.headPosition()) / 200) + 1,
    );
  });

  it('reads the next batch while the previous one is being written', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const slow = instrumentWrites(stores, () => gate);
    let received = 0;
    const subscribe = store.subscribeToAll.bind(store);
    jest.spyOn(store, 'subscribeToAll').mockImplementation((handler, options) =>
      subscribe((event) => {
        received += 1;
        return handler(event);
      }, options),
    );
    const runner = newRunner({ batchSize: 100 }, slow);

    await runner.start();
    await eventually(() => received === 200);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(received).toBe(200); // the first batch is being written, the second waits for it
    expect(runner.position()).toBe(-1n);
    openGate();
    await eventually(() => runner.caughtUp);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('resumes from its checkpoints after a restart', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const first = newRunner();
    await first.start();
    await eventually(() => first.caughtUp);
    await first.stop();
    const checkpoint = first.position();
    await appendPools(store, 3);
    const subscribe = jest.spyOn(store, 'subscribeToAll');

    const second = newRunner();
    await second.start();
    await eventually(() => second.caughtUp);

    expect((subscribe.mock.calls[0][1] as SubscribeOptions).after).toBe(checkpoint);
    expect(second.position()).toBe(await store.headPosition());
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('brings a projection that is behind up to date without applying old events to the others', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const poolsOnly = newRunner({ projections: [poolsProjection as Projection] });
    await poolsOnly.start();
    await eventually(() => poolsOnly.caughtUp);
    await poolsOnly.stop();
    const pools = {
      ...(poolsProjection as Projection),
      evolve: jest.fn(poolsProjection.evolve as Projection['evolve']),
    };
    const projections: Projection[] = allProjections.map((projection) =>
      projection.name === 'pools' ? pools : projection,
    );

    const all = newRunner({ projections });
    await all.start();
    await eventually(() => all.caughtUp);
    expect(pools.evolve).not.toHaveBeenCalled();
    await all.waitForPosition(await appendPools(store, 1), 1000);

    expect(pools.evolve).toHaveBeenCalledTimes(1);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('treats a checkpoint whose documents are gone as nothing applied', async () => {
    await appendPools(store, 2);
    await stores.checkpoints.save(['pools'], await store.headPosition());
    const runner = newRunner({ projections: [poolsProjection as Projection], prepare: false });

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(await stores.readModels.pools.ofOrganisation('org-extra')).toHaveLength(2);
  });

  it('resubscribes from its last checkpoint when the subscription drops, and logs no personal data', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const runner = newRunner();
    await runner.start();
    await eventually(() => runner.caughtUp);

    store.dropSubscriptions(new Error('connection lost while sending to ada@example.org'));
    const position = await appendPools(store, 2);

    expect(await runner.waitForPosition(position, 2000)).toBe(true);
    expect(runner.health()).toMatchObject({
      restarts: 1,
      lastError: 'Error: connection lost while sending to <email>',
    });
    expect(logger.errors()).toHaveLength(1);
    expect(logger.errors()[0]).not.toContain('ada@example.org');
    await eventually(() => runner.caughtUp);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('retries failed writes with a growing backoff and loses no event', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    let failuresLeft = 3;
    const flaky = instrumentWrites(stores, (name) => {
      if (name === 'invitees' && failuresLeft-- > 0) throw new Error('read store unavailable');
    });
    const runner = newRunner({ batchSize: 100 }, flaky);

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(logger.errors().map((message) => /in (\d+) ms/.exec(message)?.[1])).toEqual(['10', '20', '40']);
    expect(runner.health().restarts).toBe(3);
    expect(await snapshot(stores)).toEqual(await readModelsOneByOne(store));
  });

  it('writes nothing, documents or checkpoints, once its fence is lost', async () => {
    const fence = { held: true, isHeld: () => fence.held };
    const runner = newRunner({ fence });
    await runner.start();
    await eventually(() => runner.caughtUp);
    const kept = await appendPools(store, 1);
    expect(await runner.waitForPosition(kept, 1000)).toBe(true);

    fence.held = false;
    await appendPools(store, 1, 'late');
    await eventually(() => runner.health().restarts >= 1);

    expect(runner.health().lastError).toMatch(/no longer holds the lease/);
    expect(await stores.readModels.pools.byId('org-extra', 'late-pool-0')).toBeNull();
    expect((await stores.checkpoints.load(['pools'])).get('pools')).toBe(kept);
  });

  it('writes what it received before stopping, and waits for nothing once stopped', async () => {
    const runner = newRunner({ idleFlushMs: 60_000, maxFlushDelayMs: 60_000, batchSize: 1_000_000 });
    await runner.start();
    await eventually(() => runner.caughtUp);
    const position = await appendPools(store, 5);
    await eventually(() => runner.health().pendingEvents === 5);
    const waiting = runner.waitForPosition(position + 1n, 60_000);

    await runner.stop();

    expect(await stores.readModels.pools.ofOrganisation('org-extra')).toHaveLength(5);
    expect(runner.position()).toBe(position);
    expect(await waiting).toBe(false);
    expect(runner.health()).toMatchObject({ running: false, caughtUp: false });
  });
});
