import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { eachTempDirectory } from '@invitations/event-store/testing';
import { loadConfig } from '@invitations/runtime';
import { chooseTarget } from './target';
import { UsageError } from './usage-error';

describe('where a command finds the read models', () => {
  const production = {
    EVENT_STORE: 'esdb://es:2113?tls=false',
    READ_STORE: 'mongodb://mongo:27017/invitations',
  };

  it('works on EventStoreDB + MongoDB directly', () => {
    expect(chooseTarget(loadConfig(production), {})).toEqual({ kind: 'stores' });
  });

  it('asks the gateway on PORT when the read models are embedded, or when only the log is', () => {
    const embedded = chooseTarget(loadConfig({ PORT: '4100' }), {});
    const mixed = chooseTarget(loadConfig({ READ_STORE: production.READ_STORE }), {});

    expect(embedded).toMatchObject({ kind: 'gateway', url: 'http://localhost:4100' });
    expect(mixed).toMatchObject({ kind: 'gateway', url: 'http://localhost:3000' });
  });

  it('asks the gateway given with --url in any case', () => {
    expect(chooseTarget(loadConfig(production), { url: 'https://gw.example.test/' })).toMatchObject({
      kind: 'gateway',
      url: 'https://gw.example.test',
    });
  });

  describe('the operator token', () => {
    const directory = eachTempDirectory('ops-token-');

    const tokenFor = async (env: Record<string, string>, given?: string) => {
      const target = chooseTarget(loadConfig({ DATA_DIR: directory.path, ...env }), { token: given });
      if (target.kind !== 'gateway') throw new Error('expected the gateway');
      return target.token();
    };

    it('is the one given', async () => {
      expect(await tokenFor({}, 'given-token')).toBe('given-token');
    });

    it("is signed with JWT_SECRET, or else with the embedded gateway's DATA_DIR/jwt-secret, and has the ops role", async () => {
      await writeFile(join(directory.path, 'jwt-secret'), 'kept-secret-kept-secret-kept-secret\n');
      const fromEnv = await tokenFor({ JWT_SECRET: 'env-secret-env-secret-env-secret' });
      const fromFile = await tokenFor({});

      const key = (secret: string) => new TextEncoder().encode(secret);
      expect((await jwtVerify(fromEnv, key('env-secret-env-secret-env-secret'))).payload).toMatchObject({
        roles: ['ops'],
        amr: ['swk'],
      });
      expect((await jwtVerify(fromFile, key('kept-secret-kept-secret-kept-secret'))).payload).toMatchObject({
        roles: ['ops'],
      });
    });

    it('is never signed with a new secret: without one, it is a usage error', async () => {
      await expect(tokenFor({})).rejects.toBeInstanceOf(UsageError);
      await expect(tokenFor({})).rejects.toThrow(/No JWT_SECRET and no .*jwt-secret/);
    });

    it('must be given when an identity provider signs the tokens', async () => {
      const idp = {
        JWT_JWKS_URL: 'https://idp.example.test/jwks',
        JWT_ISSUER: 'https://idp.example.test',
        JWT_AUDIENCE: 'invitations',
      };
      await expect(tokenFor(idp)).rejects.toThrow(/pass --token/);
    });
  });
});
