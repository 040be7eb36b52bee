import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConfigError, type ServiceConfig } from '@invitations/runtime';

/** What the projector adds to the service's configuration. */
export interface ProjectorSettings {
  /** The lease's name in MongoDB's `leases` collection: one projector at a time holds it. */
  leaseName: string;
  /** How long the lease lives unrenewed: how soon a standby takes over from a projector that died. */
  leaseTtlMs: number;
  /** This process's name in the lease: host, pid and a random suffix (a restarted process is a new holder). */
  holder: string;
}

export const LEASE_NAME = 'projector';
const DEFAULT_LEASE_SECONDS = 15;

export function loadProjectorSettings(
  env: Record<string, string | undefined> = process.env,
): ProjectorSettings {
  const raw = env.PROJECTOR_LEASE_SECONDS?.trim();
  const seconds = raw ? Number(raw) : DEFAULT_LEASE_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new ConfigError(
      `Invalid configuration:\n  - PROJECTOR_LEASE_SECONDS must be a number ≥ 1 (got "${raw}")`,
    );
  }
  return {
    leaseName: LEASE_NAME,
    leaseTtlMs: Math.round(seconds * 1000),
    holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  };
}

/**
 * Why the projector will not run on this configuration, or null. It needs EventStoreDB and MongoDB: the embedded
 * log has a single writer (the gateway) and the embedded read models live in the gateway's memory, so with
 * either embedded store the gateway runs the background work in its own process.
 */
export function embeddedStoresRefusal(
  config: Pick<ServiceConfig, 'eventStore' | 'readStore'>,
): string | null {
  const embedded = [
    config.eventStore === 'embedded' && 'EVENT_STORE',
    config.readStore === 'embedded' && 'READ_STORE',
  ].filter(Boolean);
  if (embedded.length === 0) return null;
  return [
    `The projector does not run on the embedded stores (${embedded.join(' and ')} ${embedded.length > 1 ? 'are' : 'is'} "embedded").`,
    'It runs the projections, the notifications and the expiry sweep for deployments on EventStoreDB + MongoDB',
    '(EVENT_STORE=esdb://..., READ_STORE=mongodb://...), where the gateways run with RUN_PROJECTIONS=false.',
    'With the embedded stores the gateway does that work in its own process (the embedded log has one writer and',
    "the embedded read models live in the gateway's memory): start the gateway alone with `npm start`.",
  ].join('\n');
}
