import { Controller, Get, Header, Inject, Query, Req, StreamableFile } from '@nestjs/common';
import {
  AUDIT_CSV_CONTENT_TYPE,
  auditLogCsv,
  auditLogEntries,
  checkAuditFilter,
} from '@invitations/application';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { auditFilterOfQuery } from './audit-filter';

/**
 * `GET /api/audit.csv`: the admin's organisation's audit log as CSV, with `auditLog`'s filters as query parameters,
 * streamed a page at a time from the audit read model. Bearer auth only (no cookies), as the other REST routes.
 */
@Controller('api')
export class AuditController {
  constructor(@Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts) {}

  @Get('audit.csv')
  @Header('Content-Type', AUDIT_CSV_CONTENT_TYPE)
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  @Header('Cache-Control', 'no-store')
  auditCsv(@Query() query: Record<string, unknown>, @Req() req: AuthenticatedRequest): StreamableFile {
    const organisationId = orgOf(req);
    const filter = auditFilterOfQuery(query);
    checkAuditFilter(filter); // before the first byte: a refusal is an answer, not a broken download
    return new StreamableFile(auditLogCsv(auditLogEntries(this.ports, organisationId, filter)));
  }
}
