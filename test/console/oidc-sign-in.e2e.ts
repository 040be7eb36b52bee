import { consoleSession } from './support/console-session';
import { FakeIdentityProvider } from './support/fake-identity-provider';
import { see } from './support/see';

// Signing in at an identity provider: OpenID Connect authorization code with PKCE, in a real browser, against a
// provider on this machine whose tokens the gateway verifies with its JWKS.

describe('the console signs in at an OpenID Connect provider', () => {
  let provider: FakeIdentityProvider;

  // Started before the gateway (whose settings name it), stopped after it.
  beforeAll(async () => {
    provider = await FakeIdentityProvider.start({
      sub: 'dana',
      name: 'Dana Whitfield',
      org: 'northern-trust',
      roles: ['org-admin'],
    });
  });
  const session = consoleSession({
    gateway: () => ({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'invitations-console',
        OIDC_AUDIENCE: provider.audience,
        JWT_JWKS_URL: provider.jwksUrl,
        JWT_ISSUER: provider.issuer,
        JWT_AUDIENCE: provider.audience,
      },
    }),
  });
  afterAll(() => provider?.stop());

  it('sends the admin to the provider with a PKCE challenge and comes back signed in, where they were going', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await page.goto('/console/batches');
    const signIn = page.getByRole('button', { name: `Sign in with ${new URL(provider.issuer).host}` });
    await signIn.waitFor();
    await ui.capture('sign-in-provider');
    await signIn.click();
    await page.getByRole('heading', { name: 'Invite personnel', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/batches');

    const [authorization] = provider.authorizations;
    expect(authorization.get('response_type')).toBe('code');
    expect(authorization.get('code_challenge_method')).toBe('S256');
    expect(authorization.get('client_id')).toBe('invitations-console');
    expect(authorization.get('audience')).toBe('invitations');
    expect(authorization.get('redirect_uri')).toBe(`${gateway.url}/console/signed-in`);
    expect(provider.tokenRequests).toEqual([{ verifierMatched: true, clientId: 'invitations-console' }]);

    await see(page.getByTestId('organisation')).contains('northern-trust');
    await see(page.getByRole('button', { name: /Signed in as Dana Whitfield/ })).visible();
  });

  it('calls the API with the provider’s access token', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await ui.goToSection('Resource pools');
    await page.getByRole('button', { name: 'New pool' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Ward 7 nurses');
    await page.getByRole('button', { name: 'Create pool' }).click();
    await see(page.getByRole('status')).contains('Pool Ward 7 nurses created');
    // Made as the provider's user, in the provider's organisation: the API read both from the verified token.
    const token = await provider.accessToken();
    const { resourcePools } = await gateway.ok<{ resourcePools: { name: string }[] }>(
      'query { resourcePools { name } }',
      {},
      token,
    );
    expect(resourcePools.map((p) => p.name)).toEqual(['Ward 7 nurses']);
  });

  it('signs out', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('button', { name: /Signed in as Dana Whitfield/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await see(page.getByText('You have signed out.')).visible();
  });
});
