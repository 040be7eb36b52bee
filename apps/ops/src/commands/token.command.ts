import { DEV_TOKEN_LIFETIME, mintDevToken } from '@invitations/auth';
import { resolveJwtSecret } from '@invitations/auth';
import { ORG_ADMIN_ROLE } from '@invitations/auth';
import { loadConfig } from '@invitations/runtime';
import { UsageError } from '../cli/usage-error';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const usage = `npm run token -- --org ORG --sub USER [--role ROLE ...] [--name NAME] [--mfa] [--expires ${DEV_TOKEN_LIFETIME}]
  Prints a development admin token (HS256) signed with JWT_SECRET, or with the secret the embedded service keeps
  in DATA_DIR/jwt-secret. Roles default to org-admin; use --role ops for the operator endpoint.
  --name NAME     the admin's display name (the name claim), recorded with each change for the audit log
  --mfa           the admin signed in with a second factor (amr: ["pwd", "mfa"]), as JWT_REQUIRE_MFA=true needs
  --expires SPAN  how long the token lives (e.g. 15m, 2h; default ${DEV_TOKEN_LIFETIME})`;

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, {
    org: { type: 'string' },
    sub: { type: 'string' },
    role: { type: 'string', multiple: true },
    name: { type: 'string' },
    mfa: { type: 'boolean' },
    expires: { type: 'string', default: DEV_TOKEN_LIFETIME },
  });
  if (!values.org || !values.sub) throw new UsageError(`--org and --sub are required\n\n${usage}`);
  const config = loadConfig();
  if (config.jwt.jwksUrl) {
    throw new UsageError(
      'JWT_JWKS_URL is set: tokens come from your identity provider, not from this command',
    );
  }
  const secret = await resolveJwtSecret(config.jwt.secret, config.dataDir);
  const token = await mintDevToken(secret, {
    org: values.org,
    sub: values.sub,
    roles: values.role?.length ? values.role : [ORG_ADMIN_ROLE],
    ...(values.mfa ? { amr: ['pwd', 'mfa'] } : {}),
    ...(values.name ? { name: values.name } : {}),
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

export const tokenCommand: Command = { summary: 'print a development admin token', usage, run };
