import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import { claimIdempotencyKey, type EventStore } from '@invitations/event-store';
import { ServiceError, type Clock } from '@invitations/kernel';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { requestOf } from '../auth/auth.guard';
import type { AuthenticatedRequest } from '../auth/request-principal';
import { requestIdOf } from '../logging/request-context';
import { graphqlFingerprint, httpFingerprint } from './request-fingerprint';

/** Keys as clients make them (a UUID, a ULID, a request's hash): visible ASCII, at most 255 characters. */
const USABLE_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Holds every `Idempotency-Key` to the first request sent with it (see claimIdempotencyKey): an admin's mutation
 * (GraphQL) or command (POST /api/uploads) with a key claims it for its fingerprint before it runs; the same key
 * with another operation or other input is refused naming the key, never answered with the first request's
 * result. Queries and GETs need no key; the public operations (accepting with a token) are idempotent by
 * themselves and claim nothing (nobody signed would own the key).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Requests whose key is claimed already: a GraphQL request of several mutations claims once. */
  private readonly claimed = new WeakSet<AuthenticatedRequest>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = requestOf(context);
    const key = headerOf(request, 'idempotency-key');
    const principal = request.principal;
    if (key !== undefined && principal && !this.claimed.has(request)) {
      const claim = this.claimOf(context, request);
      if (claim) {
        if (!USABLE_KEY.test(key)) {
          const message = 'must be 1 to 255 visible ASCII characters (a UUID, say)';
          throw new ServiceError('BAD_USER_INPUT', `Idempotency-Key ${message}.`, [
            { field: 'Idempotency-Key', message },
          ]);
        }
        await claimIdempotencyKey(
          this.store,
          { scope: principal.organisationId, key, ...claim },
          {
            organisationId: principal.organisationId,
            actor: principal.userId,
            correlationId: requestIdOf(request) ?? 'idempotency-key',
            now: this.clock.now(),
          },
        );
        this.claimed.add(request);
      }
    }
    return next.handle();
  }

  /** The operation and fingerprint of a command; null for what changes nothing (queries, GETs). */
  private claimOf(
    context: ExecutionContext,
    request: AuthenticatedRequest,
  ): { operation: string; fingerprint: string } | null {
    if (context.getType<GqlContextType>() === 'graphql') {
      const info = GqlExecutionContext.create(context).getInfo();
      if (info.operation.operation !== 'mutation') return null;
      return {
        operation: info.operation.name?.value ?? info.fieldName,
        fingerprint: graphqlFingerprint(info.operation, info.fragments, info.variableValues),
      };
    }
    if (request.method === 'GET' || request.method === 'HEAD') return null;
    return {
      operation: `${request.method} ${request.path}`,
      fingerprint: httpFingerprint(request.method, request.path, request.query, request.headers),
    };
  }
}

function headerOf(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
