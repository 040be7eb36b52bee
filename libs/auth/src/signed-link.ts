import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links a browser can open without a bearer token (a report to download): the link carries its expiry and an
 * HMAC-SHA256, under a secret only the service holds, of what it is for (e.g. the duplicates report, the upload,
 * the organisation) and of that expiry. Changing any of them, or using it after it expires, is refused.
 */
export interface LinkSignature {
  /** Unix seconds after which the link no longer works. */
  expires: number;
  /** base64url HMAC-SHA256 of the link's purpose and expiry. */
  signature: string;
}

export function signLink(secret: string, purpose: readonly string[], expires: number): LinkSignature {
  return { expires, signature: hmac(secret, purpose, expires) };
}

/** Why a link is refused, or null when it is good (signed for this purpose, and not expired at `now`). */
export function linkRefusal(
  secret: string,
  purpose: readonly string[],
  link: { expires?: string; signature?: string },
  now: Date,
): 'invalid' | 'expired' | null {
  const expires = Number(link.expires);
  if (!link.signature || !Number.isSafeInteger(expires)) return 'invalid';
  const expected = Buffer.from(hmac(secret, purpose, expires), 'utf8');
  const given = Buffer.from(link.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now.getTime() >= expires * 1000 ? 'expired' : null;
}

function hmac(secret: string, purpose: readonly string[], expires: number): string {
  // Fields are joined by a character none of them holds (ids, names): no two purposes sign alike.
  return createHmac('sha256', secret)
    .update([...purpose, String(expires)].join('\u001f'), 'utf8')
    .digest('base64url');
}
