import type { UserManager } from 'oidc-client-ts';
import type { OidcSettings } from './sign-in-config';

export const SIGNED_IN_PATH = '/console/signed-in';
export const SILENT_RENEW_PATH = '/console/silent-renew';

/**
 * Authorization code with PKCE at the organisation's identity provider. Tokens stay in memory (never in
 * localStorage or sessionStorage); only the short-lived state of a sign-in in progress (its PKCE verifier) waits
 * in sessionStorage across the redirect. Tokens are renewed before they expire (a refresh token when the provider
 * gives one, otherwise a hidden frame at SILENT_RENEW_PATH).
 */
export async function userManagerFor(settings: OidcSettings): Promise<UserManager> {
  // Loaded only where an identity provider is configured: the development sign-in never needs it.
  const { InMemoryWebStorage, UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const origin = window.location.origin;
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${origin}${SIGNED_IN_PATH}`,
    silent_redirect_uri: `${origin}${SILENT_RENEW_PATH}`,
    post_logout_redirect_uri: `${origin}/console/`,
    response_type: 'code',
    scope: settings.scope,
    automaticSilentRenew: true,
    silentRequestTimeoutInSeconds: 8,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    extraQueryParams: settings.audience ? { audience: settings.audience } : {},
  });
}
