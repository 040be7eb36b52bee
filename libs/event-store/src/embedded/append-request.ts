import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { hashIdBytes, type IdHash } from './event-id-index';
import { encodeRecord, recordIdRange } from './record-format';

/** One append waiting for the writer, its events already encoded. */
export interface AppendRequest {
  streamId: string;
  expected: ExpectedRevision;
  ids: readonly string[];
  idHashes: readonly IdHash[];
  /** Encoded records, placement fields still blank. */
  records: readonly Buffer[];
  bytes: number;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

/**
 * Encodes the events of an append when it is requested, so that the writer only has to decide, copy bytes
 * and fill in the placement fields. Throws if an event cannot be stored (e.g. an empty id, a huge event).
 */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  resolve: (result: AppendResult) => void,
  reject: (error: Error) => void,
): AppendRequest {
  const ids: string[] = [];
  const idHashes: IdHash[] = [];
  const records: Buffer[] = [];
  let bytes = 0;
  for (const event of events) {
    const record = encodeRecord(streamId, event);
    const [idFrom, idTo] = recordIdRange(record, 0);
    ids.push(event.id);
    idHashes.push(hashIdBytes(record, idFrom, idTo));
    records.push(record);
    bytes += record.length;
  }
  return { streamId, expected, ids, idHashes, records, bytes, resolve, reject };
}
