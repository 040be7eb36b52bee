import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { aTempDirectory } from '../embedded/testing/temp-directory';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { FileKeyStore } from './file-key-store';
import { PersonalDataStore, SEALED_FIELD, type PersonalDataRule } from './personal-data-store';

const metadata: EventMetadata = {
  organisationId: 'org-1',
  actor: 'admin',
  correlationId: 'c',
  causationId: null,
  timestamp: '2026-12-05T00:00:00.000Z',
  schemaVersion: 1,
};

const personRule: PersonalDataRule = {
  clear: ({ person: _person, ...clear }) => clear,
  erased: (clear) => ({ ...clear, person: { email: '[erased]' }, erased: true }),
};

const event = (id: string, type: string, data: unknown): NewEvent => ({ id, type, data, metadata });

async function world() {
  const directory = await aTempDirectory();
  const inner = new InMemoryEventStore();
  const keys = await FileKeyStore.open(directory.path);
  const store = new PersonalDataStore(inner, {
    keys,
    rules: { PersonStaged: personRule },
    keyDestroyingTypes: ['PersonErased'],
    streamIdSecret: Buffer.from('a server secret'),
    keyedStreamPrefixes: ['seat-'],
  });
  const stored = async (): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for await (const recorded of inner.readAll()) all.push(recorded);
    return all;
  };
  const read = async (): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for await (const recorded of store.readAll()) all.push(recorded);
    return all;
  };
  return { inner, keys, store, stored, read, dispose: directory.remove };
}

const staged = event('e1', 'PersonStaged', {
  personId: 'p1',
  person: { email: 'ann@example.com', name: 'Ann' },
});

describe('the log with personal data kept out of it', () => {
  it('stores a personal event with only its clear fields readable, and reads it back whole', async () => {
    const { store, stored, read, dispose } = await world();
    await store.append(
      'person-p1',
      [staged, event('e2', 'PersonNoted', { personId: 'p1', note: 'kept' })],
      'any',
    );

    const [sealed, plain] = await stored();
    expect(JSON.stringify(sealed.data)).not.toContain('ann@example.com');
    expect(JSON.stringify(sealed.data)).not.toContain('Ann');
    expect(sealed.data).toEqual({ personId: 'p1', [SEALED_FIELD]: expect.any(String) });
    expect(plain.data).toEqual({ personId: 'p1', note: 'kept' });
    expect((await read()).map((recorded) => recorded.data)).toEqual([staged.data, plain.data]);
    const fromStream: unknown[] = [];
    for await (const recorded of store.readStream('person-p1')) fromStream.push(recorded.data);
    expect(fromStream).toEqual([staged.data, plain.data]);
    await dispose();
  });

  it('seals data encoded ahead (its bytes) the same way', async () => {
    const { store, stored, read, dispose } = await world();
    const bytes = Buffer.from(JSON.stringify(staged.data));
    await store.append('person-p1', [{ ...staged, data: { personId: 'p1' }, encodedData: bytes }], 'any');
    expect(JSON.stringify((await stored())[0].data)).not.toContain('ann@example.com');
    expect((await read())[0].data).toEqual(staged.data);
    await dispose();
  });

  it('reads a personal event as erased once its key is destroyed, and refuses to write personal data again', async () => {
    const { store, keys, read, dispose } = await world();
    await store.append('person-p1', [staged], 'any');
    await store.append(
      'person-p2',
      [event('e3', 'PersonStaged', { personId: 'p2', person: { email: 'bo@x.io' } })],
      'any',
    );

    await keys.destroy(['person-p1']);
    await store.append('person-p1', [event('e4', 'PersonErased', { personId: 'p1' })], 'any');

    const [erased, other, erasure] = await read();
    expect(erased.data).toEqual({ personId: 'p1', person: { email: '[erased]' }, erased: true });
    expect(other.data).toEqual({ personId: 'p2', person: { email: 'bo@x.io' } });
    expect(erasure.type).toBe('PersonErased');
    await expect(
      store.append('person-p1', [event('e5', 'PersonStaged', staged.data)], 'any'),
    ).rejects.toThrow('was erased');
    await dispose();
  });

  it('delivers subscribed events opened, as reads do', async () => {
    const { store, dispose } = await world();
    await store.append('person-p1', [staged], 'any');
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      const subscription = store.subscribeToAll(
        (recorded) => {
          seen.push(recorded.data);
        },
        { onCaughtUp: () => void subscription.stop().then(resolve) },
      );
    });
    expect(seen).toEqual([staged.data]);
    await dispose();
  });

  it('opens an event once for all its subscribers, until a key is destroyed', async () => {
    const { store, dispose } = await world();
    await store.append('person-p1', [staged], 'any');
    const delivered = async (): Promise<RecordedEvent> =>
      new Promise((resolve) => {
        const subscription = store.subscribeToAll((recorded) => {
          void subscription.stop().then(() => resolve(recorded));
        });
      });
    const [first, second] = [await delivered(), await delivered()];
    expect(second).toBe(first);
    expect(first.data).toEqual(staged.data);

    await store.keys.destroy(['person-p1']);
    const after = await delivered();
    expect(after).not.toBe(first);
    expect(after.data).toEqual({ personId: 'p1', person: { email: '[erased]' }, erased: true });
    await dispose();
  });

  it('stores streams keyed by personal data under a keyed HMAC, and finds them by their plain id', async () => {
    const { store, inner, dispose } = await world();
    await store.append(
      'seat-pool1|email|ann@example.com',
      [event('s1', 'SeatReserved', { by: 'p1' })],
      'no_stream',
    );
    expect(await store.streamRevision('seat-pool1|email|ann@example.com')).toBe(0n);
    const [stored] = await (async () => {
      const all: RecordedEvent[] = [];
      for await (const recorded of inner.readAll()) all.push(recorded);
      return all;
    })();
    expect(stored.streamId).toMatch(/^seat-[0-9a-f]{64}$/);
    expect(stored.streamId).not.toContain('ann');
    expect(await inner.streamRevision('seat-pool1|email|ann@example.com')).toBeNull();
    await dispose();
  });
});
