import { ServiceError } from '@invitations/kernel';
import { applyDecorators, Header } from '@nestjs/common';
import type { Response } from 'express';
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
export function postedToken(body: { token?: unknown } | undefined): string {
  return typeof body?.token === 'string' ? body.token : '';
}

export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('text/html; charset=utf-8').send(html);
}

/** A refusal the invitee can read (the contract's generic message for any unusable token); anything else throws. */
export function sendRefusal(res: Response, error: unknown): void {
  if (!(error instanceof ServiceError)) throw error;
  sendHtml(res, 400, messagePage('Invitation', error.message));
}
