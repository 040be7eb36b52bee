import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintDevToken } from './dev-token';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const secret = 'test-secret-of-enough-length-0123456789';
/** A verifier of HS256 tokens with nothing remembered yet. */
const hsVerifier = () => new TokenVerifier({ secret, jwksUrl: null, issuer: null, audience: null });
const hs = hsVerifier();
/** A token signed with the secret for user u, its claims and times as the test needs them (one left out, say). */
const hsSigned = (claims: Record<string, unknown>, times: (jwt: SignJWT) => SignJWT) =>
  times(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u')).sign(
    new TextEncoder().encode(secret),
  );
/** The principal of a development token of user-1 in org-a with no other claim. */
const USER_1_OF_ORG_A = {
  userId: 'user-1',
  organisationId: 'org-a',
  roles: ['org-admin'],
  authenticationMethods: [],
};

describe('TokenVerifier with an HS256 secret', () => {
  it('reads the principal from a valid token', async () => {
    const token = await mintDevToken(secret, { sub: 'user-1', org: 'org-a' });
    await expect(hs.verify(token)).resolves.toEqual(USER_1_OF_ORG_A);
  });

  it("reads the admin's display name (name) when the token has one", async () => {
    const named = await mintDevToken(secret, { sub: 'user-1', org: 'org-a', name: '  Ada Admin ' });
    await expect(hs.verify(named)).resolves.toMatchObject({ userId: 'user-1', displayName: 'Ada Admin' });
  });

  it('reads how the admin signed in (amr)', async () => {
    const token = await mintDevToken(secret, { sub: 'user-1', org: 'org-a', amr: ['pwd', 'otp'] });
    await expect(hs.verify(token)).resolves.toMatchObject({ authenticationMethods: ['pwd', 'otp'] });
  });

  it('refuses a token without an expiry (exp), with a message that says so', async () => {
    const token = await hsSigned({ org: 'o', roles: ['org-admin'] }, (jwt) => jwt.setIssuedAt());
    await expect(hs.verify(token)).rejects.toThrow(
      new InvalidTokenError('The token has no expiry (exp): only tokens that expire are accepted'),
    );
  });

  it('mints development tokens that live an hour unless told otherwise', async () => {
    const { payload } = await jwtVerify(
      await mintDevToken(secret, { sub: 'u', org: 'o' }),
      new TextEncoder().encode(secret),
    );
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  describe('a token verified lately', () => {
    afterEach(() => jest.useRealTimers());

    it('is taken again until it expires, then refused as expired', async () => {
      jest.useFakeTimers({ now: new Date('2026-12-05T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
      const verifier = hsVerifier();
      const token = await mintDevToken(secret, { sub: 'user-1', org: 'org-a', expiresIn: '30s' });
      await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'user-1' });
      jest.setSystemTime(new Date('2026-12-05T12:00:29Z'));
      await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'user-1' });
      jest.setSystemTime(new Date('2026-12-05T12:00:31Z'));
      await expect(verifier.verify(token)).rejects.toThrow(new InvalidTokenError('The token has expired'));
    });

    it("gives each request a principal of its own (one request's changes reach no other)", async () => {
      const verifier = hsVerifier();
      const token = await mintDevToken(secret, { sub: 'user-1', org: 'org-a' });
      const first = await verifier.verify(token);
      first.roles.push('ops');
      first.organisationId = 'org-b';
      await expect(verifier.verify(token)).resolves.toEqual(USER_1_OF_ORG_A);
    });

    it('spares no other token the check: the same claims signed with another secret are refused', async () => {
      const verifier = hsVerifier();
      await verifier.verify(await mintDevToken(secret, { sub: 'u', org: 'o' }));
      const forged = await mintDevToken('another-secret-of-enough-length-xyz', { sub: 'u', org: 'o' });
      await expect(verifier.verify(forged)).rejects.toThrow(new InvalidTokenError('The token is not valid'));
    });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintDevToken('another-secret-of-enough-length-xyz', { sub: 'u', org: 'o' });
    await expect(hs.verify(token)).rejects.toThrow(new InvalidTokenError('The token is not valid'));
  });

  it('refuses an expired token with a message that says so', async () => {
    const token = await hsSigned({ org: 'o', roles: ['org-admin'] }, (jwt) =>
      jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60),
    );
    await expect(hs.verify(token)).rejects.toThrow('The token has expired');
  });

  it('refuses a token without an organisation', async () => {
    const token = await hsSigned({ roles: ['org-admin'] }, (jwt) => jwt.setExpirationTime('1h'));
    await expect(hs.verify(token)).rejects.toThrow('The token has no organisation (org)');
  });

  it('refuses malformed tokens and the "none" algorithm', async () => {
    await expect(hs.verify('not.a.token')).rejects.toBeInstanceOf(InvalidTokenError);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u","org":"o"}').toString('base64url')}.`;
    await expect(hs.verify(unsigned)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});

describe('TokenVerifier with a JWKS (RS256) and issuer/audience', () => {
  let server: Server;
  let url: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (issuer: string, audience: string, expires: string | null = '5m') => {
    const jwt = new SignJWT({ org: 'org-b', roles: ['org-admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('user-9')
      .setIssuer(issuer)
      .setAudience(audience);
    return (expires === null ? jwt : jwt.setExpirationTime(expires)).sign(privateKey);
  };
  const idp = () =>
    new TokenVerifier({ secret: null, jwksUrl: url, issuer: 'https://idp', audience: 'invitations' });

  it('accepts a token from the identity provider', async () => {
    const verifier = idp();
    await expect(verifier.verify(await sign('https://idp', 'invitations'))).resolves.toMatchObject({
      userId: 'user-9',
      organisationId: 'org-b',
    });
  });

  it('refuses a token for another audience or issuer', async () => {
    const verifier = idp();
    await expect(verifier.verify(await sign('https://idp', 'other-app'))).rejects.toThrow(
      new InvalidTokenError('The token was not issued for this service (aud)'),
    );
    await expect(verifier.verify(await sign('https://evil', 'invitations'))).rejects.toThrow(
      new InvalidTokenError('The token was not issued by the expected identity provider (iss)'),
    );
  });

  it("refuses the provider's token without an expiry", async () => {
    await expect(idp().verify(await sign('https://idp', 'invitations', null))).rejects.toThrow(
      'The token has no expiry (exp)',
    );
  });

  it('will not verify with a JWKS alone: the issuer and the audience are required', () => {
    for (const [issuer, audience] of [
      [null, 'invitations'],
      ['https://idp', null],
      [null, null],
    ]) {
      expect(() => new TokenVerifier({ secret: null, jwksUrl: url, issuer, audience })).toThrow(
        /needs the issuer and the audience/,
      );
    }
  });
});
