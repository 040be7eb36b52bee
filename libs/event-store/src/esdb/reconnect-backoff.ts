/** How a dropped subscription reconnects: exponential backoff, capped, for a bounded number of failures in a row. */
export interface ReconnectPolicy {
  /** Delay before the first reconnection. */
  initialDelayMs: number;
  /** No delay exceeds this. */
  maxDelayMs: number;
  /** Failures in a row (without an event or a confirmation between them) before giving up and reporting onError. */
  maxAttempts: number;
}

/** Enough for a server restart or a leader election (about 10 minutes of trying), and then the process is told. */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  maxAttempts: 25,
};

/** The delay before reconnection attempt `attempt` (1-based): initial, doubled at each failure, capped. */
export function reconnectDelayMs(
  attempt: number,
  policy: Pick<ReconnectPolicy, 'initialDelayMs' | 'maxDelayMs'>,
): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer (got ${attempt})`);
  // 2 ** 60 already dwarfs any cap; bounding the exponent keeps the arithmetic finite.
  const delay = policy.initialDelayMs * 2 ** Math.min(attempt - 1, 60);
  return Math.min(delay, policy.maxDelayMs);
}
