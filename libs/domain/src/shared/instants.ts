/**
 * Comparisons of ISO-8601 instants. Parsed rather than compared as strings, so that instants written with or
 * without milliseconds, or with an offset, still compare by time.
 */
export function isBefore(instant: string, other: string): boolean {
  return Date.parse(instant) < Date.parse(other);
}

export function isAtOrAfter(instant: string, other: string): boolean {
  return Date.parse(instant) >= Date.parse(other);
}
