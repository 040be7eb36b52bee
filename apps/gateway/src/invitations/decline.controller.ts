import { ServiceError } from '@invitations/kernel';
import { Body, Controller, Header, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { declineInvitation } from '@invitations/application';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import { declinedPage, messagePage } from './accept-page.html';

/**
 * The accept page's Decline button: a form post with the token (no JavaScript needed). The token stops working;
 * declining again shows the same page; an unusable token gets the one generic message.
 */
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('invitations/decline')
export class DeclinePageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @Header('Referrer-Policy', 'no-referrer')
  @Header('Cache-Control', 'no-store')
  @Header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  )
  @Header('X-Content-Type-Options', 'nosniff')
  async decline(
    @Body() body: { token?: unknown },
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = typeof body?.token === 'string' ? body.token : '';
    try {
      const context = this.contexts.forAnyone(req, 'declineInvitation');
      await this.commands.execute(new UseCaseCommand((ports) => declineInvitation(ports, context, token)));
      res.status(200).type('text/html; charset=utf-8').send(declinedPage());
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      res.status(400).type('text/html; charset=utf-8').send(messagePage('Invitation', error.message));
    }
  }
}
