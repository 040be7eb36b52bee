import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@invitations/kernel';
import type { CommandContext } from '@invitations/kernel';
import { deriveId, newId, ServiceError } from '@invitations/kernel';
import type { AuthenticatedRequest } from '../auth/request-principal';
import { CLOCK } from '../../infrastructure/tokens';
import { requestIdOf } from '../logging/request-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the context of a command from the request: the admin (`sub`, `org`), a correlation id (the caller's
 * `X-Request-Id` when it sends a sane one) and the command id. With an `Idempotency-Key` header the command id
 * derives from it, so a retried request is applied once and answers the same.
 */
@Injectable()
export class CommandContexts {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  forAdmin(req: AuthenticatedRequest, operation: string): CommandContext & { organisationId: string } {
    const principal = req.principal;
    if (!principal)
      throw new ServiceError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <JWT>');
    return {
      ...this.forAnyone(req, operation, principal.organisationId),
      organisationId: principal.organisationId,
      actor: principal.userId,
      actorName: principal.displayName ?? null,
    };
  }

  forAnyone(req: AuthenticatedRequest, operation: string, scope = 'public'): CommandContext {
    const requestId = header(req, 'x-request-id');
    const idempotencyKey = header(req, 'idempotency-key');
    return {
      organisationId: null,
      actor: null,
      // The id the request was logged under (the caller's sane X-Request-Id, or one made for it).
      correlationId: requestIdOf(req) ?? (requestId && REQUEST_ID.test(requestId) ? requestId : newId()),
      commandId: idempotencyKey ? deriveId(scope, idempotencyKey, operation) : newId(),
      now: this.clock.now(),
    };
  }
}

function header(req: AuthenticatedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
