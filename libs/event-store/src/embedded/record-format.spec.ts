import { EventStoreCorruptionError, type NewEvent, type RecordedEvent } from '../event-store.port';
import { anEvent } from '../testing/event-fixtures';
import { LAZY_BODY_BYTES, checkRecord, decodeRecord, encodeRecord, sealRecord } from './record-format';

describe('decodeRecord of a large body', () => {
  const streamId = 'invitee-7f1c';
  const position = 2 ** 33 + 5;
  const revision = 41;
  /** Bytes before the record, so that offsets into the buffer are exercised, not just offset 0. */
  const lead = 13;

  let appended: NewEvent;
  let buffer: Buffer;
  let length: number;

  beforeEach(() => {
    appended = anEvent('lazy', {
      data: {
        rows: [{ email: 'a@example.org', line: 1 }],
        note: 'élan',
        padding: 'x'.repeat(LAZY_BODY_BYTES),
      },
    });
    ({ buffer, length } = sealedRecord(appended));
  });

  afterEach(() => jest.restoreAllMocks());

  function sealedRecord(event: NewEvent, damageBody = false): { buffer: Buffer; length: number } {
    const record = encodeRecord(streamId, event);
    const bytes = Buffer.alloc(lead + record.length + 7, 0xee);
    record.copy(bytes, lead);
    // A body damaged before sealing passes the checksum: what reaches the parser is not JSON.
    if (damageBody) bytes[lead + record.length - 1] = '}'.charCodeAt(0);
    sealRecord(bytes, lead, { batchIndex: 0, batchSize: 1, position, revision });
    const checked = checkRecord(bytes, lead, bytes.length);
    if (typeof checked !== 'number') throw new Error(`the test record fails its check: ${checked}`);
    return { buffer: bytes, length: checked };
  }

  const decode = (): RecordedEvent => decodeRecord(buffer, lead, length);

  it('decodes the header fields without parsing the body', () => {
    const parse = jest.spyOn(JSON, 'parse');

    const event = decode();

    expect([event.id, event.type, event.streamId, event.revision, event.position]).toEqual([
      appended.id,
      appended.type,
      streamId,
      BigInt(revision),
      BigInt(position),
    ]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses the body once, on the first read of data, for both; the metadata alone when it is read first', () => {
    const parse = jest.spyOn(JSON, 'parse');
    const first = decode();
    const second = decode();

    expect(first.data).toEqual(appended.data);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(first.metadata).toEqual(appended.metadata);
    expect(first.data).toBe(first.data);
    expect(parse).toHaveBeenCalledTimes(1);

    expect(second.metadata).toEqual(appended.metadata);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(parse.mock.calls[1][0].length).toBeLessThan(LAZY_BODY_BYTES);
    expect(second.metadata).toBe(second.metadata);
    expect(second.data).toEqual(appended.data);
    expect(second.data).toBe(second.data);
    expect(parse).toHaveBeenCalledTimes(3);
  });

  it('finds the end of metadata whose strings hold braces, quotes and escapes', () => {
    appended = {
      ...appended,
      metadata: { ...appended.metadata, actorName: 'Ada "}" \\ O\'Brien', correlationId: '{{[' },
    };
    ({ buffer, length } = sealedRecord(appended));
    const parse = jest.spyOn(JSON, 'parse');
    const event = decode();
    expect(event.metadata).toEqual(appended.metadata);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0][0].length).toBeLessThan(LAZY_BODY_BYTES);
    expect(event.data).toEqual(appended.data);
  });

  it('keeps the parsed values, not the bytes they came from', () => {
    const event = decode();
    const { data, metadata } = event;

    buffer.fill(0);

    expect(event.data).toBe(data);
    expect(event.metadata).toBe(metadata);
    expect(event.data).toEqual(appended.data);
  });

  it('shows data and metadata as ordinary fields to spreading, JSON, keys, cloning and equality', () => {
    const event = decode();
    const plain = {
      id: appended.id,
      type: appended.type,
      data: appended.data,
      metadata: appended.metadata,
      streamId,
      revision: BigInt(revision),
      position: BigInt(position),
    };

    expect(Object.keys(event)).toEqual([
      'id',
      'type',
      'data',
      'metadata',
      'streamId',
      'revision',
      'position',
    ]);
    expect({ ...event }).toStrictEqual(plain);
    expect(event).toStrictEqual(plain);
    // toEqual: under jest, structuredClone builds its objects in another realm (a plain object's clone fails
    // toStrictEqual with itself too).
    expect(structuredClone(event)).toEqual(plain);
    const json = (value: RecordedEvent) =>
      JSON.stringify(value, (_, field: unknown) => (typeof field === 'bigint' ? field.toString() : field));
    expect(JSON.parse(json(event))).toEqual(JSON.parse(json(plain as RecordedEvent)));
  });

  it('gives every decode its own objects', () => {
    const first = decode();
    const second = decode();

    expect(first).not.toBe(second);
    expect(first.data).not.toBe(second.data);
    expect(first.metadata).not.toBe(second.metadata);
    (first.data as { rows: unknown[] }).rows.push('changed');
    first.metadata.actor = 'someone else';
    expect(second.data).toEqual(appended.data);
    expect(second.metadata).toEqual(appended.metadata);
  });

  it('lets data and metadata be replaced, before or after they are read', () => {
    const event = decode();

    event.data = { replaced: true };

    expect(event.data).toEqual({ replaced: true });
    expect(event.metadata).toEqual(appended.metadata);
    event.metadata = { ...event.metadata, schemaVersion: 2 };
    expect(event.metadata.schemaVersion).toBe(2);
    expect({ ...event }.data).toEqual({ replaced: true });
  });

  it('still reads when the event is frozen', () => {
    const event = Object.freeze(decode());

    expect(event.data).toEqual(appended.data);
    expect(event.metadata).toEqual(appended.metadata);
  });

  it('reports a body that is not JSON as damage at the event, when the body is first read', () => {
    ({ buffer, length } = sealedRecord(appended, true));

    const event = decode();

    expect(event.type).toBe(appended.type);
    const read = () => event.data;
    expect(read).toThrow(EventStoreCorruptionError);
    expect(read).toThrow(`event ${appended.id} at position ${position}`);
    expect(() => event.metadata).toThrow(EventStoreCorruptionError);
  });
});

describe('decodeRecord of a small body', () => {
  it('parses it at once into plain fields (most events: faster to build and read than accessors)', () => {
    const appended = anEvent('small', { data: { email: 'a@example.org' } });
    const record = encodeRecord('invitee-1', appended);
    sealRecord(record, 0, { batchIndex: 0, batchSize: 1, position: 3, revision: 0 });
    const length = checkRecord(record, 0, record.length) as number;

    const event = decodeRecord(record, 0, length);

    expect(Object.getOwnPropertyDescriptor(event, 'data')).toMatchObject({ value: appended.data });
    expect(event).toEqual({ ...appended, streamId: 'invitee-1', revision: 0n, position: 3n });
  });
});

describe('encodeRecord of data encoded ahead (NewEvent.encodedData)', () => {
  /** The record sealed at one placement: every byte decided, none left as allocated. */
  const sealed = (event: NewEvent): Buffer => {
    const record = encodeRecord('upload-1', event);
    sealRecord(record, 0, { batchIndex: 0, batchSize: 1, position: 7, revision: 2 });
    return record;
  };

  it('writes the same record as for the data itself', () => {
    const rows = [[1, 'zoë@example.com', null, ['FIRST_NAME'], false]];
    const plain = anEvent('chunk', { data: { uploadId: 'u-1', chunk: 0, rows } });
    const ahead = {
      ...plain,
      data: { uploadId: 'u-1' },
      encodedData: Buffer.from(JSON.stringify(plain.data)),
    };
    expect(sealed(ahead).equals(sealed(plain))).toBe(true);
  });

  it('reads back as the data its bytes encode', () => {
    const data = { uploadId: 'u-1', chunk: 0, rows: [[1, 'zoë@example.com']] };
    const record = encodeRecord('upload-1', {
      ...anEvent('chunk'),
      encodedData: new TextEncoder().encode(JSON.stringify(data)),
    });
    sealRecord(record, 0, { batchIndex: 0, batchSize: 1, position: 7, revision: 2 });
    expect(decodeRecord(record, 0, record.length).data).toEqual(data);
  });
});
