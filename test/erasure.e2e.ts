import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Gateway, tokenOf } from './support/gateway-harness';
import { runOps } from './support/ops-cli';
import * as op from './support/operations';
import { SEARCH } from './support/lifecycle-operations';

const ERASE = `mutation($id: ID!) { eraseInvitee(inviteeId: $id) { inviteeId erasedAt } }`;
const INVITEE = `query($id: ID!) { invitee(id: $id) {
  id email dateOfBirth firstName lastName mobile state erased history { type actor data } } }`;
const AS_OF = `query($id: ID!, $asOf: DateTime!) { inviteeAsOf(inviteeId: $id, asOf: $asOf) { email firstName erased } }`;
const AUDIT = `query($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) { nodes { type inviteeId } } }`;

const ADA = {
  email: 'ada.erasable@example.com',
  dateOfBirth: '1985-07-21',
  firstName: 'Adaline',
  lastName: 'Vanderquist',
  mobile: '+61412555777',
};
const BOB = {
  email: 'bob.forgettable@example.com',
  dateOfBirth: '1979-02-03',
  firstName: 'Bartholomew',
  lastName: 'Quillfeather',
  mobile: '+61412555888',
};

const CARL = {
  email: 'carl.cli@example.com',
  dateOfBirth: '1991-11-11',
  firstName: 'Carlisle',
  lastName: 'Ottoway',
  mobile: '+61412555999',
};

/** The ops command line, beside the gateway (its DATA_DIR, its JWT secret). */
const ops = (dataDir: string, args: string[]) => runOps(args, { DATA_DIR: dataDir });

interface InviteeView {
  id: string;
  email: string;
  dateOfBirth: string;
  firstName: string;
  lastName: string;
  mobile: string | null;
  state: string;
  erased: boolean;
  history: { type: string; actor: string | null; data: string }[];
}

/** Every file under the directory, but the outbox of messages already sent (a record of sent mail). */
async function filesUnder(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of await readdir(directory)) {
    const path = join(directory, name);
    if ((await stat(path)).isDirectory()) {
      if (name !== 'outbox') files.push(...(await filesUnder(path)));
    } else files.push(path);
  }
  return files;
}

/** The personal values found in any file, in UTF-8 or as JSON would escape them. */
async function foundOnDisk(directory: string, values: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await filesUnder(directory)) {
    const bytes = await readFile(file);
    for (const value of values)
      if (bytes.includes(Buffer.from(value, 'utf8'))) found.add(`${value} in ${file}`);
  }
  return [...found];
}

describe('erasure by crypto-shredding, end to end', () => {
  let gw: Gateway;
  let dataDir: string;
  let tokenA: string;
  let tokenB: string;
  let opsToken: string;
  let batchA: string;
  let adaA: string;
  let adaB: string;
  let bob: string;
  let bobLink: string;
  let beforeErasure: string;

  const invitee = async (id: string, token = tokenA) =>
    (await gw.ok<{ invitee: InviteeView | null }>(INVITEE, { id }, token)).invitee;
  const stage = async (token: string, batchId: string, person: typeof ADA) =>
    (
      await gw.ok<{ stageInvitee: { id: string; uploadStatus: string } }>(
        op.STAGE,
        { input: { batchId, ...person } },
        token,
      )
    ).stageInvitee;
  const invite = async (token: string, batchId: string, inviteeId: string) => {
    await gw.ok(op.SEND, { input: { batchId, inviteeIds: [inviteeId], all: false } }, token);
    return tokenOf(await gw.waitForMessage((m) => m.inviteeId === inviteeId && m.channel === 'email'));
  };

  beforeAll(async () => {
    gw = await Gateway.start();
    dataDir = gw.dataDir;
    tokenA = await gw.token('org-a', 'alice', ['org-admin'], 'Alice Admin');
    tokenB = await gw.token('org-b', 'brenda');
    opsToken = await gw.token('operators', 'oscar', ['ops']);
    ({ batchId: batchA } = await gw.poolAndBatch(tokenA, 'Riggers', 'March'));
    const { batchId: batchB } = await gw.poolAndBatch(tokenB, 'Welders', 'April');
    // Ada accepts in A (a passport), and is staged in B too; Bob is invited in A and does not answer.
    adaA = (await stage(tokenA, batchA, ADA)).id;
    await gw.ok(op.ACCEPT, { token: await invite(tokenA, batchA, adaA) });
    adaB = (await stage(tokenB, batchB, ADA)).id;
    bob = (await stage(tokenA, batchA, BOB)).id;
    bobLink = await invite(tokenA, batchA, bob);
    beforeErasure = new Date().toISOString();
  }, 120_000);

  afterAll(async () => {
    await gw?.stop({ keepData: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets an admin erase their invited person: [erased] everywhere, the invitation revoked, the trail kept', async () => {
    expect((await gw.graphql(ERASE, { id: bob }, tokenB)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const { eraseInvitee } = await gw.ok<{ eraseInvitee: { inviteeId: string; erasedAt: string } }>(
      ERASE,
      { id: bob },
      tokenA,
    );
    expect(eraseInvitee).toEqual({ inviteeId: bob, erasedAt: expect.any(String) });

    const erased = await invitee(bob);
    expect(erased).toMatchObject({
      email: '[erased]',
      dateOfBirth: '[erased]',
      firstName: '[erased]',
      lastName: '[erased]',
      mobile: null,
      state: 'REVOKED',
      erased: true,
    });
    expect(erased?.history.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['InviteeStaged', 'InvitationSent', 'InvitationRevoked', 'InviteeErased']),
    );
    expect(JSON.stringify(erased?.history)).not.toContain('Quillfeather');
    const asOf = await gw.ok<{ inviteeAsOf: { email: string; erased: boolean } }>(
      AS_OF,
      { id: bob, asOf: beforeErasure },
      tokenA,
    );
    expect(asOf.inviteeAsOf).toMatchObject({ email: '[erased]', erased: true });
    const search = await gw.ok<{ searchInvitees: { nodes: unknown[] } }>(
      SEARCH,
      { search: 'quillfeather' },
      tokenA,
    );
    expect(search.searchInvitees.nodes).toEqual([]);
    // The link sent before no longer works, and the page names no one.
    const page = await (await fetch(`${gw.url}/invitations/accept?token=${bobLink}`)).text();
    expect(page).toMatch(/not valid/);
    expect(page).not.toContain('Bartholomew');
    // Erasing again answers the first erasure.
    const again = await gw.ok<{ eraseInvitee: { erasedAt: string } }>(ERASE, { id: bob }, tokenA);
    expect(again.eraseInvitee.erasedAt).toBe(eraseInvitee.erasedAt);
    const audit = await gw.ok<{ auditLog: { nodes: { type: string; inviteeId: string | null }[] } }>(
      AUDIT,
      { filter: { types: ['InviteeErased'] } },
      tokenA,
    );
    expect(audit.auditLog.nodes).toEqual([{ type: 'InviteeErased', inviteeId: bob }]);
  });

  it('lets an operator erase a person by email: the passport and every invitee in every organisation', async () => {
    expect(
      (
        await fetch(`${gw.url}/ops/erasure`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokenA}` },
        })
      ).status,
    ).toBe(403);
    const response = await fetch(`${gw.url}/ops/erasure`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opsToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADA.email.toUpperCase() }),
    });
    expect(response.status).toBe(201);
    const erasure = (await response.json()) as {
      passportId: string | null;
      invitees: { inviteeId: string }[];
    };
    expect(erasure.passportId).toEqual(expect.any(String));
    expect(erasure.invitees.map((one) => one.inviteeId).sort()).toEqual([adaA, adaB].sort());

    expect(await invitee(adaA)).toMatchObject({ email: '[erased]', state: 'ACCEPTED', erased: true });
    expect(await invitee(adaB, tokenB)).toMatchObject({ email: '[erased]', state: 'UPLOADED', erased: true });
    const check = await gw.ok<{ checkPersonnel: { passportExists: boolean } }>(
      op.CHECK,
      { email: ADA.email, dob: ADA.dateOfBirth },
      tokenA,
    );
    expect(check.checkPersonnel.passportExists).toBe(false);
  });

  it('lets an operator erase from the command line; the audit export reads [erased]', async () => {
    const carl = (await stage(tokenA, batchA, CARL)).id;
    const erased = await ops(dataDir, ['erase', '--email', CARL.email, '--url', gw.url]);
    expect(erased.stderr).toBe('');
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('no passport for this email');
    expect(erased.stdout).toMatch(new RegExp(`^invitee ${carl} of org-a erased at `, 'm'));
    expect(await invitee(carl)).toMatchObject({ firstName: '[erased]', erased: true });

    const exported = await ops(dataDir, ['export', '--org', 'org-a']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('"InviteeErased"');
    expect(exported.stdout).toContain('[erased]');
    for (const value of [CARL.lastName, BOB.lastName, ADA.lastName, BOB.email])
      expect(exported.stdout).not.toContain(value);
  }, 120_000);

  it('keeps it so across a restart and a rebuild, and leaves no original value on disk but in the sent mail', async () => {
    await gw.stop({ keepData: true });
    gw = await Gateway.start({ dataDir });
    expect(await invitee(bob)).toMatchObject({ email: '[erased]', erased: true, state: 'REVOKED' });
    expect(await invitee(adaA)).toMatchObject({ firstName: '[erased]', erased: true, state: 'ACCEPTED' });

    const rebuild = await fetch(`${gw.url}/ops/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opsToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await rebuild.text()).toContain('"result"');
    expect(await invitee(adaB, tokenB)).toMatchObject({ lastName: '[erased]', erased: true });

    const values = [
      ADA.email,
      ADA.firstName,
      ADA.lastName,
      ADA.mobile,
      BOB.email,
      BOB.firstName,
      BOB.lastName,
      BOB.mobile,
      CARL.email,
      CARL.firstName,
      CARL.lastName,
      CARL.mobile,
    ];
    expect(await foundOnDisk(dataDir, values)).toEqual([]);
    // The outbox is the record of the mail already sent: it still names who it was sent to (docs/operations.md).
    expect(await foundOnDisk(join(dataDir, 'outbox'), [BOB.email])).not.toEqual([]);
  }, 120_000);

  it('lets an erased person be invited again, as someone new', async () => {
    const again = await stage(tokenA, batchA, ADA);
    expect(again.uploadStatus).toBe('NEW');
    expect(await invitee(again.id)).toMatchObject({ email: ADA.email, erased: false });
  });
});
