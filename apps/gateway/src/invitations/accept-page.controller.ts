import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { acceptInvitation } from '@invitations/application';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { acceptedPage, declinedPage, invitationPage } from './accept-page.html';
import { postedToken, sendHtml, sendRefusal, TokenPageHeaders } from './token-page';
import { UseCaseCommand } from '../common/use-case.command';
import { InvitationPreviews } from './invitation-previews';

/**
 * The page an invitee lands on from the email or text message: plain HTML that works without JavaScript (a form
 * posting to POST /invitations/accept). Any unusable token gets the same generic message.
 */
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('invitations/accept')
export class AcceptPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly previews: InvitationPreviews,
  ) {}

  @Get()
  @TokenPageHeaders()
  async show(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    try {
      const preview = await this.previews.preview(token ?? '');
      const page =
        preview.state === 'ACCEPTED'
          ? acceptedPage(preview.poolName)
          : preview.state === 'DECLINED'
            ? declinedPage()
            : invitationPage(preview, token ?? '');
      sendHtml(res, 200, page);
    } catch (error) {
      sendRefusal(res, error);
    }
  }

  @Post()
  @TokenPageHeaders()
  async accept(
    @Body() body: { token?: unknown },
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = postedToken(body);
    try {
      const context = this.contexts.forAnyone(req, 'acceptInvitation');
      await this.commands.execute(new UseCaseCommand((ports) => acceptInvitation(ports, context, token)));
      const preview = await this.previews.preview(token);
      sendHtml(res, 200, acceptedPage(preview.poolName));
    } catch (error) {
      sendRefusal(res, error);
    }
  }
}
