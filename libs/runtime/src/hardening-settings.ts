/** The settings that bound what one client can ask of the service (see the README's configuration table). */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Express's `trust proxy` (TRUST_PROXY): `false` (unset: the socket's address is the client's), `true` (the
 * left-most X-Forwarded-For address, for a proxy that overwrites the header), a number of proxy hops in front, or
 * a comma-separated list of the proxies' addresses or subnets (`loopback`, `10.0.0.0/8`, ...).
 */
export type TrustProxy = boolean | number | string;

type Env = Record<string, string | undefined>;
type NumberSetting = (name: string, fallback: number, min: number) => number;

export interface HardeningSettings {
  graphqlIntrospection: boolean;
  trustProxy: TrustProxy;
  adminRateLimit: { perOrganisationPerMinute: number; perUserPerMinute: number };
  uploadBounds: { concurrency: number; queueWaitSeconds: number; idleSeconds: number };
  logging: { format: 'json' | 'text'; level: LogLevel };
}

/** Reads the hardening settings; each problem is added to `problems`, naming its variable. */
export function hardeningSettings(env: Env, number: NumberSetting, problems: string[]): HardeningSettings {
  const production = env.NODE_ENV === 'production';
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    problems.push(`${name} must be "true" or "false" (got "${env[name]}")`);
    return fallback;
  };
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${env[name]}")`);
    return fallback;
  };
  return {
    graphqlIntrospection: flag('GRAPHQL_INTROSPECTION', !production),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    adminRateLimit: {
      perOrganisationPerMinute: Math.round(number('ADMIN_RATE_LIMIT_PER_ORGANISATION', 6000, 1)),
      perUserPerMinute: Math.round(number('ADMIN_RATE_LIMIT_PER_USER', 1200, 1)),
    },
    uploadBounds: {
      concurrency: Math.round(number('UPLOAD_CONCURRENCY', 2, 1)),
      queueWaitSeconds: number('UPLOAD_QUEUE_WAIT_SECONDS', 5, 0),
      idleSeconds: number('UPLOAD_IDLE_SECONDS', 30, 0.1),
    },
    logging: {
      format: choice('LOG_FORMAT', ['json', 'text'] as const, production ? 'json' : 'text'),
      level: choice('LOG_LEVEL', LOG_LEVELS, 'info'),
    },
  };
}

function trustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim();
  if (!value || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  // A list of addresses, subnets or Express's names for them; Express checks each when the setting is applied.
  if (/^[0-9A-Za-z.:/,\s]+$/.test(value)) return value;
  problems.push(
    `TRUST_PROXY must be true, false, a number of hops, or a comma-separated list of addresses or subnets (got "${raw}")`,
  );
  return false;
}
