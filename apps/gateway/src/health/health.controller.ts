import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@invitations/event-store';
import type { ReadModelStores, ServiceConfig } from '@invitations/runtime';
import { Public } from '../common/auth/public.decorator';
import { BackgroundService } from '../infrastructure/background.service';
import { EVENT_STORE, READ_MODELS, SERVICE_CONFIG } from '../infrastructure/tokens';

/** How many received events the read models may still have to write for the service to count as ready. */
const MAX_PENDING_EVENTS = 1000;
const CHECK_TIMEOUT_MS = 2000;

@Public()
@Controller('health')
export class HealthController {
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

  /** Readiness: both stores reachable and the projections caught up within a bound. */
  @Get('ready')
  @HealthCheck()
  ready() {
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
