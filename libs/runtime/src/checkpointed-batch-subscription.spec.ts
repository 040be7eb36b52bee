import type { NewEvent, RecordedEvent } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { CapturingLogger, eventually } from '@invitations/kernel/testing';
import { newId } from '@invitations/kernel';
import { InMemoryCheckpoints } from './checkpoint-store';
import { CheckpointedBatchSubscription } from './checkpointed-batch-subscription';
import { ManualFence } from './testing/manual-fence';

const event = (type: string, n: number): NewEvent => ({
  id: newId(),
  type,
  data: { n },
  metadata: {
    organisationId: 'org-1',
    actor: null,
    correlationId: newId(),
    causationId: null,
    timestamp: '2025-03-02T09:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('CheckpointedBatchSubscription', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpoints;
  let logger: CapturingLogger;
  let batches: RecordedEvent[][];
  let subscription: CheckpointedBatchSubscription | null;

  const open = (
    handler: (events: readonly RecordedEvent[]) => Promise<void> = async (events) => {
      batches.push([...events]);
    },
    options: { batchSize?: number; fence?: ManualFence } = {},
  ) =>
    (subscription = new CheckpointedBatchSubscription('sender', store, checkpoints, handler, {
      handles: (e) => e.type === 'Wanted',
      batchSize: options.batchSize ?? 10,
      logger,
      fence: options.fence,
    }));
  const appendMany = async (count: number, type = 'Wanted') => {
    for (let n = 0; n < count; n += 1) await store.append(`s-${newId()}`, [event(type, n)], 'no_stream');
  };
  const checkpoint = async () => (await checkpoints.load(['sender'])).get('sender')!;
  const handled = () => batches.flat().map((e) => (e.data as { n: number }).n);

  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpoints();
    logger = new CapturingLogger();
    batches = [];
    subscription = null;
  });
  afterEach(() => subscription?.stop());

  it('hands the events it wants over in batches of at most batchSize, in the log’s order, and checkpoints after each', async () => {
    await appendMany(25);
    await store.append('other', [event('Unwanted', 99)], 'no_stream');
    const head = await store.headPosition();
    await open().start();
    await eventually(() => subscription!.caughtUp);

    expect(handled()).toEqual([...Array(25).keys()]);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.every((batch) => batch.length <= 10)).toBe(true);
    expect(batches.flat().some((e) => e.type === 'Unwanted')).toBe(false);
    expect(await checkpoint()).toBe(head);
    expect(subscription!.lastPosition).toBe(head);
  });

  it('hands live events over too, once the log pauses', async () => {
    await open().start();
    await eventually(() => subscription!.caughtUp);
    await appendMany(3);
    await eventually(() => handled().length === 3);
    await eventually(async () => (await checkpoint()) === (await store.headPosition()));
  });

  it('after a failing batch, keeps its checkpoint before it and hands the same events over again', async () => {
    await appendMany(5);
    let failures = 1;
    await open(async (events) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('provider down');
      }
      batches.push([...events]);
    }).start();
    await eventually(() => handled().length === 5, 5_000);
    expect(handled()).toEqual([0, 1, 2, 3, 4]);
    expect(
      logger.errors().some((m) => m.includes('sender: subscription failed (Error: provider down)')),
    ).toBe(true);
    expect(await checkpoint()).toBe(await store.headPosition());
  });

  it('starts after its checkpoint: what was handled before a restart is not handed over again', async () => {
    await appendMany(4);
    await open().start();
    await eventually(() => subscription!.caughtUp);
    await subscription!.stop();
    await appendMany(2);
    batches = [];
    await open().start();
    await eventually(() => subscription!.caughtUp);
    expect(handled()).toEqual([0, 1]);
  });

  it('hands nothing over and saves no checkpoint once its fence is lost', async () => {
    const fence = new ManualFence();
    await appendMany(2);
    await open(undefined, { fence }).start();
    await eventually(() => subscription!.caughtUp);
    const before = await checkpoint();
    fence.held = false;
    await appendMany(3);
    await eventually(() => logger.errors().some((m) => m.includes('lease')));
    expect(handled()).toHaveLength(2);
    expect(await checkpoint()).toBe(before);
  });
});
