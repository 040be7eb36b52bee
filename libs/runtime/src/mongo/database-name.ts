/** The database the service uses when the URI names none. */
export const DEFAULT_DATABASE_NAME = 'invitations';

/**
 * The database named by a MongoDB URI's path (`mongodb://host:27017/invitations?replicaSet=rs0`), or the default.
 * Parsed by hand: `new URL` cannot read the comma-separated host lists of replica-set URIs.
 */
export function databaseNameFromUri(uri: string, fallback: string = DEFAULT_DATABASE_NAME): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?#]*(?:\/([^?#]*))?/i.exec(uri.trim());
  if (!match) throw new Error('A MongoDB URI must start with mongodb:// or mongodb+srv://');
  const name = decodeURIComponent(match[1] ?? '');
  return name === '' ? fallback : name;
}
