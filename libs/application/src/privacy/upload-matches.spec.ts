import { csvRow, csvSource } from '@invitations/uploads/testing';
import { adminContext, type ApplicationWorld } from '../testing/application-world';
import { aWorldWithABatch } from '../testing/scenario';
import { InMemoryUploadLookups } from '../uploads/in-memory-upload-lookups';
import { previewBatchUpload } from '../uploads/preview-batch-upload';
import { InMemoryPassportMatchBudget } from './passport-matches';

const rows = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) =>
    csvRow({
      email: `p${from + index}@example.org`,
      date_of_birth: '1990-12-10',
      first_name: 'A',
      last_name: 'B',
    }),
  );

describe("an upload's rows counted as passport matches of the organisation's day", () => {
  let world: ApplicationWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch()));

  it('previews up to the cap, then refuses the upload whole with RATE_LIMITED, recording nothing', async () => {
    const passportMatches = new InMemoryPassportMatchBudget(30);
    const deps = { ...world, lookups: new InMemoryUploadLookups(), lookupConcurrency: 1, passportMatches };
    const preview = (source: string[]) =>
      previewBatchUpload(deps, adminContext(), batchId, csvSource(source), null);

    await expect(preview(rows(30))).resolves.toMatchObject({ totalRows: 30 });
    const before = await world.store.headPosition();
    await expect(preview(rows(1, 100))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await world.store.headPosition()).toBe(before);
  });
});
