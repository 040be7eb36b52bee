import { ServiceError } from '@invitations/kernel';
import { applyDecorators, createParamDecorator, Header, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { messagePage } from './accept-page.html';

/**
 * The headers of every page reached by an invitation token: the token is in the URL or the form, so the page
 * sends no referrer anywhere, is never cached, runs no script and cannot be framed.
 */
export function TokenPageHeaders(): MethodDecorator {
  return applyDecorators(
    Header('Referrer-Policy', 'no-referrer'),
    Header('Cache-Control', 'no-store'),
    Header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    ),
    Header('X-Content-Type-Options', 'nosniff'),
  );
}

/** The token a form posted (an absent or non-text one is the empty token, refused like any unusable one). */
export const PostedToken = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const body = context.switchToHttp().getRequest<Request>().body as { token?: unknown } | undefined;
  return typeof body?.token === 'string' ? body.token : '';
});

/**
 * Sends the page `page` makes, or, when it is refused, a refusal the invitee can read (the contract's generic
 * message for any unusable token); anything else throws.
 */
export async function sendPage(res: Response, page: () => Promise<string>): Promise<void> {
  try {
    sendHtml(res, 200, await page());
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    sendHtml(res, 400, messagePage('Invitation', error.message));
  }
}

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('text/html; charset=utf-8').send(html);
}
