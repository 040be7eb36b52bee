import { WrongExpectedVersionError, type AppendExpectedRevision } from '@eventstore/db-client';
import { WrongExpectedRevisionError, type ExpectedRevision } from '../event-store.port';
import {
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  satisfiesExpectedRevision,
  toClientExpectedRevision,
  toPortError,
} from './expected-revision';

describe('expected revision mapping', () => {
  const pairs: [ExpectedRevision, AppendExpectedRevision][] = [
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [0n, 0n],
    [41n, 41n],
  ];

  it.each(pairs)('maps the port %p to the client %p', (port, client) => {
    expect(toClientExpectedRevision(port)).toBe(client);
  });

  it.each(pairs)('maps the client back: port %p from client %p', (port, client) => {
    expect(fromClientExpectedRevision(client)).toBe(port);
  });

  it("reads the client's current revision, `no_stream` becoming null", () => {
    expect(fromClientCurrentRevision(7n)).toBe(7n);
    expect(fromClientCurrentRevision(0n)).toBe(0n);
    expect(fromClientCurrentRevision('no_stream')).toBeNull();
    expect(fromClientCurrentRevision(undefined)).toBeNull();
  });
});

describe('toPortError', () => {
  it("turns the client's WrongExpectedVersionError into the port's error with the actual revision", () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'batch-1',
      expected: 4n,
      current: 6n,
    });
    const error = toPortError(clientError, 'batch-1', 2n);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 'batch-1', expected: 2n, actual: 6n });
  });

  it('reports a missing stream as actual null', () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'batch-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(toPortError(clientError, 'batch-1', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: null,
    });
  });

  it('returns any other error unchanged', () => {
    const other = new Error('unavailable');
    expect(toPortError(other, 'batch-1', 'any')).toBe(other);
  });
});

describe('satisfiesExpectedRevision', () => {
  it.each<[ExpectedRevision, bigint | null, boolean]>([
    ['any', null, true],
    ['any', 3n, true],
    ['no_stream', null, true],
    ['no_stream', 0n, false],
    ['stream_exists', null, false],
    ['stream_exists', 0n, true],
    [2n, 2n, true],
    [2n, 3n, false],
    [0n, null, false],
  ])('expected %p, actual %p: %p', (expected, actual, result) => {
    expect(satisfiesExpectedRevision(expected, actual)).toBe(result);
  });
});
