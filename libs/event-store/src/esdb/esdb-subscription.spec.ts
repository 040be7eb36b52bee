import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import {
  EsdbCatchUpSubscription,
  type CatchUpOptions,
  type CatchUpSource,
  type SubscriptionStream,
} from './esdb-subscription';

/** Stands in for the client's subscription stream: events are written in, signals emitted by hand. */
class FakeStream extends PassThrough implements SubscriptionStream {
  unsubscribed = false;
  constructor() {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

class FakeSource implements CatchUpSource {
  readonly opened: (Position | undefined)[] = [];
  readonly streams: FakeStream[] = [];
  head: Promise<bigint> = new Promise(() => undefined); // never answers unless a test says so

  open(from: Position | undefined): FakeStream {
    this.opened.push(from);
    const stream = new FakeStream();
    this.streams.push(stream);
    return stream;
  }

  headPosition(): Promise<bigint> {
    return this.head;
  }

  get latest(): FakeStream {
    return this.streams[this.streams.length - 1];
  }

  /** Writes events into the latest stream, in order: a number stands for an ordinary event at that commit. */
  deliver(...events: (number | AllStreamResolvedEvent)[]): void {
    for (const event of events) this.latest.write(typeof event === 'number' ? resolved(event) : event);
  }
}

function resolved(commit: number, streamId = 'invitee-1', type = 'InviteeStaged'): AllStreamResolvedEvent {
  const position = { commit: BigInt(commit), prepare: BigInt(commit) };
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${String(commit).padStart(12, '0')}`,
      isJson: true,
      revision: 0n,
      type,
      created: new Date(0),
      data: { n: commit },
      metadata: { correlationId: 'c' },
      position,
    },
    commitPosition: BigInt(commit),
  } as AllStreamResolvedEvent;
}

async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const fastReconnect = { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 };

function subscribe(
  source: FakeSource,
  handler: (event: RecordedEvent) => Promise<void> | void,
  options: Partial<CatchUpOptions> = {},
): EsdbCatchUpSubscription {
  return new EsdbCatchUpSubscription(source, handler, {
    selection: {},
    reconnect: fastReconnect,
    ...options,
  });
}

/** Subscribes to `source`, keeping the position of each event handled, in the order handled. */
function subscribeKeepingPositions(source: FakeSource, options: Partial<CatchUpOptions> = {}) {
  const positions: bigint[] = [];
  const subscription = subscribe(source, (event) => void positions.push(event.position), options);
  return { subscription, positions };
}

describe('EsdbCatchUpSubscription', () => {
  it('hands events over in order, one at a time, each awaited', async () => {
    const source = new FakeSource();
    const seen: bigint[] = [];
    let running = 0;
    let maxRunning = 0;
    const subscription = subscribe(source, async (event) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 3));
      seen.push(event.position);
      running -= 1;
    });
    source.deliver(10, 20, 30);
    await until(() => seen.length === 3, 'three events');
    await subscription.stop();
    expect(seen).toEqual([10n, 20n, 30n]);
    expect(maxRunning).toBe(1);
    expect(source.opened).toEqual([undefined]);
  });

  it('starts after the given position', async () => {
    const source = new FakeSource();
    const subscription = subscribe(source, () => undefined, { after: 99n });
    await subscription.stop();
    expect(source.opened).toEqual([{ commit: 99n, prepare: 99n }]);
  });

  it("skips EventStoreDB's own events and anything at or before the last position handled", async () => {
    const source = new FakeSource();
    const { subscription, positions: seen } = subscribeKeepingPositions(source, { after: 10n });
    source.deliver(10, resolved(15, '$stats-node', '$statsCollected'), 20, 20, 30);
    await until(() => seen.length === 2, 'two events');
    await subscription.stop();
    expect(seen).toEqual([20n, 30n]);
  });

  it("calls onCaughtUp once the events received before the server's caughtUp are all handled", async () => {
    const source = new FakeSource();
    const handled: bigint[] = [];
    let handledWhenCaughtUp: bigint[] | null = null;
    const subscription = subscribe(
      source,
      async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        handled.push(event.position);
      },
      { onCaughtUp: () => (handledWhenCaughtUp = [...handled]) },
    );
    source.deliver(1, 2, 3);
    source.latest.emit('caughtUp');
    expect(handledWhenCaughtUp).toBeNull();
    await until(() => handledWhenCaughtUp !== null, 'caught up');
    expect(handledWhenCaughtUp).toEqual([1n, 2n, 3n]);
    source.latest.emit('caughtUp');
    source.deliver(4);
    await until(() => handled.length === 4, 'the live event');
    await subscription.stop();
    expect(handledWhenCaughtUp).toEqual([1n, 2n, 3n]);
  });

  it('calls onCaughtUp at once on an empty log when the server says so', async () => {
    const source = new FakeSource();
    const onCaughtUp = jest.fn();
    const subscription = subscribe(source, () => undefined, { onCaughtUp });
    source.latest.emit('caughtUp');
    expect(onCaughtUp).toHaveBeenCalledTimes(1);
    await subscription.stop();
  });

  it('without a caughtUp signal, calls onCaughtUp when the head position read at start is handled', async () => {
    const source = new FakeSource();
    source.head = Promise.resolve(20n);
    let handledWhenCaughtUp: bigint[] | null = null;
    const { subscription, positions: handled } = subscribeKeepingPositions(source, {
      onCaughtUp: () => (handledWhenCaughtUp = [...handled]),
    });
    source.deliver(10);
    await until(() => handled.length === 1, 'the first event');
    expect(handledWhenCaughtUp).toBeNull();
    source.deliver(20, 30);
    await until(() => handled.length === 3, 'three events');
    await subscription.stop();
    expect(handledWhenCaughtUp).toEqual([10n, 20n]);
  });

  it('on a drop, resubscribes from the last event handled, after a backoff, and goes on', async () => {
    const source = new FakeSource();
    const onError = jest.fn();
    const { subscription, positions: seen } = subscribeKeepingPositions(source, { onError });
    source.deliver(10, 20);
    await until(() => seen.length === 2, 'two events');
    const droppedAt = Date.now();
    source.latest.destroy(new Error('connection reset'));
    await until(() => source.streams.length === 2, 'the resubscription');
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(fastReconnect.initialDelayMs - 1);
    expect(source.opened[1]).toEqual({ commit: 20n, prepare: 20n });
    source.deliver(30);
    await until(() => seen.length === 3, 'the event after the drop');
    await subscription.stop();
    expect(seen).toEqual([10n, 20n, 30n]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('resubscribes when the server ends the subscription too', async () => {
    const source = new FakeSource();
    const subscription = subscribe(source, () => undefined);
    source.latest.end();
    await until(() => source.streams.length === 2, 'the resubscription');
    await subscription.stop();
    expect(source.opened).toEqual([undefined, undefined]);
  });

  it('gives up after maxAttempts failures in a row and reports through onError', async () => {
    const source = new FakeSource();
    const onError = jest.fn();
    const subscription = subscribe(source, () => undefined, { onError });
    for (let attempt = 1; attempt <= fastReconnect.maxAttempts + 1; attempt++) {
      await until(() => source.streams.length === attempt, `attempt ${attempt}`);
      source.latest.destroy(new Error(`unavailable ${attempt}`));
    }
    await until(() => onError.mock.calls.length === 1, 'onError');
    await subscription.stop();
    expect(source.streams).toHaveLength(fastReconnect.maxAttempts + 1);
    expect(onError.mock.calls[0][0].message).toBe(`unavailable ${fastReconnect.maxAttempts + 1}`);
  });

  it('counts failures in a row only: a confirmed connection starts the count again', async () => {
    const source = new FakeSource();
    const onError = jest.fn();
    const subscription = subscribe(source, () => undefined, { onError });
    for (let attempt = 1; attempt <= fastReconnect.maxAttempts * 2; attempt++) {
      await until(() => source.streams.length === attempt, `attempt ${attempt}`);
      source.latest.emit('confirmation');
      source.latest.destroy(new Error('flaky'));
    }
    await until(() => source.streams.length === fastReconnect.maxAttempts * 2 + 1, 'one more attempt');
    await subscription.stop();
    expect(onError).not.toHaveBeenCalled();
  });

  it('stops for good when the handler throws, reporting its error, without resubscribing', async () => {
    const source = new FakeSource();
    const onError = jest.fn();
    const failure = new Error('projection failed');
    const subscription = subscribe(
      source,
      (event) => {
        if (event.position === 20n) throw failure;
      },
      { onError },
    );
    source.deliver(10, 20, 30);
    await until(() => onError.mock.calls.length === 1, 'onError');
    await subscription.stop();
    expect(onError).toHaveBeenCalledWith(failure);
    expect(source.streams).toHaveLength(1);
    expect(source.latest.unsubscribed).toBe(true);
  });

  it('stop() resolves only once the running handler has settled, and nothing is handed over after', async () => {
    const source = new FakeSource();
    let release!: () => void;
    const seen: bigint[] = [];
    const subscription = subscribe(source, async (event) => {
      seen.push(event.position);
      if (event.position === 10n) await new Promise<void>((resolve) => (release = resolve));
    });
    source.deliver(10, 20);
    await until(() => seen.length === 1, 'the first event');
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen).toEqual([10n]);
    expect(source.latest.unsubscribed).toBe(true);
  });

  it('stop() during the backoff ends at once, without resubscribing', async () => {
    const source = new FakeSource();
    const subscription = subscribe(source, () => undefined, {
      reconnect: { ...fastReconnect, initialDelayMs: 60_000 },
    });
    source.latest.destroy(new Error('down'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await subscription.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(source.streams).toHaveLength(1);
  });
});
