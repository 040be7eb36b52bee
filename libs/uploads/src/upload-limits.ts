/** How much one upload may hold. Every limit is counted while the file streams in. */
export interface UploadLimits {
  /** The file's size in bytes. */
  maxBytes: number;
  /** Data rows (blank lines and the header are not rows). */
  maxRows: number;
  /** Characters in one field. */
  maxFieldLength: number;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxBytes: 35 * 1024 * 1024,
  maxRows: 150_000,
  maxFieldLength: 256,
});

export function uploadLimits(overrides: Partial<UploadLimits> = {}): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, ...withoutUndefined(overrides) };
}

/**
 * The longest record (one row, quoted line breaks included) a valid file can hold, in bytes: eight fields
 * of maxFieldLength characters of up to 4 UTF-8 bytes each, every one of them doubled by quoting, with room
 * to spare. A longer record is a quote left open; the limit stops the parser from buffering the rest of
 * the file (and re-scanning it on every chunk) while it looks for the closing quote.
 */
export function maxRecordBytes(limits: UploadLimits): number {
  return 64 * 1024 + 8 * limits.maxFieldLength * 4 * 2;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
