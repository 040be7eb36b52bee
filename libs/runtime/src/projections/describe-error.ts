const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;

/**
 * An error's name and message, fit for the logs: no personal data. A duplicate-key message quotes
 * the key's values (an email, a mobile), so those are cut, and anything that looks like an email too.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'a non-Error value was thrown';
  const message = error.message
    .replace(/dup key:[\s\S]*$/, 'dup key: <redacted>')
    .replace(EMAIL, '<email>')
    .slice(0, 300);
  return `${error.name}: ${message}`;
}
