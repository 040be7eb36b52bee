import { UploadRejectedError } from './field-error';
import { UploadLimits, maxRecordBytes } from './upload-limits';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  /** At the start of a field: a quote here opens a quoted value. */
  FieldStart,
  /** Inside an unquoted value: a quote here is an ordinary character (as fast-csv reads it). */
  Unquoted,
  Quoted,
  /** Just after a quote inside a quoted value: a second quote is an escaped quote, anything else closes. */
  QuoteInQuoted,
  /** After a closed quoted value and blanks: only a delimiter or a line end may follow. */
  Closed,
}

/**
 * Reads the raw bytes ahead of fast-csv and refuses, at the first byte that shows it, a file that is too
 * large, a record longer than any valid row could be, or broken quoting, naming the physical line.
 *
 * fast-csv only notices an unclosed quote at the very end of the stream, after buffering everything that
 * follows it and re-scanning that growing buffer on every chunk: a 35 MB file with a stray quote on line 2
 * would take hours. Checking here keeps that bounded. Working on bytes is safe because every byte of a
 * multi-byte UTF-8 character is >= 0x80, so it can never be mistaken for a quote, delimiter or line end.
 */
export class CsvByteGuard {
  private bytes = 0;
  private line = 1;
  private recordBytes = 0;
  private state = State.FieldStart;
  private quoteOpenedOnLine = 0;
  private previousWasCr = false;
  private readonly delimiter: number;
  private readonly recordLimit: number;

  constructor(
    delimiter: string,
    private readonly limits: UploadLimits,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.recordLimit = maxRecordBytes(limits);
  }

  /** Checks the next chunk of the file; throws UploadRejectedError at the first problem. */
  admit(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) {
      throw UploadRejectedError.because(
        `The file is larger than the limit of ${formatBytes(this.limits.maxBytes)}.`,
      );
    }
    let recordStart = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      // Fast path for most bytes: an ordinary character (any byte after '"' but the delimiter) in or out of a value.
      if (
        byte > QUOTE &&
        byte !== this.delimiter &&
        (this.state === State.Unquoted || this.state === State.Quoted)
      ) {
        this.previousWasCr = false;
        continue;
      }
      if (this.step(byte)) {
        this.checkRecordLength(this.recordBytes + i - recordStart);
        this.recordBytes = 0;
        recordStart = i + 1;
      }
    }
    this.recordBytes += chunk.length - recordStart;
    this.checkRecordLength(this.recordBytes);
  }

  /** Call once the whole file has been admitted. */
  end(): void {
    if (this.state === State.Quoted) {
      throw UploadRejectedError.because(
        `Line ${this.quoteOpenedOnLine} of the file: a quoted value is never closed (a " is missing).`,
        this.quoteOpenedOnLine,
      );
    }
  }

  /** Advances over one byte; answers true when the byte ends a record. */
  private step(byte: number): boolean {
    this.countLine(byte);
    switch (this.state) {
      case State.Quoted:
        if (byte === QUOTE) this.state = State.QuoteInQuoted;
        return false;
      case State.QuoteInQuoted:
        if (byte === QUOTE) {
          this.state = State.Quoted;
          return false;
        }
        this.state = State.Closed;
        return this.afterClosingQuote(byte);
      case State.Closed:
        return this.afterClosingQuote(byte);
      default:
        return this.outsideQuotes(byte);
    }
  }

  private outsideQuotes(byte: number): boolean {
    if (byte === LF || byte === CR) {
      this.state = State.FieldStart;
      return true;
    }
    if (byte === this.delimiter) {
      this.state = State.FieldStart;
    } else if (this.state === State.FieldStart && byte === QUOTE) {
      this.state = State.Quoted;
      this.quoteOpenedOnLine = this.line;
    } else if (byte !== SPACE && byte !== TAB) {
      // fast-csv skips blanks before an opening quote, so they keep the field at its start.
      this.state = State.Unquoted;
    }
    return false;
  }

  private afterClosingQuote(byte: number): boolean {
    // The delimiter first: it may be a tab (Excel's "Unicode Text").
    if (byte === this.delimiter || byte === LF || byte === CR) return this.outsideQuotes(byte);
    if (byte === SPACE || byte === TAB) return false;
    throw UploadRejectedError.because(
      `Line ${this.line} of the file: a closing " must be followed by the delimiter or the end of the line ` +
        `(a " inside a quoted value is written "").`,
      this.line,
    );
  }

  /** Counts physical lines, ended by LF, CRLF or a lone CR. */
  private countLine(byte: number): void {
    if (byte === CR || (byte === LF && !this.previousWasCr)) this.line += 1;
    this.previousWasCr = byte === CR;
  }

  private checkRecordLength(length: number): void {
    if (length > this.recordLimit) {
      const opened =
        this.state === State.Quoted
          ? ` A quote opened on line ${this.quoteOpenedOnLine} may be missing its closing ".`
          : '';
      throw UploadRejectedError.because(
        `Line ${this.line} of the file: a row is longer than any valid row can be (${formatBytes(this.recordLimit)}).${opened}`,
        this.line,
      );
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
