import { ServiceError, type ErrorCode, type FieldError } from '@invitations/kernel';

/**
 * A refusal whose HTTP answer differs from its code's usual status, or carries headers: a body over a route's limit
 * (413, code BAD_USER_INPUT), too many requests (429 with Retry-After). GraphQL answers it as any ServiceError.
 */
export class HttpRefusal extends ServiceError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    readonly headers: Record<string, string> = {},
    errors: FieldError[] = [],
  ) {
    super(code, message, errors);
  }
}

/** 429 RATE_LIMITED, telling when to try again (whole seconds, at least one). */
export function rateLimited(message: string, retryAfterSeconds: number): HttpRefusal {
  return new HttpRefusal('RATE_LIMITED', message, 429, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
}

/** 413: the body is over what the route takes. */
export function bodyTooLarge(limitBytes: number): HttpRefusal {
  return new HttpRefusal(
    'BAD_USER_INPUT',
    `The request body is larger than this route accepts (at most ${formatBytes(limitBytes)}).`,
    413,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
