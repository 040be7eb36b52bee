import { Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { acceptedPage, declinedPage, invitationPage } from './accept-page.html';
import { InvitationAnswers } from './invitation-answers';
import { InvitationPreviews } from './invitation-previews';
import { PostedToken, sendPage, TokenPageHeaders } from './token-page';

/**
 * The page an invitee lands on from the email or text message: plain HTML that works without JavaScript (a form
 * posting to POST /invitations/accept). Any unusable token gets the same generic message.
 */
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('invitations/accept')
export class AcceptPageController {
  constructor(
    private readonly answers: InvitationAnswers,
    private readonly previews: InvitationPreviews,
  ) {}

  @Get()
  @TokenPageHeaders()
  show(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    return sendPage(res, async () => {
      const preview = await this.previews.preview(token ?? '');
      return preview.state === 'ACCEPTED'
        ? acceptedPage(preview.poolName)
        : preview.state === 'DECLINED'
          ? declinedPage()
          : invitationPage(preview, token ?? '');
    });
  }

  @Post()
  @TokenPageHeaders()
  accept(@PostedToken() token: string, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    return sendPage(res, async () => {
      await this.answers.answer(req, 'ACCEPTED', token);
      const preview = await this.previews.preview(token);
      return acceptedPage(preview.poolName);
    });
  }
}
