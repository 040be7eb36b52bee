import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** The namespace of this service's name-based (v5) UUIDs. */
const NAMESPACE = '3f1c2a9e-7d4b-4c61-9a57-1b2f0e8d6c45';

export const newId = (): string => randomUUID();

/** A UUID derived from the given parts: the same parts always give the same id (idempotent retries). */
export const deriveId = (...parts: string[]): string => uuidv5(parts.join('\u001f'), NAMESPACE);
