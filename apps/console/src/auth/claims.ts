/** What the console shows of the signed-in admin, read from the access token (the gateway verifies it). */
export interface AdminClaims {
  user: string;
  organisation: string;
  roles: string[];
  /** Seconds since the epoch. */
  expiresAt: number | null;
  name: string | null;
}

/** The token's claims, or null when it is not a JWT the gateway could accept (no org, no sub). */
export function claimsOf(token: string): AdminClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.org !== 'string') return null;
    return {
      user: claims.sub,
      organisation: claims.org,
      roles: Array.isArray(claims.roles)
        ? claims.roles.filter((r): r is string => typeof r === 'string')
        : [],
      expiresAt: typeof claims.exp === 'number' ? claims.exp : null,
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  } catch {
    return null;
  }
}
