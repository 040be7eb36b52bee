import { positionKey } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';
import { itKeepsToItsOrganisation } from '../testing/organisation-documents';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { writeDocuments } from '../testing/write-documents';
import type { BatchDoc } from './batch.document';

let position = 1n;
const batch = (id: string, fields: Partial<BatchDoc> = {}): BatchDoc => ({
  _id: id,
  organisationId: 'org-1',
  poolId: 'pool-1',
  name: `Batch ${id}`,
  createdAt: '2025-03-01T09:00:00.000Z',
  invitationTtlDays: null,
  reminderDaysBeforeExpiry: null,
  _pos: positionKey(position++),
  ...fields,
});

describeOnBothAdapters('batches', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const write = (...docs: BatchDoc[]) => writeDocuments(readModels, 'batches', docs);

  itKeepsToItsOrganisation('batch', () => readModels, {
    name: 'batches',
    aDocument: batch,
    byId: (set, organisationId, id) => set.batches.byId(organisationId, id),
    list: (set, organisationId) => set.batches.ofPool(organisationId, 'pool-1'),
  });

  it("lists a pool's batches only, in its organisation only", async () => {
    await write(batch('a'), batch('other-pool', { poolId: 'pool-2' }));

    expect((await readModels.batches.ofPool('org-1', 'pool-1')).map((doc) => doc._id)).toEqual(['a']);
    expect(await readModels.batches.ofPool('org-2', 'pool-2')).toEqual([]);
  });

  it("keeps a batch's own invitation terms and its new name", async () => {
    const doc = batch('b1', { invitationTtlDays: 30, reminderDaysBeforeExpiry: 0 });
    await write(doc);
    await write({ ...doc, name: 'Renamed', invitationTtlDays: 7, _pos: positionKey(position++) });

    expect(await readModels.batches.byId('org-1', 'b1')).toMatchObject({
      name: 'Renamed',
      invitationTtlDays: 7,
      reminderDaysBeforeExpiry: 0,
    });
    expect((await readModels.batches.ofPool('org-1', 'pool-1')).map((b) => b.name)).toEqual(['Renamed']);
  });
});
