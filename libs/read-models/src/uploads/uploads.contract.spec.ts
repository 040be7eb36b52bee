import { RecordedStory } from '../testing/recorded-story';
import type { ReadModelSet } from '../read-model-set';
import { applyEvents } from '../testing/apply-events';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { uploadStateAt } from './upload.document';
import { uploadsProjection } from './uploads.projection';

const ORG = 'org-1';

function previewed(story: RecordedStory, uploadId: string, batchId: string, previewedAt: string) {
  story.record(`upload-${uploadId}`, ORG, 'UploadPreviewed', {
    uploadId,
    batchId,
    poolId: 'pool-1',
    organisationId: ORG,
    cohort: { staffType: null, jobRole: null, startDate: null },
    totalRows: 2500,
    newCount: 2000,
    existingCount: 300,
    invalidCount: 150,
    duplicateCount: 50,
    chunks: 3,
    fileSha256: 'f'.repeat(64),
    previewedAt,
    expiresAt: '2025-03-02T09:00:00.000Z',
  });
}

/** A chunk's event, whose data the projection must not need (a real one holds a thousand rows). */
function rowsRecorded(story: RecordedStory, uploadId: string, chunk: number) {
  const event = story.record(`upload-${uploadId}`, ORG, 'UploadRowsRecorded', {});
  Object.defineProperty(event, 'data', {
    get: () => {
      throw new Error(`the rows of chunk ${chunk} were read`);
    },
  });
  return event;
}

describeOnBothAdapters('uploads', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const apply = (story: RecordedStory) => applyEvents(readModels.storage, story.events, [uploadsProjection]);

  it("keeps an upload's counts, and the chunks of rows recorded, without reading the rows", async () => {
    const story = new RecordedStory();
    previewed(story, 'u1', 'batch-1', '2025-03-01T09:00:00.000Z');
    rowsRecorded(story, 'u1', 0);
    rowsRecorded(story, 'u1', 1);

    await apply(story);

    expect(await readModels.uploads.byId(ORG, 'u1')).toEqual({
      _id: 'u1',
      organisationId: ORG,
      batchId: 'batch-1',
      poolId: 'pool-1',
      totalRows: 2500,
      newCount: 2000,
      existingCount: 300,
      invalidCount: 150,
      duplicateCount: 50,
      chunks: 3,
      chunksRecorded: 2,
      createdAt: '2025-03-01T09:00:00.000Z',
      expiresAt: '2025-03-02T09:00:00.000Z',
      confirmation: null,
      _pos: expect.any(String),
    });
    expect(await readModels.uploads.byId('org-2', 'u1')).toBeNull();
  });

  it('records the confirmation, and tells previewed, confirmed and expired apart at query time', async () => {
    const story = new RecordedStory();
    previewed(story, 'u1', 'batch-1', '2025-03-01T09:00:00.000Z');
    previewed(story, 'u2', 'batch-1', '2025-03-01T10:00:00.000Z');
    story.record('upload-u1', ORG, 'UploadConfirmed', {
      uploadId: 'u1',
      staged: 2450,
      skippedDuplicates: 50,
      invited: 2000,
      autoAccepted: 10,
      sendInvitations: true,
      confirmedAt: '2025-03-01T11:00:00.000Z',
    });

    await apply(story);
    const [confirmed, previewedOnly] = await readModels.uploads.ofBatch(ORG, 'batch-1');

    expect(confirmed.confirmation).toEqual({
      staged: 2450,
      skippedDuplicates: 50,
      invited: 2000,
      autoAccepted: 10,
      sendInvitations: true,
      confirmedAt: '2025-03-01T11:00:00.000Z',
    });
    expect(uploadStateAt(confirmed, '2025-03-05T00:00:00.000Z')).toBe('CONFIRMED');
    expect(uploadStateAt(previewedOnly, '2025-03-01T12:00:00.000Z')).toBe('PREVIEWED');
    expect(uploadStateAt(previewedOnly, '2025-03-02T09:00:00.000Z')).toBe('EXPIRED');
  });

  it("lists a batch's uploads oldest first, in its organisation only", async () => {
    const story = new RecordedStory();
    previewed(story, 'late', 'batch-1', '2025-03-01T12:00:00.000Z');
    previewed(story, 'early', 'batch-1', '2025-03-01T08:00:00.000Z');
    previewed(story, 'elsewhere', 'batch-2', '2025-03-01T08:00:00.000Z');

    await apply(story);

    expect((await readModels.uploads.ofBatch(ORG, 'batch-1')).map((upload) => upload._id)).toEqual([
      'early',
      'late',
    ]);
    expect(await readModels.uploads.ofBatch('org-2', 'batch-1')).toEqual([]);
  });

  it('counts a chunk once however often it is delivered', async () => {
    const story = new RecordedStory();
    previewed(story, 'u1', 'batch-1', '2025-03-01T09:00:00.000Z');
    rowsRecorded(story, 'u1', 0);

    await apply(story);
    await apply(story);

    expect(await readModels.uploads.byId(ORG, 'u1')).toMatchObject({ chunksRecorded: 1 });
  });
});
