/** How long to wait before retrying after failures in a row: doubled at each failure from the first delay, capped. */
export interface Backoff {
  /** Delay before the first retry. */
  initialDelayMs: number;
  /** No delay exceeds this. */
  maxDelayMs: number;
}

/** The delay before retry `attempt` (1-based): initial, doubled at each failure, capped. */
export function backoffDelayMs(attempt: number, backoff: Backoff): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer (got ${attempt})`);
  // 2 ** 60 already dwarfs any cap; bounding the exponent keeps the arithmetic finite.
  const delay = backoff.initialDelayMs * 2 ** Math.min(attempt - 1, 60);
  return Math.min(delay, backoff.maxDelayMs);
}
