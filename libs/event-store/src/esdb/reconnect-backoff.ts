import type { Backoff } from '@invitations/kernel';

/** How a dropped subscription reconnects: the kernel's backoff, for a bounded number of failures in a row. */
export interface ReconnectPolicy extends Backoff {
  /** Failures in a row (without an event or a confirmation between them) before giving up and reporting onError. */
  maxAttempts: number;
}

/** Enough for a server restart or a leader election (about 10 minutes of trying), and then the process is told. */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  maxAttempts: 25,
};
