import { isSupportedCountry } from 'libphonenumber-js';
import { resolve } from 'node:path';
import { twilioSettingsFromUrl } from '@invitations/notifications';
import { hardeningSettings, type HardeningSettings } from './hardening-settings';
import { privacySettings, type PrivacySettings } from './privacy-settings';
import { readJwtConfig, type JwtConfig } from './jwt-config';

/** The service's configuration, read once from the environment (see the README's table). */
export interface ServiceConfig extends HardeningSettings, PrivacySettings {
  port: number;
  /** 'embedded' or an EventStoreDB connection string. */
  eventStore: string;
  /** 'embedded' or a MongoDB URI. */
  readStore: string;
  dataDir: string;
  jwt: JwtConfig;
  defaultPhoneRegion: string;
  invitationTtlDays: number;
  /** Days before expiry at which the one reminder goes out (fractions allowed); null for none. */
  reminderDaysBeforeExpiry: number | null;
  /** The secret invitation tokens are derived with; null: generated once and kept in DATA_DIR. */
  invitationTokenSecret: string | null;
  publicBaseUrl: string;
  /** 'outbox' or an smtp:// URL. */
  notifier: string;
  /** Where text messages go: 'outbox' or a twilio:// URL. */
  sms: string;
  /** The secret of POST /api/delivery-receipts (base64 or text); null: the route answers 404. */
  deliveryWebhookSecret: string | null;
  production: boolean;
  /** Whether this process runs the projections and the notification process manager (false when a projector does). */
  runProjections: boolean;
  /** How long a mutation waits for the read models to include its own write before answering. */
  consistencyWaitMs: number;
  /** Requests per minute one client may make to the public invitation operations. */
  publicRateLimitPerMinute: number;
  /** How often invitations past their expiry are expired. */
  expirySweepSeconds: number;
  uploads: { maxBytes: number; maxRows: number; maxFieldLength: number; previewTtlHours: number };
  /** V8's heap growing factor, as a percentage over the live heap (0: V8's own choice). See heap-tuning.ts. */
  heapGrowingPercent: number;
  /** Signs links opened without a token (the duplicates report); null: generated and kept in DATA_DIR. */
  linkSigningSecret: string | null;
  /** How long a signed duplicates report link works (never past its preview's expiry). */
  reportLinkTtlMinutes: number;
  /** The admin console's sign-in at an OpenID Connect provider; null: the development sign-in (see console/). */
  consoleOidc: ConsoleOidcConfig | null;
}

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE, OIDC_AUDIENCE: the console signs in with code + PKCE there. */
export interface ConsoleOidcConfig {
  issuer: string;
  clientId: string;
  scope: string;
  /** Sent as the `audience` parameter, for providers that issue JWT access tokens only for a named API. */
  audience: string | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): ServiceConfig {
  const problems: string[] = [];
  const number = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) {
      problems.push(`${name} must be a number ≥ ${min} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const text = (name: string): string | null => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };

  const port = number('PORT', 3000, 0);
  const eventStore = text('EVENT_STORE') ?? 'embedded';
  if (
    eventStore !== 'embedded' &&
    !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent):\/\//.test(eventStore)
  ) {
    problems.push(
      `EVENT_STORE must be "embedded" or an EventStoreDB connection string (esdb://..., kurrentdb://...)`,
    );
  }
  const readStore = text('READ_STORE') ?? 'embedded';
  if (readStore !== 'embedded' && !/^mongodb(\+srv)?:\/\//.test(readStore)) {
    problems.push(`READ_STORE must be "embedded" or a MongoDB URI (mongodb://...)`);
  }
  const notifier = text('NOTIFIER') ?? 'outbox';
  if (notifier !== 'outbox' && !/^smtps?:\/\//.test(notifier))
    problems.push(`NOTIFIER must be "outbox" or an smtp:// URL`);
  const sms = text('SMS') ?? 'outbox';
  if (sms !== 'outbox') {
    try {
      twilioSettingsFromUrl(sms);
    } catch (error) {
      problems.push(
        `SMS must be "outbox" or twilio://ACCOUNT_SID:AUTH_TOKEN@FROM_NUMBER: ${(error as Error).message}`,
      );
    }
  }
  const defaultPhoneRegion = (text('DEFAULT_PHONE_REGION') ?? 'AU').toUpperCase();
  if (!isSupportedCountry(defaultPhoneRegion))
    problems.push(`DEFAULT_PHONE_REGION "${defaultPhoneRegion}" is not a known region`);
  const publicBaseUrl = (text('PUBLIC_BASE_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicBaseUrl);
  } catch {
    problems.push(`PUBLIC_BASE_URL must be an absolute URL (got "${publicBaseUrl}")`);
  }

  const consoleOidc = readConsoleOidc(text, problems);

  const config: ServiceConfig = {
    port,
    eventStore,
    readStore,
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    jwt: readJwtConfig(env, problems),
    defaultPhoneRegion,
    invitationTtlDays: number('INVITATION_TTL_DAYS', 14, 0),
    // Set but empty: no reminders by default.
    reminderDaysBeforeExpiry:
      env.REMINDER_DAYS_BEFORE_EXPIRY !== undefined && env.REMINDER_DAYS_BEFORE_EXPIRY.trim() === ''
        ? null
        : number('REMINDER_DAYS_BEFORE_EXPIRY', 3, 0),
    invitationTokenSecret: text('INVITATION_TOKEN_SECRET'),
    publicBaseUrl,
    notifier,
    sms,
    deliveryWebhookSecret: text('DELIVERY_WEBHOOK_SECRET'),
    production: env.NODE_ENV === 'production',
    runProjections: (text('RUN_PROJECTIONS') ?? 'true') !== 'false',
    consistencyWaitMs: number('CONSISTENCY_WAIT_MS', 5000, 0),
    expirySweepSeconds: number('EXPIRY_SWEEP_SECONDS', 60, 0.05),
    publicRateLimitPerMinute: number('PUBLIC_RATE_LIMIT_PER_MINUTE', 60, 1),
    uploads: {
      maxBytes: number('UPLOAD_MAX_BYTES', 35 * 1024 * 1024, 1),
      maxRows: number('UPLOAD_MAX_ROWS', 150_000, 1),
      maxFieldLength: number('UPLOAD_MAX_FIELD_LENGTH', 256, 1),
      previewTtlHours: number('UPLOAD_PREVIEW_TTL_HOURS', 24, 0),
    },
    heapGrowingPercent: Math.round(number('HEAP_GROWING_PERCENT', 100, 0)),
    linkSigningSecret: text('LINK_SIGNING_SECRET'),
    reportLinkTtlMinutes: number('REPORT_LINK_TTL_MINUTES', 60, 0.01),
    ...hardeningSettings(env, number, problems),
    ...privacySettings(number, text),
    consoleOidc,
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

function readConsoleOidc(
  text: (name: string) => string | null,
  problems: string[],
): ConsoleOidcConfig | null {
  const issuer = text('OIDC_ISSUER');
  const clientId = text('OIDC_CLIENT_ID');
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) {
    problems.push(
      'OIDC_ISSUER and OIDC_CLIENT_ID are set together (or neither, for the development sign-in)',
    );
    return null;
  }
  try {
    if (!/^https?:$/.test(new URL(issuer).protocol)) throw new Error('not http(s)');
  } catch {
    problems.push(`OIDC_ISSUER must be an absolute http(s) URL (got "${issuer}")`);
  }
  return {
    issuer,
    clientId,
    scope: text('OIDC_SCOPE') ?? 'openid profile email',
    audience: text('OIDC_AUDIENCE'),
  };
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
