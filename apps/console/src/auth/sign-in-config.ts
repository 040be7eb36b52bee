import { asProblem, problemFromResponse } from '../api/api-problem';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  audience: string | null;
}

/** How this gateway signs admins in (GET /console/auth/config): its identity provider, or a development sign-in. */
export type SignInConfig =
  | { signIn: 'oidc'; oidc: OidcSettings }
  | { signIn: 'development'; tokenMinutes: number }
  | { signIn: 'token'; reason: string };

export async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const response = await fetch('/console/auth/config', { headers: { accept: 'application/json' } });
    if (!response.ok) throw await problemFromResponse(response);
    return (await response.json()) as SignInConfig;
  } catch (error) {
    throw asProblem(error);
  }
}

export interface DevelopmentSession {
  token: string;
  expiresAt: string;
}

/** The development sign-in: the gateway mints a short-lived admin token for this organisation and user. */
export async function developmentToken(
  organisation: string,
  user: string,
  ops: boolean,
): Promise<DevelopmentSession> {
  try {
    const response = await fetch('/console/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ organisation, user, ops }),
    });
    if (!response.ok) throw await problemFromResponse(response);
    return (await response.json()) as DevelopmentSession;
  } catch (error) {
    throw asProblem(error);
  }
}
