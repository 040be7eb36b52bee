import {
  LeaseKeeper,
  defaultSafetyMarginMs,
  heldUntilMs,
  renewIntervalMs,
  type LeaseLoss,
} from './lease-keeper';
import type { Lease, LeaseStore } from './lease';

describe('lease timing', () => {
  it('renews three times per ttl', () => {
    expect(renewIntervalMs(30_000)).toBe(10_000);
    expect(renewIntervalMs(1_000)).toBe(333);
    expect(renewIntervalMs(2)).toBe(1);
  });

  it('counts the time a renewal bought from when its request was sent, less the margin', () => {
    expect(heldUntilMs(1_000, 30_000, 3_000)).toBe(28_000);
    expect(heldUntilMs(0, 30_000)).toBe(30_000 - defaultSafetyMarginMs(30_000));
    expect(defaultSafetyMarginMs(30_000)).toBe(3_000);
  });

  it('leaves two renewals before the margin is reached', () => {
    const ttl = 15_000;
    expect(2 * renewIntervalMs(ttl)).toBeLessThan(heldUntilMs(0, ttl));
  });
});

/** A store whose answers each test decides; it counts what it was asked. */
class FakeLeaseStore implements LeaseStore {
  readonly ttlMs = 3_000;
  renewals = 0;
  releases: Lease[] = [];
  acquireAnswers: (Lease | null)[] = [];
  renewAnswer: () => Promise<Lease | null> = async () => ({ ...lease, expiresAt: new Date() });

  async acquire(): Promise<Lease | null> {
    return this.acquireAnswers.shift() ?? null;
  }
  renew(): Promise<Lease | null> {
    this.renewals += 1;
    return this.renewAnswer();
  }
  async release(released: Lease): Promise<void> {
    this.releases.push(released);
  }
}

const lease: Lease = { name: 'projections', holder: 'projector-a', token: 4, expiresAt: new Date(0) };

describe('LeaseKeeper', () => {
  let store: FakeLeaseStore;
  let losses: LeaseLoss[];
  const options = () => ({
    onLost: (reason: LeaseLoss) => void losses.push(reason),
    clock: () => Date.now(),
  });

  beforeEach(() => {
    jest.useFakeTimers();
    store = new FakeLeaseStore();
    losses = [];
  });
  afterEach(() => jest.useRealTimers());

  it('renews every ttl/3 and keeps the lease while renewals succeed', async () => {
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(999);
    expect(store.renewals).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(store.renewals).toBe(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(store.renewals).toBe(11);
    expect(keeper.isHeld()).toBe(true);
    expect(losses).toEqual([]);
    await keeper.stop();
  });

  it('reports the lease taken when a renewal answers null, and stops renewing', async () => {
    store.renewAnswer = async () => null;
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(1_000);
    expect(losses).toEqual(['taken']);
    expect(keeper.isHeld()).toBe(false);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(store.renewals).toBe(1);
    expect(losses).toEqual(['taken']);
  });

  it('while renewals fail, holds on until the time bought runs out (less the margin), then reports it expired', async () => {
    store.renewAnswer = async () => {
      throw new Error('no primary');
    };
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(2_699); // ttl 3000 - margin 300
    expect(keeper.isHeld()).toBe(true);
    expect(losses).toEqual([]);
    expect(store.renewals).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(losses).toEqual(['expired']);
    expect(keeper.isHeld()).toBe(false);
  });

  it('reports it expired even while a renewal hangs', async () => {
    store.renewAnswer = () => new Promise(() => undefined);
    new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(2_700);
    expect(losses).toEqual(['expired']);
    expect(store.renewals).toBe(1);
  });

  it('survives one failed renewal: the next one extends the lease from when it was sent', async () => {
    let calls = 0;
    store.renewAnswer = async () => {
      calls += 1;
      if (calls === 1) throw new Error('blip');
      return { ...lease };
    };
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(2_000); // failed at 1000, renewed at 2000: held until 2000 + 2700
    await jest.advanceTimersByTimeAsync(2_600);
    expect(losses).toEqual([]);
    expect(keeper.isHeld()).toBe(true);
    await keeper.stop();
  });

  it('stop() releases the lease and renews no more', async () => {
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(1_000);
    await keeper.stop();
    expect(store.releases).toEqual([{ ...lease, expiresAt: expect.any(Date) }]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(store.renewals).toBe(1);
    expect(keeper.isHeld()).toBe(false);
    expect(losses).toEqual([]);
  });

  it('does not release a lease already lost (it may be another holder’s now)', async () => {
    store.renewAnswer = async () => null;
    const keeper = new LeaseKeeper(store, lease, Date.now(), options());
    await jest.advanceTimersByTimeAsync(1_000);
    await keeper.stop();
    expect(store.releases).toEqual([]);
  });

  it('acquire() tries every ttl/3 until the lease is free', async () => {
    store.acquireAnswers = [null, null, lease];
    const acquiring = LeaseKeeper.acquire(store, 'projector-a', options());
    await jest.advanceTimersByTimeAsync(1_999);
    let keeper: LeaseKeeper | null = null;
    void acquiring.then((k) => (keeper = k));
    await jest.advanceTimersByTimeAsync(0);
    expect(keeper).toBeNull();
    await jest.advanceTimersByTimeAsync(1);
    expect(keeper).not.toBeNull();
    expect(keeper!.lease).toBe(lease);
    await keeper!.stop();
  });

  it('acquire() gives up with null when aborted', async () => {
    const controller = new AbortController();
    const acquiring = LeaseKeeper.acquire(store, 'projector-b', { ...options(), signal: controller.signal });
    await jest.advanceTimersByTimeAsync(5_000);
    controller.abort();
    await expect(acquiring).resolves.toBeNull();
  });
});
