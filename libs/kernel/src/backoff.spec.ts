import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  const backoff = { initialDelayMs: 250, maxDelayMs: 30_000 };

  it('doubles from the initial delay at each failure in a row', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, backoff))).toEqual([
      250, 500, 1000, 2000, 4000,
    ]);
  });

  it('never exceeds the cap, however many failures', () => {
    expect(backoffDelayMs(8, backoff)).toBe(30_000);
    expect(backoffDelayMs(1000, backoff)).toBe(30_000);
  });

  it('refuses attempts that are not positive integers', () => {
    expect(() => backoffDelayMs(0, backoff)).toThrow(RangeError);
    expect(() => backoffDelayMs(1.5, backoff)).toThrow(RangeError);
  });
});
