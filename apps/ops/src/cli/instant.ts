import { UsageError } from './usage-error';

/**
 * An instant given on the command line: ISO-8601 (`2025-03-14T09:30:00Z`, `2025-03-14T09:30:00+10:00`), or a date
 * alone, meaning its start in UTC (`2025-03-14`). A time without a zone is refused: it would depend on the
 * machine's time zone.
 */
export function parseInstant(value: string, option: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const instant = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if ((!dateOnly && !zoned) || Number.isNaN(instant.getTime()) || !isCalendarDate(value.slice(0, 10))) {
    throw new UsageError(
      `${option} must be an ISO-8601 instant with a zone (e.g. 2025-03-14T09:30:00Z) or a date (2025-03-14); got "${value}"`,
    );
  }
  return instant;
}

export function optionalInstant(value: string | undefined, option: string): Date | null {
  return value === undefined ? null : parseInstant(value, option);
}

/** Dates roll over silently (2025-02-30 would be 2025-03-02): the day must exist. */
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
