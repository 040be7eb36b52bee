import { backoffDelayMs } from '@invitations/kernel';
import { DEFAULT_RECONNECT_POLICY } from './reconnect-backoff';

describe('DEFAULT_RECONNECT_POLICY', () => {
  it('keeps trying for minutes before giving up', () => {
    let total = 0;
    for (let attempt = 1; attempt <= DEFAULT_RECONNECT_POLICY.maxAttempts; attempt++) {
      total += backoffDelayMs(attempt, DEFAULT_RECONNECT_POLICY);
    }
    expect(total).toBeGreaterThan(5 * 60_000);
    expect(total).toBeLessThan(15 * 60_000);
  });
});
