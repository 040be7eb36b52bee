import { DEFAULT_RECONNECT_POLICY, reconnectDelayMs } from './reconnect-backoff';

describe('reconnectDelayMs', () => {
  const policy = { initialDelayMs: 250, maxDelayMs: 30_000 };

  it('doubles from the initial delay at each failure in a row', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => reconnectDelayMs(attempt, policy))).toEqual([
      250, 500, 1000, 2000, 4000,
    ]);
  });

  it('never exceeds the cap, however many failures', () => {
    expect(reconnectDelayMs(8, policy)).toBe(30_000);
    expect(reconnectDelayMs(1000, policy)).toBe(30_000);
  });

  it('refuses attempts that are not positive integers', () => {
    expect(() => reconnectDelayMs(0, policy)).toThrow(RangeError);
    expect(() => reconnectDelayMs(1.5, policy)).toThrow(RangeError);
  });

  it('by default keeps trying for minutes before giving up', () => {
    let total = 0;
    for (let attempt = 1; attempt <= DEFAULT_RECONNECT_POLICY.maxAttempts; attempt++) {
      total += reconnectDelayMs(attempt, DEFAULT_RECONNECT_POLICY);
    }
    expect(total).toBeGreaterThan(5 * 60_000);
    expect(total).toBeLessThan(15 * 60_000);
  });
});
