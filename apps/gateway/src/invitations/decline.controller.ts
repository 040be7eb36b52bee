import { Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { declinedPage } from './accept-page.html';
import { InvitationAnswers } from './invitation-answers';
import { PostedToken, sendPage, TokenPageHeaders } from './token-page';

/**
 * The accept page's Decline button: a form post with the token (no JavaScript needed). The token stops working;
 * declining again shows the same page; an unusable token gets the one generic message.
 */
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('invitations/decline')
export class DeclinePageController {
  constructor(private readonly answers: InvitationAnswers) {}

  @Post()
  @TokenPageHeaders()
  decline(@PostedToken() token: string, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    return sendPage(res, async () => {
      await this.answers.answer(req, 'DECLINED', token);
      return declinedPage();
    });
  }
}
