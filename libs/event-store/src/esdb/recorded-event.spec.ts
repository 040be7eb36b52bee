import type { AllStreamJSONRecordedEvent, RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { NewEvent } from '../event-store.port';
import {
  isServiceEvent,
  subscriptionFilter,
  toEventData,
  toReadPosition,
  toRecordedEvent,
} from './recorded-event';

const metadata = {
  organisationId: 'org-1',
  actor: 'admin-1',
  correlationId: 'corr-1',
  causationId: null,
  timestamp: '2025-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

function clientEvent(overrides: Partial<AllStreamJSONRecordedEvent> = {}): AllStreamJSONRecordedEvent {
  return {
    streamId: 'batch-1',
    id: '6f1c2a40-5b43-4c1e-9d59-3c6a0f2d9e11',
    isJson: true,
    revision: 3n,
    type: 'BatchCreated',
    created: new Date('2025-01-01T00:00:00.000Z'),
    data: { batchId: '1', name: 'Spring' },
    metadata: { ...metadata },
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  } as AllStreamJSONRecordedEvent;
}

describe('isServiceEvent', () => {
  it("keeps this service's events and drops EventStoreDB's own", () => {
    expect(isServiceEvent('invitee-1', 'InviteeStaged')).toBe(true);
    expect(isServiceEvent('$stats-127.0.0.1:2113', '$statsCollected')).toBe(false);
    expect(isServiceEvent('$$invitee-1', '$metadata')).toBe(false);
    expect(isServiceEvent('$ce-invitee', '$>')).toBe(false);
  });

  it('keeps only the given stream prefixes when there are some', () => {
    const selection = { streamPrefixes: ['invitee-', 'batch-'] };
    expect(isServiceEvent('invitee-1', 'InviteeStaged', selection)).toBe(true);
    expect(isServiceEvent('batch-1', 'BatchCreated', selection)).toBe(true);
    expect(isServiceEvent('orders-1', 'OrderPlaced', selection)).toBe(false);
  });
});

describe('subscriptionFilter', () => {
  it('excludes system event types on the server by default', () => {
    expect(subscriptionFilter()).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it('filters on stream name prefixes when given', () => {
    expect(subscriptionFilter({ streamPrefixes: ['invitee-'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['invitee-'],
    });
  });
});

describe('toReadPosition', () => {
  it('starts at the start of the log without a position, or before the first event', () => {
    expect(toReadPosition(undefined)).toBe('start');
    expect(toReadPosition(-1n)).toBe('start');
  });

  it('builds the pair with the commit position in both halves', () => {
    expect(toReadPosition(0n)).toEqual({ commit: 0n, prepare: 0n });
    expect(toReadPosition(98765n)).toEqual({ commit: 98765n, prepare: 98765n });
  });
});

describe('toEventData', () => {
  const event: NewEvent = {
    id: 'b7d9…'.replace('…', '0'),
    type: 'BatchCreated',
    data: { name: 'Spring' },
    metadata,
  };

  it('passes the id through and sends data and metadata as JSON', () => {
    expect(toEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'BatchCreated',
      data: { name: 'Spring' },
      metadata,
    });
  });

  it('refuses data that is not JSON object, array or string', () => {
    expect(() => toEventData({ ...event, data: 42 })).toThrow(/BatchCreated/);
    expect(() => toEventData({ ...event, data: null })).toThrow(TypeError);
  });
});

describe('toRecordedEvent', () => {
  it("maps the client's event, its commit position becoming the position", () => {
    expect(toRecordedEvent(clientEvent())).toEqual({
      id: '6f1c2a40-5b43-4c1e-9d59-3c6a0f2d9e11',
      type: 'BatchCreated',
      streamId: 'batch-1',
      revision: 3n,
      position: 1234n,
      data: { batchId: '1', name: 'Spring' },
      metadata,
    });
  });

  it("uses the resolved event's commit position when the event has none", () => {
    const event = clientEvent({ position: undefined as never }) as ClientRecordedEvent;
    expect(toRecordedEvent(event, 77n).position).toBe(77n);
    expect(() => toRecordedEvent(event)).toThrow(/22\.6/);
  });

  it('parses JSON written as bytes, and refuses bytes that are not JSON', () => {
    const bytes = {
      isJson: false,
      data: Buffer.from('{"a":1}'),
      metadata: Buffer.from(JSON.stringify(metadata)),
    };
    const binary = { ...clientEvent(), ...bytes } as unknown as ClientRecordedEvent;
    expect(toRecordedEvent(binary)).toMatchObject({ data: { a: 1 }, metadata });
    const garbage = {
      ...clientEvent(),
      isJson: false,
      data: Buffer.from([0xff, 0x00]),
    } as unknown as ClientRecordedEvent;
    expect(() => toRecordedEvent(garbage)).toThrow(/not JSON/);
  });
});
