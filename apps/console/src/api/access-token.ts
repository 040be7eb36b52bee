/**
 * The bearer token of the signed-in admin, kept in memory only (never in storage a script or another tab could
 * read later). The session sets it; the API calls read it.
 */
let current: string | null = null;
const expiredListeners = new Set<() => void>();

export const accessToken = {
  get: (): string | null => current,
  set: (token: string | null): void => {
    current = token;
  },
  /** The API said UNAUTHENTICATED: the session ends and the sign-in page says why. */
  expired: (): void => expiredListeners.forEach((listener) => listener()),
  onExpired: (listener: () => void): (() => void) => {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },
};

export function authorizationHeader(): Record<string, string> {
  return current ? { authorization: `Bearer ${current}` } : {};
}
