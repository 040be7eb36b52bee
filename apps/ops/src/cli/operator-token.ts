import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mintDevToken } from '@invitations/auth';
import { OPS_ROLE } from '@invitations/auth';
import type { ServiceConfig } from '@invitations/runtime';
import { UsageError } from './usage-error';

/**
 * The bearer token for the gateway's operator endpoint: the one given with --token, or a short-lived one with the
 * `ops` role signed with the gateway's own secret (JWT_SECRET, or DATA_DIR/jwt-secret as the embedded gateway keeps
 * it). Unlike `token`, this never creates a secret: a new one would not be the running gateway's. Its `amr` is
 * `swk` (proof of possession of a software-held key: the gateway's own), which JWT_REQUIRE_MFA accepts: whoever
 * holds that key could sign any token anyway.
 */
export async function operatorToken(given: string | undefined, config: ServiceConfig): Promise<string> {
  if (given) return given;
  if (config.jwt.jwksUrl) {
    throw new UsageError(
      'JWT_JWKS_URL is set: pass --token with a token of your identity provider that has the ops role',
    );
  }
  const secret = config.jwt.secret ?? (await storedSecret(config.dataDir));
  return mintDevToken(secret, {
    org: 'operators',
    sub: 'ops-cli',
    roles: [OPS_ROLE],
    amr: ['swk'],
    expiresIn: '15m',
  });
}

async function storedSecret(dataDir: string): Promise<string> {
  const path = join(dataDir, 'jwt-secret');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new UsageError(
      `No JWT_SECRET and no ${path}: set JWT_SECRET or DATA_DIR as the gateway has them, or pass --token`,
    );
  }
}
