/**
 * EventStoreDB was renamed KurrentDB, and newer clients and docs write `kurrentdb://` (or `kurrent://`).
 * The 6.x `@eventstore/db-client` we use parses only `esdb://` and `esdb+discover://`; the part after the scheme
 * (hosts, credentials, `?tls=false&...`) is the same in both dialects, so translating the scheme is enough.
 */
const SCHEMES: Readonly<Record<string, string>> = {
  esdb: 'esdb',
  'esdb+discover': 'esdb+discover',
  kurrentdb: 'esdb',
  'kurrentdb+discover': 'esdb+discover',
  kurrent: 'esdb',
  'kurrent+discover': 'esdb+discover',
};

export class InvalidConnectionStringError extends Error {
  override readonly name = 'InvalidConnectionStringError';
}

/** Rewrites a KurrentDB connection string for the 6.x client; `esdb://` strings pass through unchanged. */
export function toEsdbConnectionString(connectionString: string): string {
  const trimmed = connectionString.trim();
  const match = /^([a-z+]+):\/\//i.exec(trimmed);
  const scheme = match ? SCHEMES[match[1].toLowerCase()] : undefined;
  if (!match || !scheme) {
    // The string itself may hold a password: name only what was expected.
    throw new InvalidConnectionStringError(
      'An EventStoreDB connection string must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://',
    );
  }
  return `${scheme}://${trimmed.slice(match[0].length)}`;
}
