import { join } from 'node:path';
import { EventStoreCorruptionError } from '../event-store.port';
import { readCleanCloseMark, type CleanCloseMark } from './clean-close';
import { DirectoryLock } from './directory-lock';
import { LOG_FILE_NAME } from './embedded-event-store';
import { FileWindow } from './file-window';
import { LogIndex } from './log-index';
import { diagnoseLog, type LogRepair, type PreviousStop } from './log-recovery';
import { asLogFile, ReadOnlyLogFile } from './read-only-log';

/** A stretch of the log file that is not a valid record. */
export interface DamagedStretch {
  fromByte: number;
  /** Where the next valid record starts, or the end of the file. */
  toByte: number;
  problem: string;
}

/** What `ops verify` found in a stopped store's log, and what the next open will do with it. */
export interface LogVerification {
  file: string;
  bytes: number;
  previousStop: PreviousStop;
  cleanClose: CleanCloseMark | null;
  /** Records whose checksum holds, wherever they are in the file. */
  validRecords: number;
  /** Every stretch of bytes that is not a valid record, in file order. */
  damage: DamagedStretch[];
  /**
   * intact: the next open changes nothing; torn-tail: it cuts `repair` off (a write never acknowledged);
   * damaged: it refuses to open (`message` says why, as the open will).
   */
  verdict: 'intact' | 'torn-tail' | 'damaged';
  /** The whole write batches from the start up to the first problem: the log's sound prefix. */
  soundEvents: number;
  soundBytes: number;
  repair: LogRepair | null;
  message: string | null;
}

/**
 * Checks every record of the embedded log in `directory` against its checksum and tells what the next open will
 * do, without changing anything (a read-only handle; no lock taken, no mark removed, nothing cut). Meant for a
 * stopped store: see {@link embeddedStoreHolder}.
 */
export async function verifyEmbeddedLog(
  directory: string,
  options: { readChunkBytes?: number } = {},
): Promise<LogVerification> {
  const chunkBytes = options.readChunkBytes ?? 1024 * 1024;
  const closeState = await readCleanCloseMark(directory);
  const file = await ReadOnlyLogFile.open(join(directory, LOG_FILE_NAME));
  try {
    const bytes = await file.size();
    const read = (into: Buffer, offset: number, length: number) => file.readExactly(into, offset, length);
    const index = new LogIndex();
    const base = { file: file.path, bytes, cleanClose: closeState.mark };
    let diagnosis;
    try {
      diagnosis = await diagnoseLog(
        new FileWindow(asLogFile(file), bytes, chunkBytes),
        file.path,
        bytes,
        index,
        closeState,
        read,
      );
    } catch (error) {
      if (!(error instanceof EventStoreCorruptionError)) throw error;
      const previousStop: PreviousStop = closeState.mark !== null ? 'clean' : 'unclean';
      diagnosis = { kind: 'damaged' as const, previousStop, message: error.message };
    }
    const listing = await listDamage(new FileWindow(asLogFile(file), bytes, chunkBytes), bytes);
    return {
      ...base,
      previousStop: diagnosis.previousStop,
      validRecords: listing.validRecords,
      damage: listing.damage,
      verdict: diagnosis.kind,
      soundEvents: index.count,
      soundBytes: index.endOffset,
      repair: diagnosis.kind === 'torn-tail' ? diagnosis.repair : null,
      message: diagnosis.kind === 'damaged' ? diagnosis.message : null,
    };
  } finally {
    await file.close();
  }
}

/** The process that has the store in `directory` open now, or null (the store is stopped). Changes nothing. */
export function embeddedStoreHolder(directory: string): Promise<number | null> {
  return DirectoryLock.holder(directory);
}

/** Walks the whole file: each valid record, and each stretch between them that is not one. */
async function listDamage(
  window: FileWindow,
  size: number,
): Promise<{ validRecords: number; damage: DamagedStretch[] }> {
  let validRecords = 0;
  const damage: DamagedStretch[] = [];
  let offset = 0;
  while (offset < size) {
    const checked = await window.checkAt(offset);
    if (typeof checked === 'number') {
      validRecords += 1;
      offset += checked;
      continue;
    }
    const next = await nextValidRecord(window, offset + 1);
    damage.push({ fromByte: offset, toByte: next ?? size, problem: checked });
    offset = next ?? size;
  }
  return { validRecords, damage };
}

async function nextValidRecord(window: FileWindow, from: number): Promise<number | null> {
  for (let candidate = await window.nextMagic(from); candidate !== null;) {
    if (typeof (await window.checkAt(candidate)) === 'number') return candidate;
    candidate = await window.nextMagic(candidate + 1);
  }
  return null;
}
