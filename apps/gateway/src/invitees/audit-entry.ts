import type { AuditRecord } from '@invitations/application';

/** The GraphQL `AuditEntry` of an audit record: its data as JSON text (secrets already redacted). */
export function auditEntry(record: AuditRecord) {
  return {
    type: record.type,
    at: record.at,
    actor: record.actor,
    position: record.position,
    data: JSON.stringify(record.data),
  };
}
