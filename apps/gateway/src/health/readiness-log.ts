import type { Logger } from '@invitations/kernel';
import type { HealthCheckResult } from '@nestjs/terminus';

/**
 * Tells operators when readiness changes, once per change and without a stack: a warning naming the checks that
 * failed when the service stops being ready, a line when it is ready again. A probe that answers 503 again and
 * again (a load balancer asks every few seconds) writes nothing more.
 */
export class ReadinessLog {
  private ready: boolean | null = null;

  constructor(private readonly logger: Pick<Logger, 'log' | 'warn'>) {}

  up(): void {
    if (this.ready === false) this.logger.log('ready again');
    this.ready = true;
  }

  down(result: HealthCheckResult | undefined): void {
    if (this.ready === false) return;
    this.ready = false;
    const failing = Object.entries(result?.error ?? {})
      .map(
        ([check, detail]) => `${check}${detail && 'message' in detail ? ` (${String(detail.message)})` : ''}`,
      )
      .join(', ');
    this.logger.warn(`not ready: ${failing || 'a check failed'}`);
  }
}
