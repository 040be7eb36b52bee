// A real OpenID Connect provider for the end-to-end tests: oidc-provider (the certified Node implementation),
// on a local port, issuing JWT access tokens with the client credentials grant. Run by the tests as
//   node test/support/identity-provider.mjs
// with IDP_KEYS (a JSON array of private JWKs, the first one signing). It prints one JSON line once serving:
// {"issuer": "http://127.0.0.1:<port>"}. Each JSON line it reads on stdin, {"keys": [...]}, rotates its signing
// keys (the first one signs, all are published at its JWKS) and is answered with {"rotated": <kids>}.
//
// Clients (client_secret_basic, secret "<client_id>-secret") stand for admins; their metadata gives the claims
// their tokens carry: `org`, `roles` and `amr`. Resources (RFC 8707) name the audience of a token:
// https://invitations.example.test → "invitations", https://other-app.example.test → "some-other-app".
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

// stdout is the tests' channel: oidc-provider's own notices (development warnings) go to stderr.
for (const level of ['log', 'info', 'warn']) console[level] = (...args) => console.error(...args);

const RESOURCES = {
  'https://invitations.example.test': 'invitations',
  'https://other-app.example.test': 'some-other-app',
};

const admin = (clientId, claims) => ({
  client_id: clientId,
  client_secret: `${clientId}-secret`,
  grant_types: ['client_credentials'],
  redirect_uris: [],
  response_types: [],
  scope: 'admin',
  ...claims,
});

const CLIENTS = [
  admin('acme-admin', { org: 'acme', roles: ['org-admin'], amr: ['pwd'] }),
  admin('acme-admin-mfa', { org: 'acme', roles: ['org-admin'], amr: ['pwd', 'otp'] }),
];

function configure(issuer, keys) {
  const signingKid = keys[0].kid;
  const provider = new Provider(issuer, {
    clients: CLIENTS,
    scopes: ['openid', 'admin'],
    jwks: { keys },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    extraClientMetadata: { properties: ['org', 'roles', 'amr'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'https://invitations.example.test',
        getResourceServerInfo: (_ctx, resource) => {
          const audience = RESOURCES[resource];
          if (!audience) throw new Provider.errors.InvalidTarget();
          return {
            audience,
            scope: 'admin',
            accessTokenTTL: 300,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256', kid: signingKid } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const client = CLIENTS.find((candidate) => candidate.client_id === token.clientId);
      return client ? { org: client.org, roles: client.roles, amr: client.amr } : undefined;
    },
  });
  return provider.callback();
}

const keys = JSON.parse(process.env.IDP_KEYS ?? '[]');
let handle = null;
const server = createServer((req, res) => handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  handle = configure(issuer, keys);
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const next = JSON.parse(line).keys;
    handle = configure(issuer, next);
    process.stdout.write(`${JSON.stringify({ rotated: next.map((key) => key.kid) })}\n`);
  });
});
process.stdin.on('end', () => process.exit(0));
