import { ServiceError } from '@invitations/kernel';
import { requireValidName } from '../shared/entity-name';

const DAY_MS = 86_400_000;

/** The longest expiry, or the earliest reminder, an admin may set, in days. */
export const MAX_INVITATION_DAYS = 365;

/**
 * How long an invitation stays open and when its one reminder goes out: the service's defaults
 * (`INVITATION_TTL_DAYS`, `REMINDER_DAYS_BEFORE_EXPIRY`), overridden by the organisation, overridden by the batch.
 * Days may be fractions (the service's settings, so that a test can expire an invitation in seconds); what an admin
 * sets is whole days. A reminder of null or 0 days means none.
 */
export interface InvitationTerms {
  invitationTtlDays: number;
  reminderDaysBeforeExpiry: number | null;
}

/** What an organisation or a batch sets; null where it keeps what is above it. */
export interface InvitationTermsOverride {
  invitationTtlDays: number | null;
  reminderDaysBeforeExpiry: number | null;
}

export function invitationTermsOf(
  defaults: InvitationTerms,
  ...overrides: (InvitationTermsOverride | null)[]
): InvitationTerms {
  let terms = { ...defaults };
  for (const override of overrides) {
    if (override === null) continue;
    terms = {
      invitationTtlDays: override.invitationTtlDays ?? terms.invitationTtlDays,
      reminderDaysBeforeExpiry: override.reminderDaysBeforeExpiry ?? terms.reminderDaysBeforeExpiry,
    };
  }
  return terms;
}

/** When an invitation sent at `now` expires, and when its reminder is due (null for none). */
export function invitationSchedule(
  now: string,
  terms: InvitationTerms,
): { expiresAt: string; remindAt: string | null } {
  const expiresAt = new Date(Date.parse(now) + terms.invitationTtlDays * DAY_MS).toISOString();
  return { expiresAt, remindAt: reminderBefore(expiresAt, terms.reminderDaysBeforeExpiry, now) };
}

/**
 * When the reminder of an invitation expiring at `expiresAt` is due: `days` before it, and only if that is still
 * ahead of `now` (a reminder at or before the invitation itself would be noise).
 */
export function reminderBefore(expiresAt: string, days: number | null, now: string): string | null {
  if (days === null || days <= 0) return null;
  const at = Date.parse(expiresAt) - days * DAY_MS;
  return at > Date.parse(now) ? new Date(at).toISOString() : null;
}

/** `days` later than `instant`. */
export function daysAfter(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

/**
 * A number of days an admin sets: a whole number from `min` to MAX_INVITATION_DAYS, refused naming the field.
 * Null and undefined pass through (nothing set).
 */
export function requireWholeDays<T extends number | null | undefined>(
  field: string,
  value: T,
  min: number,
): T {
  if (value === null || value === undefined) return value;
  if (!Number.isInteger(value) || value < min || value > MAX_INVITATION_DAYS) {
    const problem = `must be a whole number of days from ${min} to ${MAX_INVITATION_DAYS}`;
    throw new ServiceError('BAD_USER_INPUT', `${field} ${problem}.`, [{ field, message: problem }]);
  }
  return value;
}

/** A display name with the invitation terms it sets (a batch's; an organisation's, whose name may be unset). */
export interface NamedTerms<Name extends string | null = string> {
  name: Name;
  invitationTtlDays: number | null;
  reminderDaysBeforeExpiry: number | null;
}

/** What an admin changes: a field left undefined or null keeps its value. */
export interface NamedTermsChange {
  name?: string | null;
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
}

/** The name and terms after `change`, each checked; null when nothing would change (no event to record). */
export function changedNamedTerms<Name extends string | null>(
  change: NamedTermsChange,
  current: NamedTerms<Name>,
): NamedTerms<Name | string> | null {
  const name =
    change.name === undefined || change.name === null ? current.name : requireValidName(change.name);
  const invitationTtlDays =
    requireWholeDays('invitationTtlDays', change.invitationTtlDays, 1) ?? current.invitationTtlDays;
  const reminderDaysBeforeExpiry =
    requireWholeDays('reminderDaysBeforeExpiry', change.reminderDaysBeforeExpiry, 0) ??
    current.reminderDaysBeforeExpiry;
  const unchanged =
    name === current.name &&
    invitationTtlDays === current.invitationTtlDays &&
    reminderDaysBeforeExpiry === current.reminderDaysBeforeExpiry;
  return unchanged ? null : { name, invitationTtlDays, reminderDaysBeforeExpiry };
}
