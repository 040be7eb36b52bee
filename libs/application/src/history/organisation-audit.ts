import type { EventLogReader } from '@invitations/event-store';
import { auditRecord, type AuditRecord } from './audit-record';
import { DEFAULT_PAGE_SIZE, logInPages } from './log-pages';

export interface AuditPeriod {
  organisationId: string;
  /** From this instant, included (the start of the log when null). */
  from: Date | null;
  /** Until this instant, excluded (no end when null), so that consecutive periods do not overlap. */
  to: Date | null;
}

/**
 * The audit log of one organisation for a period: its events, in log order, handed on as they are found in the
 * global log read page by page, so that no more than a page is held at once whatever the log's size. Events of
 * no organisation (passports) are no organisation's audit. The whole log is read: event times follow positions
 * only roughly (each is its command's time), so no position bounds a period.
 */
export async function* organisationAudit(
  log: Pick<EventLogReader, 'readAll'>,
  period: AuditPeriod,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<AuditRecord> {
  const from = period.from?.getTime() ?? -Infinity;
  const to = period.to?.getTime() ?? Infinity;
  for await (const event of logInPages(log, pageSize)) {
    if (event.metadata.organisationId !== period.organisationId) continue;
    const at = Date.parse(event.metadata.timestamp);
    if (at >= from && at < to) yield auditRecord(event);
  }
}
