import { ServiceError } from '@invitations/kernel';
import type { AuditLogFilter } from '@invitations/application';

/** The GraphQL `AuditLogFilter` as the resolver receives it (DateTime already parsed). */
export interface AuditLogFilterInput {
  from?: Date | null;
  to?: Date | null;
  actor?: string | null;
  types?: string[] | null;
  poolId?: string | null;
  batchId?: string | null;
  inviteeId?: string | null;
}

/** The query parameters of `GET /api/audit.csv` that name the filter, as in `auditLog`. */
const TEXT_PARAMETERS = ['actor', 'poolId', 'batchId', 'inviteeId'] as const;

/**
 * The filter of `GET /api/audit.csv` from its query: `from`, `to` (ISO-8601 instants), `actor`, `types` (repeated,
 * or separated by commas), `poolId`, `batchId`, `inviteeId`. A parameter given twice where one is expected, or an
 * instant that does not parse, is a BAD_USER_INPUT naming it.
 */
export function auditFilterOfQuery(query: Record<string, unknown>): AuditLogFilter {
  const filter: AuditLogFilter = { from: instant(query, 'from'), to: instant(query, 'to') };
  for (const name of TEXT_PARAMETERS) filter[name] = single(query, name) ?? null;
  const types = query.types;
  const listed = (Array.isArray(types) ? types : types === undefined ? [] : [types]).filter(
    (value): value is string => typeof value === 'string',
  );
  filter.types = listed
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return filter;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw refusal(name, 'must be given once');
  return value;
}

function instant(query: Record<string, unknown>, name: string): Date | null {
  const value = single(query, name);
  if (value === undefined) return null;
  const parsed = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (parsed === null || Number.isNaN(parsed.getTime())) throw refusal(name, 'must be an ISO-8601 instant');
  return parsed;
}

function refusal(field: string, message: string): ServiceError {
  return new ServiceError('BAD_USER_INPUT', `${field} ${message}.`, [{ field, message }]);
}
