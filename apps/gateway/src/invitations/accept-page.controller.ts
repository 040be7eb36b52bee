import { ServiceError } from '@invitations/kernel';
import { Body, Controller, Get, Header, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { acceptInvitation } from '@invitations/application';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { acceptedPage, declinedPage, invitationPage, messagePage } from './accept-page.html';
import { UseCaseCommand } from '../common/use-case.command';
import { InvitationPreviews } from './invitation-previews';

/**
 * The page an invitee lands on from the email or text message: plain HTML that works without JavaScript (a form
 * posting to POST /invitations/accept). The token is in the URL, so the page sends no referrer anywhere and is
 * never cached. Any unusable token gets the same generic message.
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
  @Header('Referrer-Policy', 'no-referrer')
  @Header('Cache-Control', 'no-store')
  @Header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  )
  @Header('X-Content-Type-Options', 'nosniff')
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
      sendHtml(res, 400, messagePage('Invitation', messageOf(error)));
    }
  }

  @Post()
  @Header('Referrer-Policy', 'no-referrer')
  @Header('Cache-Control', 'no-store')
  @Header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  )
  @Header('X-Content-Type-Options', 'nosniff')
  async accept(
    @Body() body: { token?: unknown },
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = typeof body?.token === 'string' ? body.token : '';
    try {
      const context = this.contexts.forAnyone(req, 'acceptInvitation');
      await this.commands.execute(new UseCaseCommand((ports) => acceptInvitation(ports, context, token)));
      const preview = await this.previews.preview(token);
      sendHtml(res, 200, acceptedPage(preview.poolName));
    } catch (error) {
      sendHtml(res, 400, messagePage('Invitation', messageOf(error)));
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ServiceError) return error.message;
  throw error;
}

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('text/html; charset=utf-8').send(html);
}
