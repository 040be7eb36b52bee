import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random IV per value, authenticated with `context` (the subject and the event id, so that a
 * sealed value cannot be moved to another event or person unnoticed). Sealed: base64 of IV, tag, ciphertext.
 */
export function seal(key: Buffer, plaintext: Uint8Array, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/**
 * The same for a large value (an upload's rows), written straight into the JSON bytes of its event: `head` (the
 * event's clear fields, JSON up to the opening quote of the sealed field), then `<base64 of IV and tag>.<base64 of
 * the ciphertext>`, then `"}`. No copy of the ciphertext is made but its base64, written in place.
 */
export function sealInto(key: Buffer, plaintext: Uint8Array, context: string, head: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = cipher.update(plaintext);
  cipher.final();
  const prefix = Buffer.concat([iv, cipher.getAuthTag()]).toString('base64');
  const headBytes = Buffer.byteLength(head, 'utf8');
  const bodyChars = Math.ceil(body.length / 3) * 4;
  const out = Buffer.allocUnsafe(headBytes + prefix.length + 1 + bodyChars + 2);
  let at = out.write(head, 0, 'utf8');
  at += out.write(`${prefix}.`, at, 'latin1');
  at += out.write(body.toString('base64'), at, 'latin1');
  at += out.write('"}', at, 'latin1');
  return out.subarray(0, at);
}

/** The plaintext of a sealed value; throws when the key or context is not the one it was sealed with. */
export function unseal(key: Buffer, sealed: string, context: string): Buffer {
  const dot = sealed.indexOf('.');
  const bytes = Buffer.from(dot < 0 ? sealed : sealed.slice(0, dot), 'base64');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const body = dot < 0 ? bytes.subarray(IV_BYTES + TAG_BYTES) : Buffer.from(sealed.slice(dot + 1), 'base64');
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
