import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The one-time token of an invitation, prefixed with the invitee's id (a UUID, no personal data) so that accepting
 * needs no lookup by token. Only its SHA-256 hash is ever stored.
 * Format: base64url(16 bytes of the invitee's UUID ‖ 32 bytes), 64 characters. The 32 bytes are the HMAC-SHA256
 * of the invitation's id under the service's token secret (`deriveInvitationToken`): the service alone can compute
 * the same token again (for a reminder, an extension), and nothing secret is written to the log. Tokens issued
 * before that were 32 random bytes (`issueInvitationToken`); their hashes are on record and keep working.
 */
const ID_BYTES = 16;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;

export interface IssuedToken {
  token: string;
  tokenHash: string;
}

export function issueInvitationToken(inviteeId: string): IssuedToken {
  const id = Buffer.from(inviteeId.replace(/-/g, ''), 'hex');
  if (id.length !== ID_BYTES) throw new Error('inviteeId must be a UUID');
  const token = Buffer.concat([id, randomBytes(SECRET_BYTES)]).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The invitation's token, derived from its id under the secret: the same invitation always gets the same token. */
export function deriveInvitationToken(
  secret: Uint8Array,
  inviteeId: string,
  invitationId: string,
): IssuedToken {
  const id = Buffer.from(inviteeId.replace(/-/g, ''), 'hex');
  if (id.length !== ID_BYTES) throw new Error('inviteeId must be a UUID');
  const mac = createHmac('sha256', secret).update(`invitation-token\u001f${invitationId}`, 'utf8').digest();
  const token = Buffer.concat([id, mac]).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The invitee a token claims to be for, and its hash; null when it is not even shaped like a token. */
export function readInvitationToken(token: string): { inviteeId: string; tokenHash: string } | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const hex = Buffer.from(token, 'base64url').subarray(0, ID_BYTES).toString('hex');
  const inviteeId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { inviteeId, tokenHash: hashInvitationToken(token) };
}
