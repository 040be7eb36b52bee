import helmet from 'helmet';

/**
 * Security headers on every answer (helmet): no sniffing, no framing, HSTS, no referrer leaking across origins, and
 * a Content-Security-Policy for what the API answers (JSON, CSV): nothing may load or run. A route that serves a page
 * sets its own policy (the accept page a stricter form of it, the console one fit for its app): helmet writes its
 * headers before the route runs, so the route's own `Content-Security-Policy` replaces this one, never joins it.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is read cross-origin by nobody today, but a same-site console may load the templates: same-site.
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
