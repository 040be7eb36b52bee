import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditResolver } from './audit.resolver';

/** The organisation's audit log: `auditLog` and `GET /api/audit.csv`. */
@Module({ providers: [AuditResolver], controllers: [AuditController] })
export class AuditModule {}
