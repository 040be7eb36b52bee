import { positionKey } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { writeDocuments } from '../testing/write-documents';
import type { AuditEntryDoc } from './audit-entry.document';

let position = 1n;
const entry = (fields: Partial<AuditEntryDoc> = {}): AuditEntryDoc => {
  const key = positionKey(position++);
  return {
    _id: key,
    organisationId: 'org-1',
    type: 'InviteeStaged',
    at: '2025-03-01T09:00:00.000Z',
    actor: 'admin-1',
    actorName: 'Ada Admin',
    stream: 'invitee-i1',
    revision: '0',
    poolId: 'pool-1',
    batchId: 'batch-1',
    inviteeId: 'i1',
    _pos: key,
    ...fields,
  };
};

describeOnBothAdapters('audit', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const write = (...docs: AuditEntryDoc[]) => writeDocuments(readModels, 'audit', docs);
  const ids = (docs: readonly AuditEntryDoc[]) => docs.map((doc) => doc._id);

  it("pages an organisation's entries in log order, and never another organisation's", async () => {
    const mine = [entry(), entry({ type: 'InvitationSent' }), entry({ type: 'InvitationAccepted' })];
    const theirs = entry({ organisationId: 'org-2', actor: 'admin-2' });
    await write(theirs, ...mine);

    const first = await readModels.audit.page({ organisationId: 'org-1' }, 2, null);
    expect(ids(first.entries)).toEqual(ids(mine.slice(0, 2)));
    expect(first).toMatchObject({ hasNextPage: true, endCursor: mine[1]._id });
    const second = await readModels.audit.page({ organisationId: 'org-1' }, 2, first.endCursor);
    expect(second).toEqual({ entries: [mine[2]], hasNextPage: false, endCursor: mine[2]._id });
    expect(ids((await readModels.audit.page({ organisationId: 'org-2' }, 10, null)).entries)).toEqual([
      theirs._id,
    ]);
    expect(await readModels.audit.page({ organisationId: 'org-3' }, 10, null)).toEqual({
      entries: [],
      hasNextPage: false,
      endCursor: null,
    });
  });

  it('narrows by time (from included, to excluded), actor, types, pool, batch and invitee', async () => {
    const early = entry({ at: '2025-03-01T08:00:00.000Z' });
    const byOther = entry({ at: '2025-03-01T09:00:00.000Z', actor: 'admin-2', type: 'InvitationSent' });
    const otherBatch = entry({ at: '2025-03-01T10:00:00.000Z', batchId: 'batch-2', inviteeId: 'i2' });
    const otherPool = entry({
      at: '2025-03-01T11:00:00.000Z',
      poolId: 'pool-2',
      batchId: 'batch-3',
      inviteeId: 'i3',
    });
    const system = entry({
      at: '2025-03-01T12:00:00.000Z',
      actor: null,
      actorName: null,
      type: 'InvitationExpired',
    });
    await write(early, byOther, otherBatch, otherPool, system);
    const page = async (query: Record<string, unknown>) =>
      ids((await readModels.audit.page({ organisationId: 'org-1', ...query }, 50, null)).entries);

    expect(await page({ from: '2025-03-01T09:00:00.000Z', to: '2025-03-01T11:00:00.000Z' })).toEqual(
      ids([byOther, otherBatch]),
    );
    expect(await page({ actor: 'admin-2' })).toEqual(ids([byOther]));
    expect(await page({ types: ['InvitationSent', 'InvitationExpired'] })).toEqual(ids([byOther, system]));
    expect(await page({ types: [] })).toEqual(ids([early, byOther, otherBatch, otherPool, system]));
    expect(await page({ poolId: 'pool-2' })).toEqual(ids([otherPool]));
    expect(await page({ batchId: 'batch-2' })).toEqual(ids([otherBatch]));
    expect(await page({ inviteeId: 'i1' })).toEqual(ids([early, byOther, system]));
    expect(await page({ inviteeId: 'i1', actor: 'admin-1', types: ['InviteeStaged'] })).toEqual(ids([early]));
    expect(await page({ poolId: 'pool-1', organisationId: 'org-2' })).toEqual([]);
  });

  it("fills an invitee's pool and batch into its later entries that name only the invitee", async () => {
    const staged = entry({ inviteeId: 'i9', poolId: 'pool-9', batchId: 'batch-9' });
    await write(staged);
    const revoked = entry({ type: 'InvitationRevoked', inviteeId: 'i9', poolId: null, batchId: null });
    const sameBatch = [
      entry({ type: 'InviteeStaged', inviteeId: 'i10', poolId: 'pool-9', batchId: 'batch-10' }),
      entry({ type: 'InviteeCorrected', inviteeId: 'i10', poolId: null, batchId: null }),
    ];
    const unknown = entry({ type: 'InviteeRemoved', inviteeId: 'i11', poolId: null, batchId: null });
    await write(revoked, ...sameBatch, unknown);

    const page = await readModels.audit.page({ organisationId: 'org-1', poolId: 'pool-9' }, 50, null);
    expect(page.entries.map((doc) => [doc.type, doc.inviteeId, doc.batchId])).toEqual([
      ['InviteeStaged', 'i9', 'batch-9'],
      ['InvitationRevoked', 'i9', 'batch-9'],
      ['InviteeStaged', 'i10', 'batch-10'],
      ['InviteeCorrected', 'i10', 'batch-10'],
    ]);
    const lone = await readModels.audit.page({ organisationId: 'org-1', inviteeId: 'i11' }, 50, null);
    expect(lone.entries).toEqual([unknown]);
  });

  it('writes an entry once: the same event delivered again changes nothing', async () => {
    const doc = entry();
    await write(doc);
    await write({ ...doc, actorName: 'Someone Else' });
    expect((await readModels.audit.page({ organisationId: 'org-1' }, 10, null)).entries).toEqual([doc]);
  });

  it('holds entries written out of log order in log order, and gives them back by id and all', async () => {
    const [a, b, c] = [entry(), entry({ inviteeId: 'i2' }), entry({ type: 'InvitationSent' })];
    await write(c, a);
    await write(b);
    expect(ids((await readModels.audit.page({ organisationId: 'org-1' }, 10, null)).entries)).toEqual(
      ids([a, b, c]),
    );
    expect(ids((await readModels.audit.page({ organisationId: 'org-1' }, 10, a._id)).entries)).toEqual(
      ids([b, c]),
    );
    const documents = readModels.storage.documents('audit');
    const loaded = await documents.load([b._id, positionKey(position + 100n), a._id]);
    expect([...loaded.entries()]).toEqual([
      [b._id, b],
      [a._id, a],
    ]);
    expect(await documents.all()).toEqual([a, b, c]);
  });

  it('takes a deleted entry out of every list', async () => {
    const [kept, deleted] = [entry(), entry({ actor: 'admin-2' })];
    await write(kept, deleted);
    await readModels.storage
      .documents('audit')
      .write([{ id: deleted._id, document: null, position: deleted._pos }]);
    const page = (query: Record<string, unknown>) =>
      readModels.audit.page({ organisationId: 'org-1', ...query }, 10, null);
    expect((await page({})).entries).toEqual([kept]);
    expect((await page({ actor: 'admin-2' })).entries).toEqual([]);
    expect((await page({ inviteeId: 'i1' })).entries).toEqual([kept]);
    expect(await readModels.storage.documents('audit').all()).toEqual([kept]);
  });
});
