import type { EventStore, RecordedEvent, SubscribeOptions } from '@invitations/event-store';
import { DuplicateKeyError, type ReadStore } from '@invitations/read-store';
import { allProjections } from '@invitations/read-models';
import type { Projection } from '@invitations/read-models';
import { ProjectionRunner } from './projection-runner';
import { poolsProjection } from '@invitations/read-models';
import { CapturingLogger } from '@invitations/kernel/testing';
import { eventually } from '@invitations/kernel/testing';
import { appendPools } from '@invitations/read-models/testing';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { instrumentReadStore } from '../testing/instrumented-read-store';
import { appendGeneratedLog, generateInvitationLog } from '@invitations/read-models/testing';
import { openReadStore } from '../testing/open-read-store';
import { applyEvents, snapshotReadModels } from '../testing/read-model-helpers';

const SMALL_LOG = { organisations: 2, poolsPerOrganisation: 2, batchesPerPool: 2, inviteesPerBatch: 15 };
const FAST_RETRY = { initialDelayMs: 10, maxDelayMs: 1000 };

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** The read models as applying every event of the log alone, in order, builds them. */
async function readModelsOneByOne(store: EventStore) {
  const reference = openReadStore();
  await applyEvents(reference, await readAll(store));
  const snapshot = await snapshotReadModels(reference);
  await reference.close();
  return snapshot;
}

describe('ProjectionRunner', () => {
  let store: InMemoryEventStore;
  let readStore: ReadStore;
  let logger: CapturingLogger;
  const runners: ProjectionRunner[] = [];

  const newRunner = (
    options: ConstructorParameters<typeof ProjectionRunner>[2] = {},
    on: ReadStore = readStore,
  ) => {
    const runner = new ProjectionRunner(store, on, { logger, retry: FAST_RETRY, ...options });
    runners.push(runner);
    return runner;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    readStore = openReadStore();
    logger = new CapturingLogger();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await readStore.close();
  });

  it('catches up from the start of the log and builds what applying each event alone builds', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const runner = newRunner({ batchSize: 100 });

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(runner.position()).toBe(await store.headPosition());
    expect(await runner.lag()).toBe(0n);
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
    expect(runner.health()).toMatchObject({ running: true, caughtUp: true, restarts: 0, lastError: null });
  });

  it("creates the read models' indexes", async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const runner = newRunner();
    await runner.start();
    await eventually(() => runner.caughtUp);

    const passports = readStore.collection('passports');
    const existing = await passports.findOne({});
    const copy = { ...existing!, _id: 'another-passport' };
    await expect(passports.insertOne(copy)).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('answers as soon as the read models include a new write, as a mutation waits for its own', async () => {
    const runner = newRunner();
    await runner.start();
    await eventually(() => runner.caughtUp);

    const position = await appendPools(store, 1);

    expect(await runner.waitForPosition(position, 1000)).toBe(true);
    expect(await readStore.collection('pools').countDocuments({ _id: 'extra-pool-0' })).toBe(1);
  });

  it('stops waiting after the timeout when the position is not reached', async () => {
    const runner = newRunner();
    await runner.start();

    const started = Date.now();
    expect(await runner.waitForPosition(1_000n, 30)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('writes in batches rather than event by event', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const events = Number((await store.headPosition()) + 1n);
    let inviteeWrites = 0;
    const counted = instrumentReadStore(readStore, (collection) => {
      if (collection === 'invitees') inviteeWrites += 1;
    });
    const runner = newRunner({ batchSize: 200 }, counted);

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(events).toBeGreaterThan(600);
    expect(inviteeWrites).toBeGreaterThan(0);
    expect(inviteeWrites).toBeLessThanOrEqual(Math.ceil(events / 200) + 1);
  });

  it('reads the next batch while the previous one is being written', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const slow = instrumentReadStore(readStore, () => gate);
    const counting = allProjections.map((projection) => ({
      ...projection,
      project: jest.fn(projection.project),
    }));
    const runner = newRunner({ batchSize: 100, projections: counting }, slow);
    const received = () => counting[0].project.mock.calls.length;

    await runner.start();
    await eventually(() => received() === 200);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(received()).toBe(200); // the first batch is being written, the second waits for it
    expect(runner.position()).toBe(-1n);
    openGate();
    await eventually(() => runner.caughtUp);
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
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
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
  });

  it('brings a projection that is behind up to date without applying old events to the others', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    const poolsOnly = newRunner({ projections: [poolsProjection] });
    await poolsOnly.start();
    await eventually(() => poolsOnly.caughtUp);
    await poolsOnly.stop();
    const pools = { ...poolsProjection, project: jest.fn(poolsProjection.project) };
    const projections: Projection[] = allProjections.map((projection) =>
      projection.name === 'pools' ? pools : projection,
    );

    const all = newRunner({ projections });
    await all.start();
    await eventually(() => all.caughtUp);
    expect(pools.project).not.toHaveBeenCalled();
    await all.waitForPosition(await appendPools(store, 1), 1000);

    expect(pools.project).toHaveBeenCalledTimes(1);
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
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
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
  });

  it('retries failed writes with a growing backoff and loses no event', async () => {
    await appendGeneratedLog(store, generateInvitationLog(SMALL_LOG));
    let failuresLeft = 3;
    const flaky = instrumentReadStore(readStore, (collection) => {
      if (collection === 'invitees' && failuresLeft-- > 0) throw new Error('read store unavailable');
    });
    const runner = newRunner({ batchSize: 100 }, flaky);

    await runner.start();
    await eventually(() => runner.caughtUp);

    expect(logger.errors().map((message) => /in (\d+) ms/.exec(message)?.[1])).toEqual(['10', '20', '40']);
    expect(runner.health().restarts).toBe(3);
    expect(await snapshotReadModels(readStore)).toEqual(await readModelsOneByOne(store));
  });

  it('writes what it received before stopping, and waits for nothing once stopped', async () => {
    const runner = newRunner({ idleFlushMs: 60_000, maxFlushDelayMs: 60_000, batchSize: 1_000_000 });
    await runner.start();
    await eventually(() => runner.caughtUp);
    const position = await appendPools(store, 5);
    await eventually(() => runner.health().pendingEvents === 5);
    const waiting = runner.waitForPosition(position + 1n, 60_000);

    await runner.stop();

    expect(await readStore.collection('pools').countDocuments({})).toBe(5);
    expect(runner.position()).toBe(position);
    expect(await waiting).toBe(false);
    expect(runner.health()).toMatchObject({ running: false, caughtUp: false });
  });
});
