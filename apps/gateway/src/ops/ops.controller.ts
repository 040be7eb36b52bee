import { ServiceError } from '@invitations/kernel';
import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { erasePerson, summaryOf } from '@invitations/application';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import type { Response } from 'express';
import { logOpenReportOf, type EventStore } from '@invitations/event-store';
import { rebuildProjections, type ReadModelStores } from '@invitations/runtime';
import { OPS_ROLE } from '@invitations/auth';
import { RequiresRole } from '../common/auth/public.decorator';
import { BackgroundService } from '../infrastructure/background.service';
import { EVENT_STORE, READ_MODELS } from '../infrastructure/tokens';

/**
 * The operator endpoint (`ops` role): how the `ops` command line reaches a running service whose read models
 * live in its memory and whose log has one writer (the embedded defaults).
 */
@RequiresRole(OPS_ROLE)
@Controller('ops')
export class OpsController {
  private rebuilding = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    private readonly background: BackgroundService,
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  /**
   * The log's head (and, for the embedded log, what its open found and repaired), and each projection's
   * checkpoint and lag behind it.
   */
  @Get('status')
  async status() {
    const head = await this.store.headPosition();
    const checkpoints = await this.readModels.checkpoints.list();
    const opened = logOpenReportOf(this.store);
    return {
      log: { head: head.toString(), ...(opened ? { open: opened } : {}) },
      projections: checkpoints.map(({ name, position }) => ({
        name,
        position: position.toString(),
        lag: (head > position ? head - position : 0n).toString(),
      })),
      runner: this.background.projections.health(),
    };
  }

  /**
   * Erases a person by email (crypto-shredding): their Skills Passport and every invitee with that email in every
   * organisation. Answers once the read models show it: the passport and invitees erased, and when.
   */
  @Post('erasure')
  async erasure(@Body() body: { email?: unknown }, @Req() req: AuthenticatedRequest) {
    if (typeof body?.email !== 'string') {
      throw new ServiceError('BAD_USER_INPUT', 'Send {"email": "..."}: the email of the person to erase.');
    }
    const email = body.email;
    const context = {
      ...this.contexts.forAnyone(req, 'erasure', 'ops'),
      actor: req.principal?.userId ?? null,
    };
    const erasure = await this.commands.execute(
      new UseCaseCommand((ports) => erasePerson(ports, context, email), context),
    );
    return summaryOf(erasure);
  }

  /**
   * Rebuilds projections without downtime (built aside, then switched; the previous version kept for rollback).
   * Answers NDJSON: one progress line as it goes, the result last.
   */
  @Post('rebuild')
  async rebuild(@Body() body: { projections?: unknown }, @Res() res: Response): Promise<void> {
    const names = Array.isArray(body?.projections) ? body.projections.map(String) : undefined;
    if (this.rebuilding) throw new ServiceError('CONFLICT', 'A rebuild is already running');
    this.rebuilding = true;
    res.status(200).type('application/x-ndjson');
    const write = (line: unknown) =>
      res.write(`${JSON.stringify(line, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
    try {
      let last = 0;
      const result = await rebuildProjections(this.store, this.readModels, names, {
        onProgress: (progress) => {
          const now = Date.now();
          if (progress.phase !== 'done' && now - last < 200) return;
          last = now;
          write({ progress });
        },
      });
      write({ result });
    } catch (error) {
      write({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.rebuilding = false;
      res.end();
    }
  }
}
