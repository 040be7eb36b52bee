import { DuplicateKeyError } from '../read-store.port';

export const DUPLICATE_KEY_CODE = 11000;

interface ServerErrorShape {
  code?: unknown;
  keyValue?: unknown;
  errmsg?: unknown;
  message?: unknown;
  writeErrors?: unknown;
}

/** Whether the driver's error (single write or ordered bulk write) is a unique-index violation. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as ServerErrorShape;
  return shape.code === DUPLICATE_KEY_CODE || firstWriteError(shape)?.code === DUPLICATE_KEY_CODE;
}

/** The port's DuplicateKeyError for a duplicate-key error, or the error itself for any other. */
export function toDuplicateKeyError(error: unknown, collection: string): unknown {
  if (!isDuplicateKeyError(error)) return error;
  return new DuplicateKeyError(collection, duplicateKeyOf(error as ServerErrorShape));
}

/**
 * The violated key. Single writes carry it as `keyValue`; the driver drops it from bulk write errors, whose
 * message still says `dup key: { email: "..." }`, parsed here as well as it can be.
 */
function duplicateKeyOf(error: ServerErrorShape): Record<string, unknown> {
  if (isRecord(error.keyValue)) return error.keyValue;
  const message = firstWriteError(error)?.errmsg ?? error.errmsg ?? error.message;
  return typeof message === 'string' ? parseDupKey(message) : {};
}

function firstWriteError(error: ServerErrorShape): { code?: unknown; errmsg?: unknown } | undefined {
  const writeErrors = error.writeErrors;
  const first: unknown = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  return isRecord(first) ? (first as { code?: unknown; errmsg?: unknown }) : undefined;
}

/** Reads the `dup key: { a: "x", b.c: 1 }` part of a server message (mongo shell syntax, not JSON). */
export function parseDupKey(message: string): Record<string, unknown> {
  const start = message.indexOf('dup key: {');
  const end = message.lastIndexOf('}');
  if (start < 0 || end < start) return {};
  const body = message.slice(start + 'dup key: {'.length, end);
  const key: Record<string, unknown> = {};
  const pair = /\s*([^:,\s]*)\s*:\s*("(?:[^"\\]|\\.)*"|[^,]*?)\s*(?:,|$)/gy;
  for (let match = pair.exec(body); match && match[0] !== ''; match = pair.exec(body)) {
    key[match[1]] = parseShellValue(match[2]);
  }
  return key;
}

function parseShellValue(text: string): unknown {
  if (text.startsWith('"')) return JSON.parse(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text; // ObjectId('...'), dates and the like: kept as the server wrote them
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
