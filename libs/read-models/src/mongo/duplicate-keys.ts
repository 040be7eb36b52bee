/** MongoDB's error code for a unique-index violation. */
export const DUPLICATE_KEY_CODE = 11000;

interface ServerErrorShape {
  code?: unknown;
  writeErrors?: unknown;
  /** A bulk write's write-concern error: the writes may not have reached a majority. */
  err?: unknown;
}

/** Whether a driver error (a single write, or an ordered bulk write stopped by it) is a unique-index violation. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as ServerErrorShape;
  return shape.code === DUPLICATE_KEY_CODE || writeErrorsOf(shape)[0]?.code === DUPLICATE_KEY_CODE;
}

/**
 * Whether an unordered bulk write failed only where a document's key was taken: by a newer version of the same
 * document (the position guard's filter missed it, so the upsert tried to insert it again), or by another
 * document holding a unique key. Either way the write is not to be applied; every other write went through.
 */
export function failedOnlyOnDuplicateKeys(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as ServerErrorShape;
  const writeErrors = writeErrorsOf(shape);
  if (shape.err !== undefined && shape.err !== null) return false;
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY_CODE);
}

function writeErrorsOf(error: ServerErrorShape): { code?: unknown }[] {
  const { writeErrors } = error;
  if (Array.isArray(writeErrors)) return writeErrors as { code?: unknown }[];
  return typeof writeErrors === 'object' && writeErrors !== null ? [writeErrors as { code?: unknown }] : [];
}
