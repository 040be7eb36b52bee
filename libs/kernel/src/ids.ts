import { randomUUID } from 'node:crypto';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

/** The namespace of this service's name-based (v5) UUIDs. */
const NAMESPACE = '3f1c2a9e-7d4b-4c61-9a57-1b2f0e8d6c45';
/**
 * Its bytes, parsed once: given a string, uuid parses the namespace on every call, and turns the name into bytes
 * one character at a time; ids are derived for every event and message, so both are done here once or natively.
 */
const NAMESPACE_BYTES = parseUuid(NAMESPACE);
const UTF8 = new TextEncoder();

export const newId = (): string => randomUUID();

/** A UUID derived from the given parts: the same parts always give the same id (idempotent retries). */
export const deriveId = (...parts: string[]): string =>
  uuidv5(UTF8.encode(parts.join('\u001f')), NAMESPACE_BYTES);
