import { crc32 } from 'node:zlib';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { addLazyBody } from './lazy-event-body';

/**
 * One event is one record of the log file. All integers are little-endian.
 *
 *   0  u32  magic "EVR1" (lets the damage check find record starts after a bad record)
 *   4  u32  length of the whole record, header included
 *   8  u32  CRC-32 of bytes 12..length
 *  12  u32  index of the record within its write batch
 *  16  u32  number of records in that write batch
 *  20  u64  global position
 *  28  u64  revision within the stream
 *  36  u16  stream id length | 38 u16 event id length | 40 u16 type length | 42 u16 zero
 *  44  stream id, event id, type (UTF-8), then the JSON body `[metadata, data]`
 *
 * The batch fields let the opener tell a torn last write (cut it off: nothing in it was acknowledged) from
 * damage to acknowledged data (refuse to open), and keep a multi-event append all-or-nothing.
 */
export const RECORD_MAGIC = Buffer.from('EVR1', 'latin1');
export const HEADER_BYTES = 44;
/** One event may not exceed this; it bounds what a damaged length field can make a scan read. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const MAX_STRING_BYTES = 0xffff;
const MAGIC_NUMBER = RECORD_MAGIC.readUInt32LE(0);
const CHECKED_FROM = 12;
const TWO_TO_32 = 2 ** 32;

const Field = {
  length: 4,
  checksum: 8,
  batchIndex: 12,
  batchSize: 16,
  position: 20,
  revision: 28,
  streamIdLength: 36,
  idLength: 38,
  typeLength: 40,
  reserved: 42,
} as const;

/** What the writer fills in when it commits a record; the rest is encoded up front. */
export interface RecordPlacement {
  batchIndex: number;
  batchSize: number;
  position: number;
  revision: number;
}

/** Why bytes at an offset are not a valid record. */
export type RecordProblem = 'not a record start' | 'implausible length' | 'cut short' | 'checksum mismatch';

/**
 * Encodes an event into its record, leaving the placement fields (position, revision, batch) and the
 * checksum for {@link sealRecord}. Done when the append is requested, so that the commit only copies bytes.
 */
export function encodeRecord(streamId: string, event: NewEvent): Buffer {
  const streamIdBytes = stringBytes(streamId, 'stream id');
  const idBytes = stringBytes(event.id, 'event id');
  const typeBytes = stringBytes(event.type, 'event type');
  // `[metadata, data]`, with data encoded ahead (NewEvent.encodedData) copied in as it is.
  const data = event.encodedData ?? JSON.stringify(event.data ?? null) ?? 'null';
  const body = [`[${JSON.stringify(event.metadata) ?? 'null'},`, data, ']'];
  let bodyBytes = 0;
  for (const part of body) bodyBytes += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  const length = HEADER_BYTES + streamIdBytes + idBytes + typeBytes + bodyBytes;
  if (length > MAX_RECORD_BYTES) {
    throw new RangeError(`Event ${event.id} is ${length} bytes encoded; the limit is ${MAX_RECORD_BYTES}`);
  }
  const record = Buffer.allocUnsafe(length);
  record.writeUInt32LE(MAGIC_NUMBER, 0);
  record.writeUInt32LE(length, Field.length);
  record.writeUInt16LE(streamIdBytes, Field.streamIdLength);
  record.writeUInt16LE(idBytes, Field.idLength);
  record.writeUInt16LE(typeBytes, Field.typeLength);
  record.writeUInt16LE(0, Field.reserved);
  let cursor = HEADER_BYTES;
  cursor += record.write(streamId, cursor, 'utf8');
  cursor += record.write(event.id, cursor, 'utf8');
  cursor += record.write(event.type, cursor, 'utf8');
  for (const part of body) {
    if (typeof part === 'string') cursor += record.write(part, cursor, 'utf8');
    else {
      record.set(part, cursor);
      cursor += part.length;
    }
  }
  return record;
}

/** Writes the placement fields of the record at `start` of `buffer`, then its checksum. */
export function sealRecord(buffer: Buffer, start: number, placement: RecordPlacement): void {
  buffer.writeUInt32LE(placement.batchIndex, start + Field.batchIndex);
  buffer.writeUInt32LE(placement.batchSize, start + Field.batchSize);
  writeUInt64(buffer, start + Field.position, placement.position);
  writeUInt64(buffer, start + Field.revision, placement.revision);
  const length = buffer.readUInt32LE(start + Field.length);
  buffer.writeUInt32LE(crc32(buffer.subarray(start + CHECKED_FROM, start + length)), start + Field.checksum);
}

/**
 * Checks the record at `start`, with `end` the end of the bytes available (the end of the file when the
 * buffer holds the file's last bytes). Returns the record's length, or what is wrong with it.
 */
export function checkRecord(buffer: Buffer, start: number, end: number): number | RecordProblem {
  const length = plausibleLength(buffer, start, end);
  if (typeof length !== 'number') return length;
  if (start + length > end) return 'cut short';
  const stored = buffer.readUInt32LE(start + Field.checksum);
  if (crc32(buffer.subarray(start + CHECKED_FROM, start + length)) !== stored) return 'checksum mismatch';
  return length;
}

/**
 * The record length the header at `start` announces, if the header looks like one (before the checksum is
 * known to hold). Needs the first {@link HEADER_BYTES} bytes; 'cut short' when fewer are available.
 */
export function plausibleLength(buffer: Buffer, start: number, end: number): number | RecordProblem {
  if (start + HEADER_BYTES > end) {
    return end - start >= 4 && buffer.readUInt32LE(start) !== MAGIC_NUMBER
      ? 'not a record start'
      : 'cut short';
  }
  if (buffer.readUInt32LE(start) !== MAGIC_NUMBER) return 'not a record start';
  const length = buffer.readUInt32LE(start + Field.length);
  const strings =
    buffer.readUInt16LE(start + Field.streamIdLength) +
    buffer.readUInt16LE(start + Field.idLength) +
    buffer.readUInt16LE(start + Field.typeLength);
  const batchSize = buffer.readUInt32LE(start + Field.batchSize);
  const batchIndex = buffer.readUInt32LE(start + Field.batchIndex);
  const consistent = length >= HEADER_BYTES + strings && length <= MAX_RECORD_BYTES && batchIndex < batchSize;
  return consistent ? length : 'implausible length';
}

export function recordPosition(buffer: Buffer, start: number): number {
  return readUInt64(buffer, start + Field.position);
}

export function recordRevision(buffer: Buffer, start: number): number {
  return readUInt64(buffer, start + Field.revision);
}

export function recordBatchIndex(buffer: Buffer, start: number): number {
  return buffer.readUInt32LE(start + Field.batchIndex);
}

export function recordBatchSize(buffer: Buffer, start: number): number {
  return buffer.readUInt32LE(start + Field.batchSize);
}

export function recordStreamId(buffer: Buffer, start: number): string {
  const from = start + HEADER_BYTES;
  return buffer.toString('utf8', from, from + buffer.readUInt16LE(start + Field.streamIdLength));
}

/** Where the event id's bytes lie, as [from, to) offsets into `buffer`. */
export function recordIdRange(buffer: Buffer, start: number): [number, number] {
  const from = start + HEADER_BYTES + buffer.readUInt16LE(start + Field.streamIdLength);
  return [from, from + buffer.readUInt16LE(start + Field.idLength)];
}

/** Bodies from this size on are parsed only when read (see {@link decodeRecord}). */
export const LAZY_BODY_BYTES = 16 * 1024;

/**
 * Decodes a record already checked by {@link checkRecord}. Every call returns fresh objects.
 *
 * A large JSON body (`metadata` and `data`, from LAZY_BODY_BYTES on) is parsed only when either field is first
 * read (see {@link addLazyBody}): subscribers read every event of the log but skip most after looking at its
 * type, and an upload's row chunks are hundreds of KB each, so parsing them for nothing cost more CPU and
 * garbage than the rest of the read. Small bodies, nearly all events, are parsed at once into plain objects,
 * which are faster to build and to read than accessors.
 */
export function decodeRecord(buffer: Buffer, start: number, length: number): RecordedEvent {
  const streamIdEnd = start + HEADER_BYTES + buffer.readUInt16LE(start + Field.streamIdLength);
  const idEnd = streamIdEnd + buffer.readUInt16LE(start + Field.idLength);
  const typeEnd = idEnd + buffer.readUInt16LE(start + Field.typeLength);
  const end = start + length;
  const id = buffer.toString('utf8', streamIdEnd, idEnd);
  const type = buffer.toString('utf8', idEnd, typeEnd);
  const streamId = buffer.toString('utf8', start + HEADER_BYTES, streamIdEnd);
  const revision = BigInt(readUInt64(buffer, start + Field.revision));
  const position = BigInt(readUInt64(buffer, start + Field.position));
  if (end - typeEnd < LAZY_BODY_BYTES) {
    const [metadata, data] = JSON.parse(buffer.toString('utf8', typeEnd, end)) as [EventMetadata, unknown];
    return { id, type, data, metadata, streamId, revision, position };
  }
  // The body's accessors go in between, so that the keys keep the order of the eager events above.
  const event = { id, type } as RecordedEvent;
  addLazyBody(event, buffer, typeEnd, end);
  event.streamId = streamId;
  event.revision = revision;
  event.position = position;
  return event;
}

function stringBytes(value: string, what: string): number {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`The ${what} must be a non-empty string`);
  const bytes = Buffer.byteLength(value);
  if (bytes > MAX_STRING_BYTES) throw new RangeError(`The ${what} is longer than ${MAX_STRING_BYTES} bytes`);
  return bytes;
}

function writeUInt64(buffer: Buffer, offset: number, value: number): void {
  buffer.writeUInt32LE(value % TWO_TO_32, offset);
  buffer.writeUInt32LE(Math.floor(value / TWO_TO_32), offset + 4);
}

function readUInt64(buffer: Buffer, offset: number): number {
  return buffer.readUInt32LE(offset + 4) * TWO_TO_32 + buffer.readUInt32LE(offset);
}
