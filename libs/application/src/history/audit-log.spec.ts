import type { RecordedEvent } from '@invitations/event-store';
import { InMemoryReadModels } from '@invitations/read-models';
import { applyEvents } from '@invitations/read-models/testing';
import { revokeInvitation } from '../invitations/change-invitation';
import { sendInvitations } from '../invitations/send-invitations';
import { adminContext, applicationWorld, type ApplicationWorld } from '../testing/application-world';
import { aPoolAndBatch, staged } from '../testing/scenario';
import { auditLogEntries, auditLogPage } from './audit-log';
import { auditLogCsv } from './audit-log-csv';

async function readModelsOf(world: ApplicationWorld): Promise<InMemoryReadModels> {
  const readModels = new InMemoryReadModels();
  const events: RecordedEvent[] = [];
  for await (const event of world.store.readAll()) events.push(event);
  await applyEvents(readModels.storage, events);
  return readModels;
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe("the organisation's audit log", () => {
  let world: ApplicationWorld;
  let ports: Parameters<typeof auditLogPage>[0];
  let inviteeId: string;
  let batchId: string;
  let poolId: string;

  beforeEach(async () => {
    world = applicationWorld();
    ({ poolId, batchId } = await aPoolAndBatch(world));
    inviteeId = await staged(world, batchId);
    await sendInvitations(world, adminContext({ actor: 'bob', actorName: '=Bob Builder' }), {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: 'Welcome aboard',
    });
    await revokeInvitation(world, adminContext({ actor: 'bob', actorName: '=Bob Builder' }), inviteeId);
    // Another organisation's work, in the same log.
    await aPoolAndBatch(world, { organisationId: 'org-b', actor: 'mallory' });
    ports = { store: world.store, audit: (await readModelsOf(world)).audit };
  });

  it("pages the organisation's entries oldest first, each with its data, actor's name, pool, batch and invitee", async () => {
    const all = await auditLogPage(ports, 'org-a', {}, 100, null);
    const types = all.entries.map((entry) => entry.type);
    expect(types[0]).toBe('ResourcePoolCreated');
    expect(types).toEqual(expect.arrayContaining(['InviteeStaged', 'InvitationSent', 'InvitationRevoked']));
    expect(all.entries.every((entry) => entry.actor !== 'mallory')).toBe(true);
    const positions = all.entries.map((entry) => BigInt(entry.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

    const revoked = all.entries.find((entry) => entry.type === 'InvitationRevoked')!;
    expect(revoked).toMatchObject({ actor: 'bob', actorName: '=Bob Builder', inviteeId, batchId, poolId });
    const sent = all.entries.find((entry) => entry.type === 'InvitationSent')!;
    expect(sent.data).toMatchObject({ inviteeId, message: 'Welcome aboard' });
    const stagedEntry = all.entries.find((entry) => entry.type === 'InviteeStaged')!;
    expect(stagedEntry).toMatchObject({ actor: 'alice', actorName: null });
  });

  it('narrows by actor, types, batch and invitee, and pages after a cursor', async () => {
    const byBob = await auditLogPage(ports, 'org-a', { actor: 'bob' }, 100, null);
    expect(byBob.entries.map((entry) => entry.type)).toEqual(['InvitationSent', 'InvitationRevoked']);
    const ofInvitee = await auditLogPage(
      ports,
      'org-a',
      { inviteeId, types: ['InvitationRevoked'] },
      100,
      null,
    );
    expect(ofInvitee.entries.map((entry) => entry.type)).toEqual(['InvitationRevoked']);

    const all = await auditLogPage(ports, 'org-a', { batchId }, 100, null);
    const first = await auditLogPage(ports, 'org-a', { batchId }, 1, null);
    expect(first).toMatchObject({
      hasNextPage: true,
      endCursor: first.entries[0].position.padStart(20, '0'),
    });
    const rest = await auditLogPage(ports, 'org-a', { batchId }, 100, first.endCursor);
    expect([...first.entries, ...rest.entries]).toEqual(all.entries);
    expect(rest.hasNextPage).toBe(false);
  });

  it("never answers another organisation's entries", async () => {
    const theirs = await auditLogPage(ports, 'org-b', {}, 100, null);
    expect(theirs.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.every((entry) => entry.actor === 'mallory')).toBe(true);
    expect((await auditLogPage(ports, 'org-b', { inviteeId }, 100, null)).entries).toEqual([]);
  });

  it('refuses a page size out of range, a cursor it did not make, and a period that ends before it starts', async () => {
    await expect(auditLogPage(ports, 'org-a', {}, 0, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(auditLogPage(ports, 'org-a', {}, 501, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(auditLogPage(ports, 'org-a', {}, 10, 'abc')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const period = { from: new Date('2025-03-03T00:00:00Z'), to: new Date('2025-03-02T00:00:00Z') };
    await expect(auditLogPage(ports, 'org-a', period, 10, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('streams every entry as CSV, with a header, and the cells a spreadsheet would run escaped', async () => {
    const csv = await text(auditLogCsv(auditLogEntries(ports, 'org-a', { actor: 'bob' })));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('position,at,type,actor,actor_name,pool_id,batch_id,invitee_id,data');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,InvitationSent,bob,"'=Bob Builder",${poolId},${batchId},${inviteeId},`);
  });
});
