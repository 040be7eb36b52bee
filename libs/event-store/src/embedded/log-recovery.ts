import { dirname } from 'node:path';
import { EventStoreCorruptionError } from '../event-store.port';
import {
  CLEAN_CLOSE_FILE_NAME,
  tailChecksum,
  type CleanCloseMark,
  type CleanCloseState,
} from './clean-close';
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

/** How the process before this open stopped: closed cleanly (a mark), not (a crash, kill -9), or no log yet. */
export type PreviousStop = 'clean' | 'unclean' | 'none';

/** A torn last write cut off at open: the bytes and the events that were never acknowledged. */
export interface LogRepair {
  /** Where the cut began: the end of the last whole write batch. */
  fromByte: number;
  cutBytes: number;
  /** Whole records (their checksum holds) in the bytes cut: events of the unfinished write, never acknowledged. */
  cutEvents: number;
  /** The position the first of them had, which the next append gets. */
  firstPositionCut: number;
  /** The first byte that did not continue the log, and what was wrong there. */
  problemOffset: number;
  problem: string;
}

export interface RecoveryReport {
  previousStop: PreviousStop;
  /** Bytes cut off the end of the file (0 when nothing was repaired). */
  truncatedBytes: number;
  repair: LogRepair | null;
  /** What the open has to say to an operator: the repair, or a mark it could not read. */
  warnings: string[];
}

/** What the log's bytes say, before anything is changed. */
export type LogDiagnosis =
  | { kind: 'intact'; previousStop: PreviousStop; warnings: string[] }
  | { kind: 'torn-tail'; previousStop: PreviousStop; repair: LogRepair; warnings: string[] }
  | { kind: 'damaged'; previousStop: PreviousStop; offset: number; message: string };

export interface ScannedRecord {
  streamId: string;
  idHash: IdHash;
  offset: number;
  length: number;
  revision: number;
  batchSize: number;
}

/**
 * Reads the whole log at open, checking every record, fills the index with every complete write batch, and
 * cuts off a torn last write; refuses to open (EventStoreCorruptionError) when acknowledged data is damaged.
 * See {@link diagnoseLog} for how the two are told apart.
 */
export async function recoverLog(
  file: LogFile,
  index: LogIndex,
  chunkBytes: number,
  closeState: CleanCloseState,
): Promise<RecoveryReport> {
  const fileSize = await file.size();
  const window = new FileWindow(file, fileSize, chunkBytes);
  const diagnosis = await diagnoseLog(
    window,
    file.path,
    fileSize,
    index,
    closeState,
    (into, offset, length) => file.readExactly(into, offset, length),
  );
  if (diagnosis.kind === 'damaged') throw new EventStoreCorruptionError(diagnosis.message);
  if (diagnosis.kind === 'intact') {
    return {
      previousStop: diagnosis.previousStop,
      truncatedBytes: 0,
      repair: null,
      warnings: diagnosis.warnings,
    };
  }
  const { repair } = diagnosis;
  await file.truncateDurably(repair.fromByte);
  return {
    previousStop: diagnosis.previousStop,
    truncatedBytes: repair.cutBytes,
    repair,
    warnings: [...diagnosis.warnings, repairWarning(file.path, repair)],
  };
}

/**
 * Tells what the log's bytes are, filling `index` with every complete write batch before the first problem.
 *
 * A write batch is written with one write and acknowledged only after fdatasync, and the next batch is
 * written only after that. So a crash can damage only the last batch, and nothing in it was acknowledged:
 * if the first bad record is followed by nothing but pieces of its own batch, it is a torn tail, to be cut at
 * the end of the last complete batch (which also keeps a multi-event append all-or-nothing). If a valid record
 * of a later batch follows the damage, acknowledged data is damaged.
 *
 * A clean close leaves a mark (see {@link CleanCloseMark}): after one, every byte of the log was acknowledged,
 * so any difference at all is damage, even one that would pass for a torn tail (say, the end of the log zeroed
 * across its last batches, leaving nothing valid after the damage).
 */
export async function diagnoseLog(
  window: FileWindow,
  path: string,
  fileSize: number,
  index: LogIndex,
  closeState: CleanCloseState,
  read: (into: Buffer, offset: number, length: number) => Promise<void>,
): Promise<LogDiagnosis> {
  const scan = await scanValidPrefix(window, path, fileSize, index);
  if (closeState.mark !== null) {
    return checkAgainstMark(closeState.mark, scan, { path, fileSize, index, read });
  }
  const previousStop: PreviousStop = fileSize === 0 ? 'none' : 'unclean';
  const warnings = closeState.unreadable
    ? [`${closeState.unreadable}: opened as after an unclean stop, since the log itself is whole.`]
    : [];
  if (scan.problem === null && scan.pending.length === 0) return { kind: 'intact', previousStop, warnings };

  const torn = scan.pending.length > 0 ? scan.pending[0] : null;
  let problemOffset = fileSize;
  let problem = `the write batch from byte ${torn?.offset} ends after ${scan.pending.length} of its ${torn?.batchSize} events`;
  let sameBatchAfter = 0;
  if (scan.problem !== null) {
    problemOffset = scan.problemOffset;
    problem = describeProblem(scan.problem);
    const later = await findLaterBatch(window, scan.problemOffset + 1, index.count);
    if (later.record !== null) {
      return {
        kind: 'damaged',
        previousStop,
        offset: problemOffset,
        message:
          `Event store log ${path} is damaged at byte ${problemOffset} (where the event of position ` +
          `${index.count + scan.pending.length} should start: ${problem}), and acknowledged events follow it ` +
          `(a valid record of position ${later.record.position} at byte ${later.record.offset}). This is not a ` +
          `torn last write. ${whatToDo(path)}`,
      };
    }
    sameBatchAfter = later.sameBatchRecords;
  }
  if (closeState.unreadable) {
    return {
      kind: 'damaged',
      previousStop,
      offset: problemOffset,
      message:
        `Event store log ${path} has damage at its end, from byte ${problemOffset} (${problem}), and its ` +
        `clean-close mark cannot be read (${closeState.unreadable}), so whether the damage is a torn last write ` +
        `or damage to acknowledged events cannot be told. ${whatToDo(path)}`,
    };
  }
  return {
    kind: 'torn-tail',
    previousStop,
    warnings,
    repair: {
      fromByte: index.endOffset,
      cutBytes: fileSize - index.endOffset,
      cutEvents: scan.pending.length + sameBatchAfter,
      firstPositionCut: index.count,
      problemOffset,
      problem,
    },
  };
}

interface ScanOutcome {
  problem: RecordProblem | 'out of sequence' | null;
  problemOffset: number;
  /** The valid records of a write batch not yet whole where the scan stopped. */
  pending: ScannedRecord[];
}

async function scanValidPrefix(
  window: FileWindow,
  path: string,
  fileSize: number,
  index: LogIndex,
): Promise<ScanOutcome> {
  let batch: ScannedRecord[] = [];
  let offset = 0;
  while (offset < fileSize) {
    const checked = await window.checkAt(offset);
    if (typeof checked !== 'number') return { problem: checked, problemOffset: offset, pending: batch };
    const record = readScannedRecord(window, offset, checked);
    if (!continuesLog(window, offset, index.count + batch.length, batch)) {
      return { problem: 'out of sequence', problemOffset: offset, pending: batch };
    }
    batch.push(record);
    offset += checked;
    if (batch.length === record.batchSize) {
      addBatch(index, batch, path);
      batch = [];
    }
  }
  return { problem: null, problemOffset: offset, pending: batch };
}

/** After a clean close the log must be exactly as the mark describes it. */
async function checkAgainstMark(
  mark: CleanCloseMark,
  scan: ScanOutcome,
  log: {
    path: string;
    fileSize: number;
    index: LogIndex;
    read: (into: Buffer, offset: number, length: number) => Promise<void>;
  },
): Promise<LogDiagnosis> {
  const { path, fileSize, index } = log;
  const damaged = (offset: number, what: string): LogDiagnosis => ({
    kind: 'damaged',
    previousStop: 'clean',
    offset,
    message:
      `Event store log ${path} was closed cleanly (${mark.length} bytes, ${mark.events} events, at ` +
      `${mark.closedAt}; see ${CLEAN_CLOSE_FILE_NAME} beside it), so every byte of it was acknowledged, but it is ` +
      `damaged at byte ${offset}: ${what}${sizeChange(fileSize, mark.length)}. ${whatToDo(path)}`,
  });
  if (scan.problem !== null && scan.problemOffset < Math.max(mark.length, 1)) {
    const position = index.count + scan.pending.length;
    return damaged(
      scan.problemOffset,
      `${describeProblem(scan.problem)}, where the event of position ${position} should start`,
    );
  }
  if (scan.pending.length > 0 && scan.pending[0].offset < mark.length) {
    const torn = scan.pending[0];
    return damaged(
      torn.offset,
      `the write batch there holds ${scan.pending.length} of its ${torn.batchSize} events, the rest missing`,
    );
  }
  if (fileSize < mark.length)
    return damaged(fileSize, `the log ends there, short of its length at the close`);
  if (fileSize > mark.length) return damaged(mark.length, `bytes were added after the close`);
  if (index.count !== mark.events) {
    return damaged(
      index.endOffset,
      `it holds ${index.count} events, not the ${mark.events} it held at the close`,
    );
  }
  const tail = await tailChecksum(log.read, fileSize);
  if (tail.tailBytes !== mark.tailBytes || tail.tailCrc32 !== mark.tailCrc32) {
    return damaged(
      fileSize - mark.tailBytes,
      `its last ${mark.tailBytes} bytes, from that byte on, read differently from when it was closed`,
    );
  }
  return { kind: 'intact', previousStop: 'clean', warnings: [] };
}

/** A scan's finding in an operator's words. */
function describeProblem(problem: RecordProblem | 'out of sequence'): string {
  switch (problem) {
    case 'not a record start':
      return 'no record starts there';
    case 'implausible length':
      return 'a record header with an impossible length';
    case 'cut short':
      return 'a record cut short by the end of the file';
    case 'checksum mismatch':
      return 'a record whose checksum does not match its bytes';
    case 'out of sequence':
      return 'a whole record that does not continue the log (not the next position in its batch)';
  }
}

function sizeChange(fileSize: number, closedLength: number): string {
  if (fileSize === closedLength) return '';
  return fileSize < closedLength
    ? ` (the log is ${fileSize} bytes, ${closedLength - fileSize} fewer than at the close)`
    : ` (the log is ${fileSize} bytes, ${fileSize - closedLength} more than at the close)`;
}

/** What an operator does when the log refuses to open (see docs/operations.md). */
function whatToDo(path: string): string {
  const directory = dirname(path);
  return (
    `The store will not open rather than lose or hide acknowledged events. Keep a copy of ${directory} as it is, ` +
    `run \`npm run ops -- verify\` (with the same DATA_DIR) to list every damaged record, and restore ${directory} ` +
    `from a backup (the whole directory). See "When the event log refuses to open" in docs/operations.md.`
  );
}

function repairWarning(path: string, repair: LogRepair): string {
  const events =
    repair.cutEvents === 0
      ? 'no whole event'
      : `${repair.cutEvents} whole event${repair.cutEvents === 1 ? '' : 's'} from position ${repair.firstPositionCut}`;
  return (
    `Event store log ${path}: the process before this one stopped without closing it (a crash or kill -9) in ` +
    `the middle of a write. Cut off that torn last write: ${repair.cutBytes} bytes from byte ${repair.fromByte} ` +
    `(${events}, never acknowledged; ${repair.problem} at byte ${repair.problemOffset}). Every acknowledged event ` +
    `is kept; the next event gets position ${repair.firstPositionCut}.`
  );
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

function addBatch(index: LogIndex, batch: ScannedRecord[], path: string): void {
  for (const record of batch) {
    const revision = index.add(record.streamId, record.idHash, record.offset, record.length);
    if (revision !== record.revision) {
      throw new EventStoreCorruptionError(
        `Event store log ${path} is inconsistent at byte ${record.offset}: the event of stream revision ` +
          `${record.revision} comes where revision ${revision} was expected. ${whatToDo(path)}`,
      );
    }
  }
}

/**
 * Looks past the damage for a valid record of a later write batch than the one being written when the damage
 * happened (which starts at position `tornBatchStart`), counting the valid records of that batch met on the way.
 */
async function findLaterBatch(
  window: FileWindow,
  from: number,
  tornBatchStart: number,
): Promise<{ record: { position: number; offset: number } | null; sameBatchRecords: number }> {
  let sameBatchRecords = 0;
  for (let candidate = await window.nextMagic(from); candidate !== null;) {
    const checked = await window.checkAt(candidate);
    if (typeof checked === 'number') {
      const at = candidate - window.start;
      const position = recordPosition(window.buffer, at);
      if (position - recordBatchIndex(window.buffer, at) !== tornBatchStart) {
        return { record: { position, offset: candidate }, sameBatchRecords };
      }
      sameBatchRecords += 1;
    }
    candidate = await window.nextMagic(candidate + (typeof checked === 'number' ? checked : 1));
  }
  return { record: null, sameBatchRecords };
}
