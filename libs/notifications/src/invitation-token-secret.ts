import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'invitation-token-secret';
const MIN_BYTES = 32;

/**
 * The secret invitation tokens are derived with (`deriveInvitationToken`): INVITATION_TOKEN_SECRET when set (base64
 * or text, at least 32 bytes); otherwise one generated once and kept in DATA_DIR/invitation-token-secret (mode 0600),
 * as the JWT secret is. Whoever holds it can compute the link of any pending invitation whose ids they know, so it
 * is kept like the JWT secret and never written to the log.
 */
export async function resolveInvitationTokenSecret(
  configured: string | null,
  dataDir: string,
): Promise<Buffer> {
  if (configured) return secretOf(configured);
  const path = join(dataDir, FILE);
  try {
    return secretOf((await readFile(path, 'utf8')).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(MIN_BYTES).toString('base64url');
  try {
    await writeFile(path, secret, { mode: 0o600, flag: 'wx' });
    return secretOf(secret);
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return secretOf((await readFile(path, 'utf8')).trim());
    throw error;
  }
}

/** The secret's bytes: its text as UTF-8 (a base64 secret is used as written: its entropy is in its characters). */
function secretOf(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < MIN_BYTES) {
    throw new Error(`INVITATION_TOKEN_SECRET must be at least ${MIN_BYTES} bytes long`);
  }
  return bytes;
}
