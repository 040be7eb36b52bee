import type { Response } from 'express';
import type { ConsoleOidcConfig } from '@invitations/runtime';

/**
 * The console's Content-Security-Policy: scripts and styles only from this origin (no inline script at all);
 * the one exception is the <style> elements the component library writes at run time, allowed by a nonce that is
 * new for every page load. The API is this origin; the identity provider, when configured, is reached for its
 * discovery document and token endpoint (connect-src) and for silent renewal in a hidden frame (frame-src).
 */
export function consoleContentSecurityPolicy(nonce: string, oidc: ConsoleOidcConfig | null): string {
  const provider = oidc ? ` ${new URL(oidc.issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    `frame-src 'self'${provider}`,
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers every answer of the console carries, the page and its files alike. */
export function setConsoleSecurityHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The console's URLs carry ids only, but an OIDC callback carries a code: no page it links to learns them.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
}
