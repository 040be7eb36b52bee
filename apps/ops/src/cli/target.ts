import type { ServiceConfig } from '@invitations/runtime';
import { operatorToken } from './operator-token';

/** The options of the commands that reach the read models: where the gateway is, and how to sign in to it. */
export const TARGET_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

export const TARGET_USAGE = `  --url URL      the gateway (default http://localhost:$PORT); forces going through the gateway
  --token TOKEN  a bearer token with the ops role (default: minted with JWT_SECRET or DATA_DIR/jwt-secret)`;

export type Target = { kind: 'gateway'; url: string; token: () => Promise<string> } | { kind: 'stores' };

/**
 * Where the read models can be reached. On EventStoreDB + MongoDB the command works on the stores directly. With
 * an embedded store the read models live in the running gateway's memory (and the log has that one writer), so
 * the command asks the gateway's operator endpoint; --url asks a gateway in any case.
 */
export function chooseTarget(config: ServiceConfig, options: { url?: string; token?: string }): Target {
  const production = config.eventStore !== 'embedded' && config.readStore !== 'embedded';
  if (production && !options.url) return { kind: 'stores' };
  const url = (options.url ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return { kind: 'gateway', url, token: () => operatorToken(options.token, config) };
}
