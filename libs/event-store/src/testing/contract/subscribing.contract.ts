import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../../event-store.port';
import {
  aStreamId,
  anEvent,
  asAppended,
  eventually,
  expectToWaitForTheHandler,
  someEvents,
  someMetadata,
} from '../event-fixtures';
import { expectIncreasingPositions } from './reading.contract';

/** How long to wait to be reasonably sure that something does not happen. */
const QUIET_MS = 300;

/** Catch-up subscriptions to the global log: catch up, then live; in order, one at a time; stop; errors. */
export function describeSubscribing(currentStore: () => EventStore): void {
  let subscriptions: Subscription[] = [];

  /** Subscribes, recording every event delivered and the events of `streamId` apart. */
  function watch(
    streamId: string,
    options: SubscribeOptions,
    handle: (event: RecordedEvent) => Promise<void> | void = () => undefined,
  ) {
    const seen = { all: [] as RecordedEvent[], ours: [] as RecordedEvent[], caughtUp: 0, oursAtCatchUp: -1 };
    const subscription = currentStore().subscribeToAll(
      async (event) => {
        seen.all.push(event);
        if (event.streamId === streamId) seen.ours.push(event);
        await handle(event);
      },
      {
        ...options,
        onCaughtUp: () => {
          seen.caughtUp += 1;
          if (seen.oursAtCatchUp < 0) seen.oursAtCatchUp = seen.ours.length;
        },
      },
    );
    subscriptions.push(subscription);
    return { seen, subscription };
  }

  describe('subscribeToAll', () => {
    // Declared in this block so that it runs before the store is cleaned up.
    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      subscriptions = [];
    });

    it('catches up with the events after the position, reports it once, then delivers new events live', async () => {
      const streamId = aStreamId();
      const before = await currentStore().headPosition();
      const earlier = someEvents(2, 'earlier');
      await currentStore().append(streamId, earlier, 'no_stream');
      const { seen } = watch(streamId, { after: before });
      await eventually('catching up', () => seen.caughtUp > 0);
      expect(seen.oursAtCatchUp).toBe(2);
      const live = someEvents(3, 'live');
      for (const [i, event] of live.entries()) await currentStore().append(streamId, [event], BigInt(i + 1));
      await eventually('the live events', () => seen.ours.length === 5);
      expect(seen.ours.map(asAppended)).toEqual([...earlier, ...live]);
      expect(seen.all.every((event) => event.position > before)).toBe(true);
      expectIncreasingPositions(seen.all);
      await sleep(QUIET_MS);
      expect(seen.caughtUp).toBe(1);
    });

    it('starts strictly after the given position', async () => {
      const streamId = aStreamId();
      const events = someEvents(3);
      await currentStore().append(streamId, [events[0]], 'no_stream');
      const { position } = await currentStore().append(streamId, [events[1]], 0n);
      await currentStore().append(streamId, [events[2]], 1n);
      const { seen } = watch(streamId, { after: position });
      await eventually('catching up', () => seen.caughtUp > 0);
      expect(seen.ours.map((event) => event.id)).toEqual([events[2].id]);
    });

    it('delivers metadata as appended', async () => {
      const streamId = aStreamId();
      const before = await currentStore().headPosition();
      const event = anEvent('metadata', { metadata: someMetadata({ actor: null, causationId: null }) });
      await currentStore().append(streamId, [event], 'no_stream');
      const { seen } = watch(streamId, { after: before });
      await eventually('the event', () => seen.ours.length === 1);
      expect(asAppended(seen.ours[0])).toEqual(event);
      expect(seen.ours[0].revision).toBe(0n);
    });

    it('awaits the handler: one event at a time, in order', async () => {
      const streamId = aStreamId();
      const before = await currentStore().headPosition();
      let running = 0;
      let mostAtOnce = 0;
      const { seen } = watch(streamId, { after: before }, async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(2);
        running -= 1;
      });
      const events = someEvents(10);
      await currentStore().append(streamId, events.slice(0, 5), 'no_stream');
      await currentStore().append(streamId, events.slice(5), 4n);
      await eventually('ten events', () => seen.ours.length === 10);
      expect(mostAtOnce).toBe(1);
      expect(seen.ours.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    it('stops: waits for the running handler, then delivers nothing more', async () => {
      const streamId = aStreamId();
      const before = await currentStore().headPosition();
      let release: () => void = () => undefined;
      let finishedHandlers = 0;
      const { seen, subscription } = watch(streamId, { after: before }, async (event) => {
        if (event.streamId !== streamId) return;
        await new Promise<void>((resolve) => (release = resolve));
        finishedHandlers += 1;
      });
      await currentStore().append(streamId, [anEvent('held')], 'no_stream');
      await eventually('the event to be handed over', () => seen.ours.length === 1);
      await expectToWaitForTheHandler(
        () => subscription.stop(),
        () => release(),
        () => finishedHandlers,
      );
      await currentStore().append(streamId, [anEvent('after stop')], 0n);
      await sleep(QUIET_MS);
      expect(seen.ours).toHaveLength(1);
    });

    it('stops when the handler throws, and reports the error', async () => {
      const streamId = aStreamId();
      const before = await currentStore().headPosition();
      const failure = new Error('projection failed');
      const errors: Error[] = [];
      const { seen } = watch(streamId, { after: before, onError: (error) => errors.push(error) }, (event) => {
        if (event.streamId === streamId) throw failure;
      });
      await currentStore().append(streamId, someEvents(2), 'no_stream');
      await eventually('the error report', () => errors.length > 0);
      await currentStore().append(streamId, [anEvent('later')], 1n);
      await sleep(QUIET_MS);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain(failure.message);
      expect(seen.ours).toHaveLength(1);
    });
  });
}
