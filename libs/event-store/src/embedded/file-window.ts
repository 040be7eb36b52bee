import type { LogFile } from './log-file';
import {
  checkRecord,
  HEADER_BYTES,
  plausibleLength,
  RECORD_MAGIC,
  type RecordProblem,
} from './record-format';

/**
 * A sliding window over the log file for the scans done at open: reads large chunks, and exposes the bytes
 * of [start, end) of the file in `buffer` (at buffer offset 0).
 */
export class FileWindow {
  buffer: Buffer;
  start = 0;
  end = 0;

  constructor(
    private readonly file: LogFile,
    private readonly fileSize: number,
    private readonly chunkBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Makes the window cover [offset, offset + bytes), or up to the end of the file if that comes first. */
  async load(offset: number, bytes: number): Promise<void> {
    if (offset >= this.start && Math.min(offset + bytes, this.fileSize) <= this.end) return;
    const size = Math.min(Math.max(bytes, this.chunkBytes), this.fileSize - offset);
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
    await this.file.readExactly(this.buffer, offset, size);
    this.start = offset;
    this.end = offset + size;
  }

  /** Loads and checks the record at `offset`; its bytes then start at `offset - start` in `buffer`. */
  async checkAt(offset: number): Promise<number | RecordProblem> {
    await this.load(offset, HEADER_BYTES);
    const length = plausibleLength(this.buffer, offset - this.start, this.end - this.start);
    if (typeof length === 'number' && offset + length > this.end) await this.load(offset, length);
    return checkRecord(this.buffer, offset - this.start, this.end - this.start);
  }

  /** The offset of the next record magic at or after `from`, or null if there is none. */
  async nextMagic(from: number): Promise<number | null> {
    let at = from;
    while (at < this.fileSize) {
      await this.load(at, this.chunkBytes);
      const loaded = this.buffer.subarray(0, this.end - this.start);
      const found = loaded.indexOf(RECORD_MAGIC, at - this.start);
      if (found >= 0) return this.start + found;
      if (this.end >= this.fileSize) return null;
      // The magic may straddle the window's end: look again from just before it.
      at = this.end - (RECORD_MAGIC.length - 1);
    }
    return null;
  }
}
