import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The HS256 secret: JWT_SECRET when set; otherwise, for the embedded default, one generated once and kept in
 * DATA_DIR/jwt-secret (mode 0600) so that tokens survive restarts and `npm run token` can sign with it.
 */
export function resolveJwtSecret(configured: string | null, dataDir: string): Promise<string> {
  return resolveKeptSecret(configured, dataDir, 'jwt-secret');
}

/**
 * A secret of the service: the configured one when set; otherwise one generated once and kept in
 * DATA_DIR/<fileName> (mode 0600), so that what it signed survives restarts.
 */
export async function resolveKeptSecret(
  configured: string | null,
  dataDir: string,
  fileName: string,
): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, fileName);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFile(path, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(path, 'utf8')).trim();
    throw error;
  }
}
