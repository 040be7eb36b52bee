import { hash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** The namespace of this service's name-based (v5) UUIDs. */
const NAMESPACE = '3f1c2a9e-7d4b-4c61-9a57-1b2f0e8d6c45';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
const SEPARATOR = '\u001f';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Where a name is written after the namespace to be hashed (synchronously: one at a time); grown as needed. */
let scratch = Buffer.alloc(1024);
NAMESPACE_BYTES.copy(scratch);

export const newId = (): string => randomUUID();

/**
 * A UUID derived from the given parts: the same parts always give the same id (idempotent retries). A name-based
 * (v5) UUID of the parts joined by U+001F, in this service's namespace: exactly what `uuid`'s v5 answers, computed
 * here with one SHA-1 over a reused buffer (a large upload derives millions of ids; `uuid` checks and parses the
 * namespace, and builds a few arrays, at each call).
 */
export const deriveId = (...parts: string[]): string => {
  const name = parts.join(SEPARATOR);
  // `uuid` reads the name through encodeURIComponent, which refuses lone surrogates: so does this, through it.
  if (LONE_SURROGATE.test(name)) return uuidv5(name, NAMESPACE);
  const needed = NAMESPACE_BYTES.length + Buffer.byteLength(name, 'utf8');
  if (needed > scratch.length) {
    scratch = Buffer.alloc(Math.max(needed, scratch.length * 2));
    NAMESPACE_BYTES.copy(scratch);
  }
  scratch.write(name, NAMESPACE_BYTES.length, 'utf8');
  const hex = hash('sha1', scratch.subarray(0, needed), 'hex');
  // Version 5 in the 13th hex digit; the variant (10xx) in the 17th.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
