import { Controller, Get, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { EventStore } from '@invitations/event-store';
import type { ReadModelStores, ServiceConfig } from '@invitations/runtime';
import { Public } from '../common/auth/public.decorator';
import { BackgroundService } from '../infrastructure/background.service';
import { EVENT_STORE, READ_MODELS, SERVICE_CONFIG } from '../infrastructure/tokens';
import { ReadinessLog } from './readiness-log';

/** How many received events the read models may still have to write for the service to count as ready. */
const MAX_PENDING_EVENTS = 1000;
const CHECK_TIMEOUT_MS = 2000;

@Public()
@Controller('health')
export class HealthController {
  private readonly readiness = new ReadinessLog(new Logger('Readiness'));

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly background: BackgroundService,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([
      () => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) }),
    ]);
  }

  /**
   * Readiness: both stores reachable and the projections caught up within a bound. 503 with the failing checks
   * otherwise: an answer, not a fault of the service, so it is written as terminus made it (and logged only when
   * readiness changes).
   */
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    try {
      const result = await this.readyChecks();
      this.readiness.up();
      res.status(200).json(result);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      this.readiness.down(result);
      res.status(503).json(result);
    }
  }

  private readyChecks() {
    return this.health.check([
      () =>
        this.indicators
          .check('eventStore')
          .attempt(() => this.store.ping())
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('readStore')
          .attempt(() => this.readModels.ping())
          .withTimeout(CHECK_TIMEOUT_MS),
      () => this.projections(),
    ]);
  }

  private async projections() {
    const check = this.indicators.check('projections');
    if (!this.config.runProjections) return check.up({ runBy: 'projector' });
    const runner = this.background.projections;
    const { caughtUp, pendingEvents, position } = runner.health();
    const data = { caughtUp, pendingEvents, position, lag: (await runner.lag()).toString() };
    // Pending events, not the positions' difference: EventStoreDB's positions are byte offsets, not counts.
    return caughtUp && pendingEvents <= MAX_PENDING_EVENTS ? check.up(data) : check.down(data);
  }
}
