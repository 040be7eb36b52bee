import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { syncDirectory } from './log-file';

/** Beside the log in the store's directory: written by a clean close, removed by the next open. */
export const CLEAN_CLOSE_FILE_NAME = 'events.log.closed';
/** How much of the log's end the mark's checksum covers. */
export const CLEAN_CLOSE_TAIL_BYTES = 64 * 1024;

/**
 * The mark a clean close leaves: the log's length, its event count and a checksum of its end. Every byte of a
 * cleanly closed log was acknowledged (the close waits for the appends in flight), so at the next open any
 * difference at all, whether a record that fails its check, a length that changed, or an end that reads
 * differently, is damage to acknowledged data, never a torn last write.
 */
export interface CleanCloseMark {
  length: number;
  events: number;
  /** How many bytes at the end of the log the checksum covers (the whole log when shorter). */
  tailBytes: number;
  /** CRC-32 of the last `tailBytes` bytes. */
  tailCrc32: number;
  closedAt: string;
}

/** What the store's directory says of the last stop: a mark, none (a crash, or a new store), or one unreadable. */
export type CleanCloseState = { mark: CleanCloseMark } | { mark: null; unreadable?: string };

/** Reads the bytes [offset, offset + length) of the log. */
export type ReadBytes = (into: Buffer, offset: number, length: number) => Promise<void>;

export async function tailChecksum(
  read: ReadBytes,
  length: number,
): Promise<{ tailBytes: number; tailCrc32: number }> {
  const tailBytes = Math.min(length, CLEAN_CLOSE_TAIL_BYTES);
  const tail = Buffer.allocUnsafe(tailBytes);
  if (tailBytes > 0) await read(tail, length - tailBytes, tailBytes);
  return { tailBytes, tailCrc32: crc32(tail) };
}

/** Writes the mark durably (a temporary file, synced, renamed over, the directory synced). */
export async function writeCleanCloseMark(directory: string, mark: CleanCloseMark): Promise<void> {
  const path = join(directory, CLEAN_CLOSE_FILE_NAME);
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(mark)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(directory);
}

export async function readCleanCloseMark(directory: string): Promise<CleanCloseState> {
  let text: string;
  try {
    text = await readFile(join(directory, CLEAN_CLOSE_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { mark: null };
    throw error;
  }
  try {
    const mark = JSON.parse(text) as Partial<CleanCloseMark>;
    const whole = ['length', 'events', 'tailBytes', 'tailCrc32'].every((key) =>
      Number.isSafeInteger(mark[key as keyof CleanCloseMark]),
    );
    if (whole && typeof mark.closedAt === 'string') return { mark: mark as CleanCloseMark };
  } catch {
    // not JSON: reported as unreadable below
  }
  return { mark: null, unreadable: `${join(directory, CLEAN_CLOSE_FILE_NAME)} is not a clean-close mark` };
}

/**
 * Removes the mark once the open has checked the log, and makes that durable before anything is appended: a
 * mark left in place would describe a log that has since grown, and a crash would then look like damage.
 */
export async function removeCleanCloseMark(directory: string): Promise<void> {
  try {
    await unlink(join(directory, CLEAN_CLOSE_FILE_NAME));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await syncDirectory(directory);
}
