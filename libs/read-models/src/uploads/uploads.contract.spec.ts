import { uploadStateAt } from '@invitations/domain';
import { RecordedStory } from '../testing/recorded-story';
import type { ReadModelSet } from '../read-model-set';
import { applyEvents } from '../testing/apply-events';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
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
    warnings: ['The column "Notes" was ignored.'],
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
      cohort: { staffType: null, jobRole: null, startDate: null },
      warnings: ['The column "Notes" was ignored.'],
      chunks: 3,
      chunksRecorded: 2,
      createdAt: '2025-03-01T09:00:00.000Z',
      expiresAt: '2025-03-02T09:00:00.000Z',
      status: 'previewed',
      confirmation: null,
      cancelledAt: null,
      _pos: expect.any(String),
    });
    expect(await readModels.uploads.byId('org-2', 'u1')).toBeNull();
  });

  it('follows the confirmation job: started, its checkpoints, done; and tells the states apart at query time', async () => {
    const story = new RecordedStory();
    previewed(story, 'u1', 'batch-1', '2025-03-01T09:00:00.000Z');
    previewed(story, 'u2', 'batch-1', '2025-03-01T10:00:00.000Z');
    story.record('upload-u1', ORG, 'UploadConfirmationStarted', {
      uploadId: 'u1',
      sendInvitations: true,
      message: null,
      total: 2500,
      fromChunk: 0,
      startedAt: '2025-03-01T11:00:00.000Z',
    });
    story.record('upload-u1', ORG, 'UploadConfirmationProgressed', {
      uploadId: 'u1',
      chunksDone: 1,
      staged: 990,
      skippedDuplicates: 10,
      invited: 985,
      autoAccepted: 5,
      at: '2025-03-01T11:00:01.000Z',
    });
    await apply(story);
    const running = await readModels.uploads.byId(ORG, 'u1');
    expect(running).toMatchObject({
      status: 'confirming',
      confirmation: {
        state: 'RUNNING',
        total: 2500,
        chunksDone: 1,
        staged: 990,
        invited: 985,
        startedAt: '2025-03-01T11:00:00.000Z',
        finishedAt: null,
      },
    });
    expect(uploadStateAt(running!, new Date('2025-03-05T00:00:00.000Z'))).toBe('CONFIRMING');

    story.record('upload-u1', ORG, 'UploadConfirmed', {
      uploadId: 'u1',
      staged: 2450,
      skippedDuplicates: 50,
      invited: 2000,
      autoAccepted: 10,
      sendInvitations: true,
      confirmedAt: '2025-03-01T11:00:20.000Z',
    });
    await apply(story);
    const [previewedOnly, confirmed] = await readModels.uploads.ofBatch(ORG, 'batch-1');

    expect(confirmed.confirmation).toEqual({
      state: 'DONE',
      sendInvitations: true,
      message: null,
      total: 2500,
      chunksDone: 3,
      staged: 2450,
      skippedDuplicates: 50,
      invited: 2000,
      autoAccepted: 10,
      startedAt: '2025-03-01T11:00:00.000Z',
      finishedAt: '2025-03-01T11:00:20.000Z',
      failure: null,
    });
    expect(uploadStateAt(confirmed, new Date('2025-03-05T00:00:00.000Z'))).toBe('CONFIRMED');
    expect(uploadStateAt(previewedOnly, new Date('2025-03-01T12:00:00.000Z'))).toBe('PREVIEWED');
    expect(uploadStateAt(previewedOnly, new Date('2025-03-02T09:00:00.000Z'))).toBe('EXPIRED');
  });

  it('records a confirmation made inside the request (no job started) as a job done', async () => {
    const story = new RecordedStory();
    previewed(story, 'u1', 'batch-1', '2025-03-01T09:00:00.000Z');
    story.record('upload-u1', ORG, 'UploadConfirmed', {
      uploadId: 'u1',
      staged: 2450,
      skippedDuplicates: 50,
      invited: 0,
      autoAccepted: 0,
      sendInvitations: false,
      confirmedAt: '2025-03-01T11:00:00.000Z',
    });
    await apply(story);
    expect(await readModels.uploads.byId(ORG, 'u1')).toMatchObject({
      status: 'confirmed',
      confirmation: { state: 'DONE', total: 2500, staged: 2450, startedAt: '2025-03-01T11:00:00.000Z' },
    });
  });

  it('records a cancelled preview, a cancelled job and a failed one', async () => {
    const story = new RecordedStory();
    for (const id of ['withdrawn', 'stopped', 'failed'])
      previewed(story, id, 'batch-1', '2025-03-01T09:00:00.000Z');
    story.record('upload-withdrawn', ORG, 'UploadPreviewCancelled', {
      uploadId: 'withdrawn',
      cancelledAt: '2025-03-01T09:30:00.000Z',
    });
    for (const id of ['stopped', 'failed']) {
      story.record(`upload-${id}`, ORG, 'UploadConfirmationStarted', {
        uploadId: id,
        sendInvitations: false,
        message: null,
        total: 2500,
        fromChunk: 0,
        startedAt: '2025-03-01T10:00:00.000Z',
      });
    }
    story.record('upload-stopped', ORG, 'UploadConfirmationCancelled', {
      uploadId: 'stopped',
      cancelledAt: '2025-03-01T10:00:05.000Z',
    });
    story.record('upload-failed', ORG, 'UploadConfirmationFailed', {
      uploadId: 'failed',
      reason: 'stopped on an error',
      failedAt: '2025-03-01T10:00:06.000Z',
    });
    await apply(story);

    const byId = async (id: string) => (await readModels.uploads.byId(ORG, id))!;
    expect(await byId('withdrawn')).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2025-03-01T09:30:00.000Z',
      confirmation: null,
    });
    expect(await byId('stopped')).toMatchObject({
      status: 'cancelled',
      confirmation: { state: 'CANCELLED', finishedAt: '2025-03-01T10:00:05.000Z' },
    });
    expect(await byId('failed')).toMatchObject({
      status: 'previewed',
      confirmation: { state: 'FAILED', finishedAt: '2025-03-01T10:00:06.000Z' },
    });
    expect(uploadStateAt(await byId('withdrawn'), new Date('2025-03-01T12:00:00.000Z'))).toBe('CANCELLED');
  });

  it("lists a batch's uploads newest first, in its organisation only", async () => {
    const story = new RecordedStory();
    previewed(story, 'late', 'batch-1', '2025-03-01T12:00:00.000Z');
    previewed(story, 'early', 'batch-1', '2025-03-01T08:00:00.000Z');
    previewed(story, 'elsewhere', 'batch-2', '2025-03-01T08:00:00.000Z');

    await apply(story);

    expect((await readModels.uploads.ofBatch(ORG, 'batch-1')).map((upload) => upload._id)).toEqual([
      'late',
      'early',
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
