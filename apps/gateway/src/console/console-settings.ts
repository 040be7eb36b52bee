import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConsoleOidcConfig, ServiceConfig } from '@invitations/runtime';

/** What the console's routes need to know, decided once from the service's configuration. */
export interface ConsoleSettings {
  /** Where `npm run build:console` writes the app (`<repository>/dist/console`). */
  directory: string;
  oidc: ConsoleOidcConfig | null;
  /**
   * The development sign-in mints tokens with the gateway's own secret: never in production, and never when
   * tokens come from an identity provider's JWKS (the gateway then has no secret of its own to sign with).
   */
  developmentSignIn: { enabled: true } | { enabled: false; reason: string };
}

export const CONSOLE_SETTINGS = Symbol('CONSOLE_SETTINGS');

export function consoleSettings(
  config: ServiceConfig,
  directory = defaultConsoleDirectory(),
): ConsoleSettings {
  const developmentSignIn: ConsoleSettings['developmentSignIn'] = config.production
    ? { enabled: false, reason: 'The development sign-in is off when NODE_ENV=production.' }
    : config.jwt.jwksUrl
      ? { enabled: false, reason: 'Tokens come from an identity provider (JWT_JWKS_URL): sign in there.' }
      : { enabled: true };
  return { directory, oidc: config.consoleOidc, developmentSignIn };
}

/**
 * The build output beside the repository's package.json, whether the gateway runs compiled
 * (dist/apps/gateway/src/console) or from its sources (apps/gateway/src/console, as the end-to-end tests run it).
 */
function defaultConsoleDirectory(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'console');
    dir = parent;
  }
  return join(dir, 'dist', 'console');
}
