import {
  KEY_DESTROYING_EVENT_TYPES,
  PERSONAL_DATA_RULES,
  PERSONAL_KEYED_STREAM_PREFIXES,
} from '@invitations/domain';
import {
  FileKeyStore,
  PersonalDataStore,
  SEALED_FIELD,
  type NewEvent,
  type RecordedEvent,
} from '@invitations/event-store';
import { aTempDirectory, InMemoryEventStore } from '@invitations/event-store/testing';
import { appendGeneratedLog, generateInvitationLog } from '@invitations/read-models/testing';

const PERSON_FIELDS = new Set([
  'email',
  'firstName',
  'middleNames',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'mobile',
]);

/** Every string value in an event's data that is a person's: emails, names, dates of birth, mobiles. */
function personalValues(event: NewEvent): string[] {
  const values: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value && typeof value === 'object')
      for (const [name, inner] of Object.entries(value)) visit(inner, name);
    else if (typeof value === 'string' && PERSON_FIELDS.has(key)) values.push(value);
  };
  visit(event.data, '');
  return values;
}

async function everything(store: { readAll(): AsyncIterable<RecordedEvent> }): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('personal data in the log, for every event type the service writes', () => {
  it('is found nowhere in what is stored, and reads back as it was written', async () => {
    const directory = await aTempDirectory();
    const inner = new InMemoryEventStore();
    const store = new PersonalDataStore(inner, {
      keys: await FileKeyStore.open(directory.path),
      rules: PERSONAL_DATA_RULES,
      keyDestroyingTypes: KEY_DESTROYING_EVENT_TYPES,
      streamIdSecret: Buffer.from('secret'),
      keyedStreamPrefixes: PERSONAL_KEYED_STREAM_PREFIXES,
    });
    const log = generateInvitationLog({
      organisations: 2,
      poolsPerOrganisation: 2,
      batchesPerPool: 2,
      inviteesPerBatch: 15,
      lifecycle: true,
      deliveries: true,
    });
    await appendGeneratedLog(store, log);

    const written = log.steps.flat().flatMap((append) => append.events);
    const personal = new Set(written.flatMap(personalValues).filter((value) => value.length > 3));
    expect(personal.size).toBeGreaterThan(100);
    const types = new Set(written.map((event) => event.type));
    // The generated log covers the person-carrying types the rules name (uploads have their own tests).
    expect([...types].filter((type) => PERSONAL_DATA_RULES[type])).toEqual(
      expect.arrayContaining(['InviteeStaged', 'InviteeCorrected', 'PassportCreated']),
    );

    const stored = await everything(inner);
    // What is readable without a key: the stream ids and every field but the ciphertext (whose base64 may hold any
    // short word by chance).
    const readable = (data: unknown) => {
      const { [SEALED_FIELD]: sealed, ...clear } = data as Record<string, unknown>;
      return { clear, sealed: typeof sealed };
    };
    const storedText = JSON.stringify(stored.map(({ streamId, data }) => [streamId, readable(data)]));
    const leaked = [...personal].filter((value) => storedText.includes(JSON.stringify(value).slice(1, -1)));
    expect(leaked).toEqual([]);
    expect(stored.some((event) => event.streamId.startsWith('pool-seat-'))).toBe(true);

    const read = new Map((await everything(store)).map((event) => [event.id, event.data]));
    expect(read.size).toBe(written.length);
    for (const event of written) expect(read.get(event.id)).toEqual(event.data);
    await directory.remove();
  });
});
