import { CapturingLogger } from '@invitations/kernel/testing';
import { InMemoryCheckpoints, type CheckpointStore } from './checkpoint-store';
import { CheckpointWatcher } from './checkpoint-watcher';

/** The in-memory checkpoint store, counting its reads and able to fail them. */
function countingCheckpoints() {
  const inner = new InMemoryCheckpoints();
  const probe = { reads: 0, failing: false };
  const checkpoints: CheckpointStore = {
    load: (names) => {
      probe.reads += 1;
      return probe.failing ? Promise.reject(new Error('read store unreachable')) : inner.load(names);
    },
    save: (names, position) => inner.save(names, position),
    list: () => inner.list(),
  };
  return { inner, checkpoints, probe };
}

const setCheckpoint = (checkpoints: CheckpointStore, name: string, position: bigint) =>
  checkpoints.save([name], position);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CheckpointWatcher', () => {
  const names = ['invitees', 'batches'] as const;

  it('answers true once every projection has passed the position, not before', async () => {
    const { inner, checkpoints } = countingCheckpoints();
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5 });
    let answer: boolean | undefined;
    const waiting = watcher.waitFor(10n, 5000).then((included) => (answer = included));

    await setCheckpoint(inner, 'invitees', 12n);
    await sleep(40);
    expect(answer).toBeUndefined();

    await setCheckpoint(inner, 'batches', 10n);
    await waiting;
    expect(answer).toBe(true);
    expect(watcher.position).toBe(10n);
  });

  it('answers false after the timeout while a projection lags', async () => {
    const { inner, checkpoints } = countingCheckpoints();
    await setCheckpoint(inner, 'invitees', 20n);
    await setCheckpoint(inner, 'batches', 9n);
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5 });

    const started = Date.now();
    expect(await watcher.waitFor(10n, 60)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('a projection without a checkpoint has included nothing', async () => {
    const { inner, checkpoints } = countingCheckpoints();
    await setCheckpoint(inner, 'invitees', 20n);
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5 });

    expect(await watcher.waitFor(0n, 30)).toBe(false);
  });

  it('serves many waiters with one read per interval, and reads nothing while nobody waits', async () => {
    const { inner, checkpoints, probe } = countingCheckpoints();
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 20 });
    const started = Date.now();
    const waiting = Array.from({ length: 50 }, (_, i) => watcher.waitFor(BigInt(i), 5000));
    await sleep(100);
    await setCheckpoint(inner, 'invitees', 100n);
    await setCheckpoint(inner, 'batches', 100n);

    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 50 }, () => true));
    const intervals = (Date.now() - started) / 20;
    expect(probe.reads).toBeGreaterThanOrEqual(2);
    expect(probe.reads).toBeLessThanOrEqual(Math.ceil(intervals) + 1);

    const readsWhenDone = probe.reads;
    await sleep(60);
    expect(probe.reads).toBe(readsWhenDone);
  });

  it('answers a position it already knows to be included without reading again', async () => {
    const { inner, checkpoints, probe } = countingCheckpoints();
    await setCheckpoint(inner, 'invitees', 7n);
    await setCheckpoint(inner, 'batches', 7n);
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5 });
    expect(await watcher.waitFor(7n, 1000)).toBe(true);
    const reads = probe.reads;

    expect(await watcher.waitFor(5n, 1000)).toBe(true);
    expect(probe.reads).toBe(reads);
  });

  it('keeps polling through read failures, saying so once, and answers once the store is back', async () => {
    const { inner, checkpoints, probe } = countingCheckpoints();
    const logger = new CapturingLogger();
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5, logger });
    probe.failing = true;
    const waiting = watcher.waitFor(3n, 5000);
    await sleep(40);
    await setCheckpoint(inner, 'invitees', 3n);
    await setCheckpoint(inner, 'batches', 3n);
    probe.failing = false;

    expect(await waiting).toBe(true);
    expect(probe.reads).toBeGreaterThan(3);
    expect(logger.messages).toEqual([
      { level: 'warn', message: 'could not read the checkpoints: read store unreachable' },
    ]);
  });

  it('answers every waiter false when stopped', async () => {
    const { checkpoints } = countingCheckpoints();
    const watcher = new CheckpointWatcher(checkpoints, { projections: names, pollIntervalMs: 5 });
    const waiting = [watcher.waitFor(1n, 5000), watcher.waitFor(2n, 5000)];

    watcher.stop();

    expect(await Promise.all(waiting)).toEqual([false, false]);
    expect(await watcher.waitFor(3n, 5000)).toBe(false);
  });
});
