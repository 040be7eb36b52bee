import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { auditLogPage, type AuditLogEntry } from '@invitations/application';
import type { GqlContext } from '../common/auth/request-principal';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import type { AuditLogFilterInput } from './audit-filter';

/** The GraphQL `AuditEntry` of an audit log entry: its data as JSON text (secrets already redacted). */
export function auditLogNode(entry: AuditLogEntry) {
  return {
    type: entry.type,
    at: entry.at,
    actor: entry.actor,
    actorName: entry.actorName,
    position: entry.position,
    data: JSON.stringify(entry.data),
    poolId: entry.poolId,
    batchId: entry.batchId,
    inviteeId: entry.inviteeId,
  };
}

/** `auditLog`: the admin's organisation's audit log, from the audit read model, a page at a time. */
@Resolver()
export class AuditResolver {
  constructor(@Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts) {}

  @Query('auditLog')
  async auditLog(
    @Args() args: { filter?: AuditLogFilterInput | null; first: number; after?: string | null },
    @Context() { req }: GqlContext,
  ) {
    const page = await auditLogPage(
      this.ports,
      orgOf(req),
      args.filter ?? {},
      args.first,
      args.after ?? null,
    );
    return {
      nodes: page.entries.map(auditLogNode),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
