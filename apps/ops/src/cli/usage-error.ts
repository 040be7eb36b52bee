/** The command line was used wrongly: the command exits with status 2 and says how to use it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** True for a usage error, ours or one of node's parseArgs (an unknown option, a missing value). */
export function isUsageError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    String((error as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS')
  );
}
