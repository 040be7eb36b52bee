import { given } from '../testing/given-when-then';
import { numberedRow as row } from '../testing/upload-fixtures';
import {
  recordUploadRows,
  UPLOAD_ALREADY_CONFIRMED_MESSAGE,
  UPLOAD_CANCELLED_MESSAGE,
  UPLOAD_EXPIRED_MESSAGE,
  UPLOAD_INCOMPLETE_MESSAGE,
  uploadDecider,
} from './upload.decider';
import type { ChunkRowCounts } from './row-counts';
import {
  UPLOAD_ROW_COLUMNS,
  type UploadEvent,
  type UploadPreviewCounts,
  type UploadRow,
} from './upload.events';
import { toRowValues } from './upload-rows';

const batch = { batchId: 'b1', poolId: 'p1', organisationId: 'org' };
const cohort = { staffType: null, jobRole: 'Nurse', startDate: null };
const rows = [
  row(1),
  row(2, { uploadStatus: 'EXISTING', passportId: 'pp' }),
  row(3, { uploadStatus: 'INVALID', discrepancies: ['DATE_OF_BIRTH'] }),
  row(4, { duplicateReasons: ['EMAIL_REPEATED_IN_FILE'] }),
];
const previewCounts: UploadPreviewCounts = {
  cohort,
  totalRows: 4,
  newCount: 1,
  existingCount: 1,
  invalidCount: 1,
  duplicateCount: 1,
  chunks: 2,
};
const preview = {
  type: 'RecordUploadPreview' as const,
  uploadId: 'u1',
  batch,
  ...previewCounts,
  fileSha256: 'ab'.repeat(32),
  now: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-23T10:00:00.000Z',
};
const summary: UploadEvent = {
  type: 'UploadPreviewed',
  data: {
    uploadId: 'u1',
    batchId: 'b1',
    poolId: 'p1',
    organisationId: 'org',
    ...previewCounts,
    fileSha256: preview.fileSha256,
    previewedAt: preview.now,
    expiresAt: preview.expiresAt,
  },
};
const chunkOf = (chunk: number, chunkRows: UploadRow[]): UploadEvent => ({
  type: 'UploadRowsRecorded',
  data: { uploadId: 'u1', chunk, columns: UPLOAD_ROW_COLUMNS, rows: chunkRows.map(toRowValues) },
});
const chunk0 = chunkOf(0, rows.slice(0, 3));
const chunk1 = chunkOf(1, rows.slice(3));
const previewed: UploadEvent[] = [summary, chunk0, chunk1];
const start = (now: string, sendInvitations = false, message: string | null = null) => ({
  type: 'StartUploadConfirmation' as const,
  sendInvitations,
  message,
  now,
});
const started = (
  startedAt: string,
  sendInvitations = false,
  message: string | null = null,
  fromChunk = 0,
): UploadEvent => ({
  type: 'UploadConfirmationStarted',
  data: { uploadId: 'u1', sendInvitations, message, total: 4, fromChunk, startedAt },
});
const counts = { staged: 3, skippedDuplicates: 1, invited: 0, autoAccepted: 0 };
const progress = (chunksDone: number, at: string, overrides: Partial<typeof counts> = {}) => ({
  type: 'RecordConfirmationProgress' as const,
  chunksDone,
  ...counts,
  ...overrides,
  now: at,
});
const progressed = (chunksDone: number, at: string, overrides: Partial<typeof counts> = {}): UploadEvent => ({
  type: 'UploadConfirmationProgressed',
  data: { uploadId: 'u1', chunksDone, ...counts, ...overrides, at },
});
const complete = { type: 'CompleteUploadConfirmation' as const, ...counts, now: '2026-11-22T11:00:00.000Z' };
const confirmed: UploadEvent = {
  type: 'UploadConfirmed',
  data: { uploadId: 'u1', ...counts, sendInvitations: false, confirmedAt: complete.now },
};
const running: UploadEvent[] = [...previewed, started('2026-11-22T10:30:00.000Z')];
const CANCELLED_AT = '2026-11-22T10:40:00.000Z';

describe('the upload decider', () => {
  it('records a preview with its counts, then its rows in chunks, in order', () => {
    const state = given(uploadDecider).when(preview).then([summary]);
    expect(state).toMatchObject({ status: 'previewed', chunksRecorded: 0, job: null });
    given(uploadDecider, [summary])
      .when({ type: 'RecordUploadRows', firstChunk: 0, chunks: [rows.slice(0, 3).map(toRowValues)] })
      .then([chunk0]);
    const recorded = given(uploadDecider, [summary])
      .when({
        type: 'RecordUploadRows',
        firstChunk: 0,
        chunks: [rows.slice(0, 3).map(toRowValues), rows.slice(3).map(toRowValues)],
      })
      .then([chunk0, chunk1]);
    expect(recorded).toMatchObject({ status: 'previewed', chunksRecorded: 2 });
  });

  it("records each chunk's rows by category with the preview", () => {
    const rowCounts: ChunkRowCounts[] = [
      [1, 1, 1, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
    ];
    given(uploadDecider)
      .when({ ...preview, rowCounts })
      .then([{ ...summary, data: { ...summary.data, rowCounts } } as UploadEvent]);
  });

  it('passes rows held in another form through as they are: no decision looks into them', () => {
    const held = { bytes: 'the rows, encoded ahead' };
    const events = recordUploadRows(
      { type: 'RecordUploadRows', firstChunk: 0, chunks: [held] },
      uploadDecider.evolve(uploadDecider.initialState(), summary),
    );
    expect(events).toEqual([{ type: 'UploadRowsRecorded', data: { ...chunk0.data, rows: held } }]);
    expect(events[0].data.rows).toBe(held);
  });

  it('records each chunk once, in order, and no more than announced', () => {
    given(uploadDecider, [summary, chunk0])
      .when({ type: 'RecordUploadRows', firstChunk: 0, chunks: [rows.slice(0, 3).map(toRowValues)] })
      .thenThrows('CONFLICT', 'up to chunk 1');
    given(uploadDecider, [summary])
      .when({ type: 'RecordUploadRows', firstChunk: 1, chunks: [rows.slice(3).map(toRowValues)] })
      .thenThrows('CONFLICT', 'up to chunk 0');
    given(uploadDecider, [summary, chunk0])
      .when({
        type: 'RecordUploadRows',
        firstChunk: 1,
        chunks: [rows.slice(3).map(toRowValues), rows.slice(3).map(toRowValues)],
      })
      .thenThrows('CONFLICT', 'has 2 chunks');
    given(uploadDecider)
      .when({ type: 'RecordUploadRows', firstChunk: 0, chunks: [rows.map(toRowValues)] })
      .thenThrows('NOT_FOUND');
  });

  it('refuses to confirm a preview whose rows were not all recorded', () => {
    given(uploadDecider, [summary, chunk0])
      .when(start(preview.now))
      .thenThrows('BAD_USER_INPUT', UPLOAD_INCOMPLETE_MESSAGE);
  });

  it('refuses to record the same upload twice', () => {
    given(uploadDecider, previewed).when(preview).thenThrows('CONFLICT');
  });

  it('refuses to confirm an expired preview', () => {
    given(uploadDecider, previewed)
      .when(start('2026-11-23T10:00:00.000Z'))
      .thenThrows('BAD_USER_INPUT', UPLOAD_EXPIRED_MESSAGE);
  });

  it('answers NOT_FOUND for an upload that was never previewed', () => {
    given(uploadDecider).when(start(preview.now)).thenThrows('NOT_FOUND');
    given(uploadDecider).when({ type: 'CancelUpload', now: preview.now }).thenThrows('NOT_FOUND');
  });
});

describe('the confirmation job, in the upload stream', () => {
  it('starts on a fresh preview: UploadConfirmationStarted, with what to do and every row to go through', () => {
    const state = given(uploadDecider, previewed)
      .when(start('2026-11-23T09:59:59.000Z', true, 'Welcome'))
      .then([started('2026-11-23T09:59:59.000Z', true, 'Welcome')]);
    expect(state).toMatchObject({
      status: 'confirming',
      job: {
        state: 'RUNNING',
        sendInvitations: true,
        message: 'Welcome',
        total: 4,
        chunksDone: 0,
        staged: 0,
        startedAt: '2026-11-23T09:59:59.000Z',
        finishedAt: null,
      },
    });
  });

  it('keeps no message when not inviting, and refuses a message too long to send', () => {
    given(uploadDecider, previewed)
      .when(start(preview.now, false, 'ignored'))
      .then([started(preview.now, false, null)]);
    given(uploadDecider, previewed)
      .when(start(preview.now, true, 'x'.repeat(5000)))
      .thenThrows('BAD_USER_INPUT');
  });

  it('joins a job that runs or is done: confirming again records nothing, even after expiry', () => {
    given(uploadDecider, running).when(start(preview.now, true)).then([]);
    given(uploadDecider, [...running, confirmed])
      .when(start('2027-01-01T00:00:00.000Z'))
      .then([]);
  });

  it('records checkpoints (UploadConfirmationProgressed): the counts so far, and where to carry on from', () => {
    const state = given(uploadDecider, running)
      .when(progress(1, '2026-11-22T10:31:00.000Z', { staged: 3, skippedDuplicates: 0 }))
      .then([progressed(1, '2026-11-22T10:31:00.000Z', { staged: 3, skippedDuplicates: 0 })]);
    expect(state).toMatchObject({ status: 'confirming', job: { chunksDone: 1, staged: 3 } });
  });

  it('records a checkpoint once: one at or before the last is a repeat', () => {
    const checkpointed = [...running, progressed(1, '2026-11-22T10:31:00.000Z')];
    given(uploadDecider, checkpointed).when(progress(1, '2026-11-22T10:32:00.000Z')).then([]);
    given(uploadDecider, checkpointed).when(progress(0, '2026-11-22T10:32:00.000Z')).then([]);
    given(uploadDecider, running).when(progress(3, preview.now)).thenThrows('CONFLICT', '2 chunks');
    given(uploadDecider, previewed).when(progress(1, preview.now)).thenThrows('CONFLICT');
  });

  it('is done (UploadConfirmed) once every row is gone through; then nothing more is recorded', () => {
    const state = given(uploadDecider, running).when(complete).then([confirmed]);
    expect(state).toMatchObject({
      status: 'confirmed',
      job: { state: 'DONE', chunksDone: 2, ...counts, finishedAt: complete.now },
    });
    given(uploadDecider, [...running, confirmed])
      .when(complete)
      .then([]);
    given(uploadDecider, [...running, confirmed])
      .when(progress(2, complete.now))
      .then([]);
    given(uploadDecider, previewed).when(complete).thenThrows('CONFLICT');
  });

  it('reads a confirmation recorded inside the request, before confirmations were jobs, as a job done', () => {
    const state = given(uploadDecider, [...previewed, confirmed])
      .when(start(preview.now))
      .then([]);
    expect(state).toMatchObject({
      status: 'confirmed',
      job: { state: 'DONE', total: 4, ...counts, startedAt: complete.now, finishedAt: complete.now },
    });
  });

  /** CancelUpload at CANCELLED_AT after `events` records one event of `type`; the upload can then not be confirmed. */
  function cancelAfter(
    events: UploadEvent[],
    type: 'UploadConfirmationCancelled' | 'UploadPreviewCancelled',
  ) {
    const cancelled: UploadEvent = { type, data: { uploadId: 'u1', cancelledAt: CANCELLED_AT } };
    const state = given(uploadDecider, events)
      .when({ type: 'CancelUpload', now: CANCELLED_AT })
      .then([cancelled]);
    given(uploadDecider, [...events, cancelled])
      .when(start(preview.now))
      .thenThrows('BAD_USER_INPUT', UPLOAD_CANCELLED_MESSAGE);
    return { cancelled, state };
  }

  it('is cancelled while running (UploadConfirmationCancelled): what is staged stays, and is still counted', () => {
    const { cancelled, state } = cancelAfter(running, 'UploadConfirmationCancelled');
    expect(state).toMatchObject({
      status: 'cancelled',
      cancelledAt: CANCELLED_AT,
      job: { state: 'CANCELLED', finishedAt: CANCELLED_AT },
    });
    const late = given(uploadDecider, [...running, cancelled])
      .when(progress(1, '2026-11-22T10:40:01.000Z', { staged: 2 }))
      .then([progressed(1, '2026-11-22T10:40:01.000Z', { staged: 2 })]);
    expect(late).toMatchObject({ status: 'cancelled', job: { state: 'CANCELLED', staged: 2 } });
    given(uploadDecider, [...running, cancelled])
      .when(complete)
      .then([]);
  });

  it('withdraws a preview not confirmed (UploadPreviewCancelled): it can no longer be confirmed', () => {
    const { cancelled, state } = cancelAfter(previewed, 'UploadPreviewCancelled');
    expect(state).toMatchObject({ status: 'cancelled', job: null, cancelledAt: CANCELLED_AT });
    given(uploadDecider, [...previewed, cancelled])
      .when({ type: 'CancelUpload', now: preview.now })
      .then([]);
    given(uploadDecider, [summary, cancelled])
      .when({ type: 'RecordUploadRows', firstChunk: 0, chunks: [rows.map(toRowValues)] })
      .thenThrows('CONFLICT', 'cancelled');
  });

  it('has nothing to cancel once confirmed', () => {
    given(uploadDecider, [...running, confirmed])
      .when({ type: 'CancelUpload', now: preview.now })
      .thenThrows('BAD_USER_INPUT', UPLOAD_ALREADY_CONFIRMED_MESSAGE);
  });

  it('fails (UploadConfirmationFailed); confirming again carries on from the last checkpoint when asked the same', () => {
    const failed: UploadEvent = {
      type: 'UploadConfirmationFailed',
      data: {
        uploadId: 'u1',
        reason: 'the event store is unavailable',
        failedAt: '2026-11-22T10:45:00.000Z',
      },
    };
    const checkpointed = [...running, progressed(1, '2026-11-22T10:31:00.000Z')];
    const state = given(uploadDecider, checkpointed)
      .when({
        type: 'FailUploadConfirmation',
        reason: 'the event store is unavailable',
        now: failed.data.failedAt,
      })
      .then([failed]);
    expect(state).toMatchObject({
      status: 'previewed',
      job: { state: 'FAILED', failure: 'the event store is unavailable', chunksDone: 1 },
    });
    given(uploadDecider, [...checkpointed, failed])
      .when({ type: 'FailUploadConfirmation', reason: 'again', now: preview.now })
      .then([]);

    const again = given(uploadDecider, [...checkpointed, failed])
      .when(start('2026-11-22T10:50:00.000Z'))
      .then([started('2026-11-22T10:50:00.000Z', false, null, 1)]);
    expect(again).toMatchObject({
      status: 'confirming',
      job: { state: 'RUNNING', chunksDone: 1, staged: 3 },
    });
    const afresh = given(uploadDecider, [...checkpointed, failed])
      .when(start('2026-11-22T10:50:00.000Z', true))
      .then([started('2026-11-22T10:50:00.000Z', true, null, 0)]);
    expect(afresh).toMatchObject({ job: { chunksDone: 0, staged: 0 } });
  });
});

describe('shredding a preview’s rows', () => {
  const shred = (now: string) => ({ type: 'ShredUploadRows' as const, now });
  const shredded = (reason: 'CONFIRMED' | 'CANCELLED' | 'EXPIRED', now: string): UploadEvent => ({
    type: 'UploadRowsShredded',
    data: { uploadId: 'u1', reason, shreddedAt: now },
  });
  const later = '2026-11-22T12:00:00.000Z';
  const afterExpiry = '2026-11-23T10:00:00.000Z';

  it('shreds a confirmed upload’s rows, once', () => {
    given(uploadDecider, [...running, confirmed])
      .when(shred(later))
      .then([shredded('CONFIRMED', later)]);
    given(uploadDecider, [...running, confirmed, shredded('CONFIRMED', later)])
      .when(shred(later))
      .then([]);
  });

  it('shreds a cancelled preview’s rows, and an expired one’s', () => {
    const cancelled: UploadEvent = {
      type: 'UploadPreviewCancelled',
      data: { uploadId: 'u1', cancelledAt: later },
    };
    given(uploadDecider, [...previewed, cancelled])
      .when(shred(later))
      .then([shredded('CANCELLED', later)]);
    given(uploadDecider, previewed)
      .when(shred(afterExpiry))
      .then([shredded('EXPIRED', afterExpiry)]);
  });

  it('keeps the rows while the preview can still be confirmed or its confirmation runs', () => {
    given(uploadDecider, previewed).when(shred(later)).thenThrows('CONFLICT', 'can still be confirmed');
    given(uploadDecider, running).when(shred(afterExpiry)).thenThrows('CONFLICT');
  });

  it('refuses to confirm from shredded rows', () => {
    given(uploadDecider, [...previewed, shredded('EXPIRED', afterExpiry)])
      .when(start(afterExpiry))
      .thenThrows('BAD_USER_INPUT', 'expired');
  });
});
