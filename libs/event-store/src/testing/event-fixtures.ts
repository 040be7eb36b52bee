import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';

/** A stream id of its own for one test (no personal data: a kind and a UUID). */
export function aStreamId(kind = 'contract'): string {
  return `${kind}-${randomUUID()}`;
}

export function someMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    organisationId: randomUUID(),
    actor: `admin-${randomUUID()}`,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    timestamp: new Date().toISOString(),
    schemaVersion: 1,
    ...overrides,
  };
}

/** A new event with a fresh id; `label` ends up in its data, to tell events apart in assertions. */
export function anEvent(label: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'InviteeStaged',
    data: { label, inviteeId: randomUUID(), status: 'NEW', details: { fields: ['email', 'dateOfBirth'] } },
    metadata: someMetadata(),
    ...overrides,
  };
}

export function someEvents(count: number, prefix = 'event'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => anEvent(`${prefix}-${i}`));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The parts of a recorded event that were given at append time. */
export function asAppended(event: RecordedEvent): NewEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}

/** Polls until `condition` holds; fails with `what` after the timeout. */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The rejection of a promise expected to fail (fails the test if it succeeds). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the promise to be rejected, but it was fulfilled');
}

/**
 * Checks that `stop` (closing a store, stopping a subscription) waits for the handler running at the time: not
 * done while the handler is held, done once `release` lets it finish, and the handler then finished once.
 */
export async function expectToWaitForTheHandler(
  stop: () => Promise<void>,
  release: () => void,
  finishedHandlers: () => number,
): Promise<void> {
  let stopped = false;
  const stopping = stop().then(() => (stopped = true));
  await sleep(50);
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(finishedHandlers()).toBe(1);
}
