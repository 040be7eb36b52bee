import { EventStoreCorruptionError } from '../event-store.port';
import { hashIdBytes, type IdHash } from './event-id-index';
import { FileWindow } from './file-window';
import type { LogFile } from './log-file';
import type { LogIndex } from './log-index';
import {
  recordBatchIndex,
  recordBatchSize,
  recordIdRange,
  recordPosition,
  recordRevision,
  recordStreamId,
  type RecordProblem,
} from './record-format';

export interface RecoveryReport {
  /** Bytes cut off the end of the file: a torn last write (or an unfinished batch) that was never acknowledged. */
  truncatedBytes: number;
}

export interface ScannedRecord {
  streamId: string;
  idHash: IdHash;
  offset: number;
  length: number;
  revision: number;
  batchSize: number;
}

/**
 * Reads the whole log at open, checking every record, and fills the index with every complete write batch.
 *
 * A write batch is written with one write and acknowledged only after fdatasync, and the next batch is
 * written only after that. So a crash can damage only the last batch, and nothing in it was acknowledged:
 * if the first bad record is followed by nothing but pieces of its own batch, the tail is cut off at the
 * end of the last complete batch (which also keeps a multi-event append all-or-nothing). If a record of a
 * later batch follows the damage, acknowledged data is damaged: that is an {@link EventStoreCorruptionError}.
 */
export async function recoverLog(
  file: LogFile,
  index: LogIndex,
  chunkBytes: number,
): Promise<RecoveryReport> {
  const fileSize = await file.size();
  const window = new FileWindow(file, fileSize, chunkBytes);
  const scan = await scanValidPrefix(window, fileSize, index);
  if (scan.problem !== null) {
    await refuseIfLaterBatchFollows(
      window,
      file.path,
      scan.problemOffset + 1,
      index.count,
      scan.problem,
      scan.problemOffset,
    );
  }
  const truncatedBytes = fileSize - index.endOffset;
  if (truncatedBytes > 0) await file.truncateDurably(index.endOffset);
  return { truncatedBytes };
}

interface ScanOutcome {
  problem: RecordProblem | 'out of sequence' | null;
  problemOffset: number;
}

async function scanValidPrefix(window: FileWindow, fileSize: number, index: LogIndex): Promise<ScanOutcome> {
  let batch: ScannedRecord[] = [];
  let offset = 0;
  while (offset < fileSize) {
    const checked = await window.checkAt(offset);
    if (typeof checked !== 'number') return { problem: checked, problemOffset: offset };
    const record = readScannedRecord(window, offset, checked);
    if (!continuesLog(window, offset, index.count + batch.length, batch)) {
      return { problem: 'out of sequence', problemOffset: offset };
    }
    batch.push(record);
    offset += checked;
    if (batch.length === record.batchSize) {
      addBatch(index, batch);
      batch = [];
    }
  }
  return { problem: null, problemOffset: offset };
}

/** The indexable facts of the record at `offset` (already checked), read from the window. */
export function readScannedRecord(window: FileWindow, offset: number, length: number): ScannedRecord {
  const at = offset - window.start;
  const [idFrom, idTo] = recordIdRange(window.buffer, at);
  return {
    streamId: recordStreamId(window.buffer, at),
    idHash: hashIdBytes(window.buffer, idFrom, idTo),
    offset,
    length,
    revision: recordRevision(window.buffer, at),
    batchSize: recordBatchSize(window.buffer, at),
  };
}

/** A valid record continues the log if it has the next position and the next place in the current batch. */
function continuesLog(window: FileWindow, offset: number, position: number, batch: ScannedRecord[]): boolean {
  const at = offset - window.start;
  const batchIndex = recordBatchIndex(window.buffer, at);
  const sameBatchSize = batch.length === 0 || recordBatchSize(window.buffer, at) === batch[0].batchSize;
  return recordPosition(window.buffer, at) === position && batchIndex === batch.length && sameBatchSize;
}

function addBatch(index: LogIndex, batch: ScannedRecord[]): void {
  for (const record of batch) {
    const revision = index.add(record.streamId, record.idHash, record.offset, record.length);
    if (revision !== record.revision) {
      throw new EventStoreCorruptionError(
        `Event store log is inconsistent at byte ${record.offset}: the event of stream revision ${record.revision} ` +
          `comes where revision ${revision} was expected.`,
      );
    }
  }
}

/**
 * Looks past the damage for a valid record of a later write batch than the one being written when the damage
 * happened (which starts at position `tornBatchStart`).
 */
async function refuseIfLaterBatchFollows(
  window: FileWindow,
  path: string,
  from: number,
  tornBatchStart: number,
  problem: string,
  problemOffset: number,
): Promise<void> {
  for (let candidate = await window.nextMagic(from); candidate !== null;) {
    const checked = await window.checkAt(candidate);
    if (typeof checked === 'number') {
      const at = candidate - window.start;
      const position = recordPosition(window.buffer, at);
      if (position - recordBatchIndex(window.buffer, at) !== tornBatchStart) {
        throw new EventStoreCorruptionError(
          `Event store log ${path} is damaged at byte ${problemOffset} (where the event of position ` +
            `${tornBatchStart} or later should start: ${problem}), and acknowledged events follow it ` +
            `(a valid record of position ${position} at byte ${candidate}). This is not a torn last write, ` +
            `so the store will not open rather than drop them. Restore the file from a backup.`,
        );
      }
    }
    candidate = await window.nextMagic(candidate + (typeof checked === 'number' ? checked : 1));
  }
}
