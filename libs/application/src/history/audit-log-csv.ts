import type { Readable } from 'node:stream';
import { csvDownload, spreadsheetCell } from '@invitations/uploads';
import type { AuditLogEntry } from './audit-log';

export const AUDIT_CSV_COLUMNS = [
  'position',
  'at',
  'type',
  'actor',
  'actor_name',
  'pool_id',
  'batch_id',
  'invitee_id',
  'data',
] as const;
export const AUDIT_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** An entry as one CSV line; every cell made inert for spreadsheets (a name or a detail may start with '='). */
export function auditCsvLine(entry: AuditLogEntry): string {
  return [
    entry.position,
    entry.at,
    entry.type,
    entry.actor ?? '',
    entry.actorName ?? '',
    entry.poolId ?? '',
    entry.batchId ?? '',
    entry.inviteeId ?? '',
    JSON.stringify(entry.data),
  ]
    .map(spreadsheetCell)
    .join(',');
}

/**
 * The audit log as CSV (`GET /api/audit.csv`): UTF-8 with a BOM (for Excel), CRLF line ends, a header row, then one
 * row per entry, streamed in chunks as the entries are read a page at a time.
 */
export function auditLogCsv(entries: AsyncIterable<AuditLogEntry>): Readable {
  return csvDownload(AUDIT_CSV_COLUMNS, entries, auditCsvLine);
}
