/**
 * A number of days as the API shows it: whole days (the GraphQL fields are Int). The service's own settings may be
 * fractions of a day (so that a test can expire an invitation in seconds): those show rounded up, never as 0.
 */
export const wholeDays = (days: number): number => Math.max(1, Math.ceil(days));

/** A reminder setting as the API shows it: null for none (unset or 0). */
export const reminderDays = (days: number | null): number | null =>
  days === null || days <= 0 ? null : wholeDays(days);
