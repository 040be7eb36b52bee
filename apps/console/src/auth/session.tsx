import type { UserManager } from 'oidc-client-ts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { accessToken } from '../api/access-token';
import { ApiProblem, asProblem } from '../api/api-problem';
import { claimsOf, type AdminClaims } from './claims';
import { SIGNED_IN_PATH, userManagerFor } from './oidc';
import { developmentToken, loadSignInConfig, type SignInConfig } from './sign-in-config';

export type Session =
  | { status: 'loading' }
  | { status: 'unavailable'; problem: ApiProblem }
  | { status: 'signed-out'; config: SignInConfig; notice: string | null }
  | { status: 'signed-in'; config: SignInConfig; claims: AdminClaims; returnTo?: string };

interface SessionActions {
  signInForDevelopment(organisation: string, user: string, ops: boolean): Promise<void>;
  signInWithProvider(returnTo: string): Promise<void>;
  signInWithToken(token: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<(SessionActions & { session: Session }) | null>(null);

interface DevelopmentSignIn {
  organisation: string;
  user: string;
  ops: boolean;
}

/** sessionStorage key: who used the development sign-in in this tab (never a token). */
const DEVELOPMENT_SIGN_IN = 'invitations-console.development-sign-in';

function rememberedDevelopmentSignIn(): DevelopmentSignIn | null {
  try {
    const who = JSON.parse(sessionStorage.getItem(DEVELOPMENT_SIGN_IN) ?? 'null') as DevelopmentSignIn | null;
    return who && typeof who.organisation === 'string' && typeof who.user === 'string' ? who : null;
  } catch {
    return null;
  }
}

/** A development token is minted again this long before it ends, so that a working admin is never cut off. */
const RENEW_BEFORE_MS = 2 * 60_000;

/**
 * Who is signed in, and how: at the organisation's identity provider (OIDC, code + PKCE), with the development
 * sign-in of the embedded defaults, or with a pasted token. The token lives in memory only.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const manager = useRef<UserManager | null>(null);
  const renewal = useRef<number | undefined>(undefined);

  const signedIn = useCallback((config: SignInConfig, token: string, returnTo?: string): boolean => {
    const claims = claimsOf(token);
    if (!claims) return false;
    accessToken.set(token);
    setSession((current) => ({
      status: 'signed-in',
      config,
      claims,
      returnTo: returnTo ?? (current.status === 'signed-in' ? current.returnTo : undefined),
    }));
    return true;
  }, []);

  const signedOut = useCallback((config: SignInConfig, notice: string | null) => {
    window.clearTimeout(renewal.current);
    sessionStorage.removeItem(DEVELOPMENT_SIGN_IN);
    accessToken.set(null);
    setSession({ status: 'signed-out', config, notice });
  }, []);

  const startDevelopmentSession = useCallback(
    async (config: SignInConfig, who: DevelopmentSignIn) => {
      const mint = async () => {
        const minted = await developmentToken(who.organisation, who.user, who.ops);
        signedIn(config, minted.token);
        window.clearTimeout(renewal.current);
        const renewIn = Math.max(10_000, new Date(minted.expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS);
        renewal.current = window.setTimeout(() => {
          mint().catch(() => signedOut(config, 'Your session has ended: sign in again.'));
        }, renewIn);
      };
      await mint();
      // Who signed in (no credential): a reload of the page signs them in again.
      sessionStorage.setItem(DEVELOPMENT_SIGN_IN, JSON.stringify(who));
    },
    [signedIn, signedOut],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const config = await loadSignInConfig();
        if (cancelled) return;
        if (config.signIn === 'development') {
          const who = rememberedDevelopmentSignIn();
          if (who) await startDevelopmentSession(config, who).catch(() => signedOut(config, null));
          else signedOut(config, null);
          return;
        }
        if (config.signIn !== 'oidc') return signedOut(config, null);
        const users = await userManagerFor(config.oidc);
        if (cancelled) return;
        manager.current = users;
        users.events.addUserLoaded((user) => {
          signedIn(config, user.access_token);
        });
        users.events.addAccessTokenExpired(() => signedOut(config, 'Your session has ended: sign in again.'));
        if (window.location.pathname === SIGNED_IN_PATH) {
          const user = await users.signinRedirectCallback();
          if (cancelled) return;
          // The callback's own route (/signed-in) sends the admin on to where they were going.
          const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
          if (!signedIn(config, user.access_token, returnTo)) {
            signedOut(config, 'The identity provider gave no organisation (org) in the access token.');
          }
          return;
        }
        signedOut(config, null);
      } catch (error) {
        if (!cancelled) setSession({ status: 'unavailable', problem: asProblem(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [signedIn, signedOut, startDevelopmentSession]);

  // The API answered UNAUTHENTICATED (an expired or revoked token): back to the sign-in page, saying why.
  useEffect(
    () =>
      accessToken.onExpired(() =>
        setSession((current) =>
          current.status === 'signed-in'
            ? (accessToken.set(null),
              {
                status: 'signed-out',
                config: current.config,
                notice: 'Your session has ended: sign in again.',
              })
            : current,
        ),
      ),
    [],
  );

  const signInForDevelopment = useCallback(
    async (organisation: string, user: string, ops: boolean) => {
      if (session.status !== 'signed-out' && session.status !== 'signed-in') return;
      await startDevelopmentSession(session.config, { organisation, user, ops });
    },
    [session, startDevelopmentSession],
  );

  const signInWithProvider = useCallback(async (returnTo: string) => {
    if (!manager.current)
      throw new ApiProblem({ code: 'NOT_CONFIGURED', message: 'No identity provider is configured.' });
    await manager.current.signinRedirect({ state: { returnTo } });
  }, []);

  const signInWithToken = useCallback(
    (token: string) => {
      if (session.status !== 'signed-out') return;
      const claims = claimsOf(token.trim());
      if (!claims)
        throw new ApiProblem({
          code: 'BAD_USER_INPUT',
          message: 'This is not an admin token: it names no organisation.',
        });
      if (claims.expiresAt !== null && claims.expiresAt * 1000 < Date.now()) {
        throw new ApiProblem({ code: 'BAD_USER_INPUT', message: 'This token has expired.' });
      }
      signedIn(session.config, token.trim());
    },
    [session, signedIn],
  );

  const signOut = useCallback(async () => {
    if (session.status !== 'signed-in') return;
    const users = manager.current;
    signedOut(session.config, 'You have signed out.');
    if (users) {
      const metadata = await users.metadataService.getMetadata().catch(() => null);
      if (metadata?.end_session_endpoint) await users.signoutRedirect();
      else await users.removeUser();
    }
  }, [session, signedOut]);

  const value = useMemo(
    () => ({ session, signInForDevelopment, signInWithProvider, signInWithToken, signOut }),
    [session, signInForDevelopment, signInWithProvider, signInWithToken, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in admin (only under the signed-in layout). */
export function useAdmin(): AdminClaims {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useAdmin without a signed-in admin');
  return session.claims;
}
