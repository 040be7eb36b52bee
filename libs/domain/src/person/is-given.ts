/** A detail counts as given when it holds more than whitespace: one the admin left empty is never compared. */
export function isGiven(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}
