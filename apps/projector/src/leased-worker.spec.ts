import type { Fence } from '@invitations/runtime';
import { LeasedWorker, type Work } from './leased-worker';
import { FakeLeaseStore } from './testing/fake-lease-store';

const TTL_MS = 3000;
const RENEW_MS = TTL_MS / 3;

/** Records which works run, to check that no two ever run at once. */
class Activity {
  readonly running = new Set<FakeWork>();
  readonly log: string[] = [];
  maxConcurrent = 0;
}

class FakeWork implements Work {
  started = false;
  stopped = false;

  constructor(
    readonly owner: string,
    readonly fence: Fence,
    private readonly activity: Activity,
    private readonly failStart = false,
  ) {}

  async start(): Promise<void> {
    if (this.failStart) throw new Error('cannot start');
    this.started = true;
    this.activity.running.add(this);
    this.activity.maxConcurrent = Math.max(this.activity.maxConcurrent, this.activity.running.size);
    this.activity.log.push(`${this.owner} started`);
  }

  async stop(): Promise<void> {
    if (!this.started || this.stopped) return;
    this.stopped = true;
    this.activity.running.delete(this);
    this.activity.log.push(`${this.owner} stopped`);
  }
}

describe('LeasedWorker', () => {
  let leases: FakeLeaseStore;
  let activity: Activity;
  const works = new Map<string, FakeWork[]>();
  const workers: LeasedWorker<FakeWork>[] = [];
  const messages: string[] = [];
  let failNextStart = false;

  function worker(holder: string): LeasedWorker<FakeWork> {
    const created = new LeasedWorker<FakeWork>({
      leases,
      holder,
      clock: () => Date.now(),
      logger: {
        log: (message) => messages.push(`${holder}: ${message}`),
        warn: (message) => messages.push(`${holder}: ${message}`),
        error: (message) => messages.push(`${holder}: ${message}`),
      },
      createWork: (fence) => {
        const work = new FakeWork(holder, fence, activity, failNextStart);
        failNextStart = false;
        works.set(holder, [...(works.get(holder) ?? []), work]);
        return work;
      },
    });
    workers.push(created);
    void created.run();
    return created;
  }

  const worksOf = (holder: string) => works.get(holder) ?? [];
  const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    leases = new FakeLeaseStore(TTL_MS);
    activity = new Activity();
    works.clear();
    messages.length = 0;
    workers.length = 0;
    failNextStart = false;
  });

  afterEach(async () => {
    const stopping = Promise.all(workers.map((w) => w.stop()));
    await advance(TTL_MS);
    await stopping;
    jest.useRealTimers();
  });

  it('takes a free lease, starts the work, and keeps it across many ttls by renewing', async () => {
    const a = worker('a');
    await advance(0);

    expect(a.role).toBe('active');
    expect(worksOf('a')).toHaveLength(1);
    expect(worksOf('a')[0].fence.isHeld()).toBe(true);
    expect(leases.holder).toBe('a');

    await advance(10 * TTL_MS);
    expect(a.role).toBe('active');
    expect(worksOf('a')).toHaveLength(1);
    expect(worksOf('a')[0].stopped).toBe(false);
    expect(leases.token).toBe(1);
  });

  it('stands by while another holds the lease, and takes over as soon as it is given up', async () => {
    const a = worker('a');
    await advance(0);
    const b = worker('b');
    await advance(5 * TTL_MS);

    expect(b.role).toBe('standby');
    expect(worksOf('b')).toEqual([]);

    const stopping = a.stop();
    await advance(0);
    await stopping;
    expect(worksOf('a')[0].stopped).toBe(true);
    expect(leases.holder).toBeNull();

    await advance(RENEW_MS);
    expect(b.role).toBe('active');
    expect(leases.holder).toBe('b');
    expect(activity.log).toEqual(['a started', 'a stopped', 'b started']);
    expect(activity.maxConcurrent).toBe(1);
  });

  it('takes over when the holder dies: once its lease expires unrenewed, and never while the holder may still work', async () => {
    const a = worker('a');
    await advance(0);
    const b = worker('b');
    await advance(RENEW_MS / 2);

    // "a" can no longer reach the lease store (a partition, or a hung process): it cannot renew.
    leases.partitioned.add('a');
    await advance(TTL_MS - RENEW_MS);
    expect(b.role).toBe('standby');

    await advance(TTL_MS);
    expect(worksOf('a')[0].stopped).toBe(true);
    expect(worksOf('a')[0].fence.isHeld()).toBe(false);
    expect(b.role).toBe('active');
    expect(a.role).toBe('standby');
    expect(activity.log).toEqual(['a started', 'a stopped', 'b started']);
    expect(activity.maxConcurrent).toBe(1);
    expect(leases.token).toBe(2);
  });

  it('stops the work at once when the lease is taken, then stands by and comes back when it is free', async () => {
    const a = worker('a');
    await advance(0);
    const first = worksOf('a')[0];

    leases.handTo('other');
    expect(first.fence.isHeld()).toBe(true); // not known yet: the next renewal finds out
    await advance(RENEW_MS);

    expect(first.stopped).toBe(true);
    expect(first.fence.isHeld()).toBe(false);
    expect(a.role).toBe('standby');
    expect(messages).toContain('a: lease taken: stopping at once, then standing by');

    leases.holder = null;
    await advance(RENEW_MS);
    expect(a.role).toBe('active');
    expect(worksOf('a')).toHaveLength(2);
    expect(worksOf('a')[1].fence.isHeld()).toBe(true);
  });

  it('stops working by the end of its lease when the lease store is unreachable, and resumes once it is back', async () => {
    const a = worker('a');
    await advance(0);
    leases.down = true;

    await advance(TTL_MS);
    expect(worksOf('a')[0].stopped).toBe(true);
    expect(a.role).toBe('standby');
    expect(messages.some((m) => m.startsWith('a: could not reach the lease store'))).toBe(true);

    leases.down = false;
    await advance(TTL_MS + RENEW_MS);
    expect(a.role).toBe('active');
    expect(worksOf('a')).toHaveLength(2);
  });

  it('gives the lease up when the work cannot start, so another may try, and tries again later', async () => {
    failNextStart = true;
    const a = worker('a');
    await advance(0);

    expect(leases.holder).toBeNull();
    expect(a.role).toBe('standby');
    expect(messages).toContain(
      'a: the work could not start (Error: cannot start); giving the lease up for now',
    );

    await advance(2 * RENEW_MS);
    expect(a.role).toBe('active');
    expect(worksOf('a')).toHaveLength(2);
    expect(worksOf('a')[1].started).toBe(true);
  });

  it('stops at once while standing by, without ever starting work', async () => {
    worker('a');
    await advance(0);
    const b = worker('b');
    await advance(RENEW_MS);

    const stopping = b.stop();
    await advance(0);
    await stopping;

    expect(b.role).toBe('stopped');
    expect(worksOf('b')).toEqual([]);
    expect(leases.holder).toBe('a');
  });
});
