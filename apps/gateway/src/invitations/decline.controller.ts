import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { declineInvitation } from '@invitations/application';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import { declinedPage } from './accept-page.html';
import { postedToken, sendHtml, sendRefusal, TokenPageHeaders } from './token-page';

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
  @TokenPageHeaders()
  async decline(
    @Body() body: { token?: unknown },
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = postedToken(body);
    try {
      const context = this.contexts.forAnyone(req, 'declineInvitation');
      await this.commands.execute(new UseCaseCommand((ports) => declineInvitation(ports, context, token)));
      sendHtml(res, 200, declinedPage());
    } catch (error) {
      sendRefusal(res, error);
    }
  }
}
