import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export interface IdentityProviderUser {
  sub: string;
  name: string;
  org: string;
  roles: string[];
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
  clientId: string;
}

/**
 * A small OpenID Connect provider on this machine, for the console's sign-in test: discovery, an authorization
 * endpoint that signs the one configured user in at once (as a provider with an open session would), a token
 * endpoint that checks the PKCE verifier against the challenge, and the JWKS the gateway verifies tokens with.
 */
export class FakeIdentityProvider {
  /** What the console sent, for the test to check (the PKCE method, the verifier's match). */
  readonly authorizations: URLSearchParams[] = [];
  readonly tokenRequests: { verifierMatched: boolean; clientId: string | null }[] = [];
  private readonly codes = new Map<string, PendingCode>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly key: KeyLike,
    private readonly jwk: Record<string, unknown>,
    readonly audience: string,
    private readonly user: IdentityProviderUser,
  ) {}

  static async start(user: IdentityProviderUser, audience = 'invitations'): Promise<FakeIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'console-test', alg: 'RS256', use: 'sig' };
    let provider: FakeIdentityProvider | null = null;
    const server = createServer((req, res) => {
      provider!.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = new FakeIdentityProvider(server, issuer, privateKey, jwk, audience, user);
    return provider;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    // The console's page (another origin) reads the discovery document and the token answer.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return void res.end();
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: this.jwksUrl,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, { keys: [this.jwk] });
    if (url.pathname === '/authorize') {
      const params = url.searchParams;
      this.authorizations.push(params);
      const code = randomBytes(16).toString('base64url');
      this.codes.set(code, {
        challenge: params.get('code_challenge') ?? '',
        redirectUri: params.get('redirect_uri') ?? '',
        clientId: params.get('client_id') ?? '',
      });
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state') ?? '');
      res.statusCode = 302;
      res.setHeader('Location', back.toString());
      return void res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const pending = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const verifierMatched =
        pending !== undefined &&
        createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
      this.tokenRequests.push({ verifierMatched, clientId: form.get('client_id') });
      if (!pending || !verifierMatched || form.get('redirect_uri') !== pending.redirectUri) {
        res.statusCode = 400;
        return json(res, { error: 'invalid_grant' });
      }
      return json(res, await this.tokens(pending.clientId));
    }
    res.statusCode = 404;
    res.end();
  }

  /** An access token of the configured user, as the token endpoint gives one. */
  async accessToken(): Promise<string> {
    return (await this.tokens('invitations-console')).access_token;
  }

  private async tokens(clientId: string) {
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'console-test' })
        .setIssuer(this.issuer)
        .setAudience(audience)
        .setSubject(this.user.sub)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(this.key);
    return {
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'openid profile email',
      access_token: await sign(
        { org: this.user.org, roles: this.user.roles, name: this.user.name },
        this.audience,
      ),
      id_token: await sign({ name: this.user.name }, clientId),
    };
  }
}

function json(res: ServerResponse, value: unknown): void {
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(value));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
