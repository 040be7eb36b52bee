import { given } from '../testing/given-when-then';
import {
  recordUploadRows,
  UPLOAD_EXPIRED_MESSAGE,
  UPLOAD_INCOMPLETE_MESSAGE,
  uploadDecider,
} from './upload.decider';
import { UPLOAD_ROW_COLUMNS, type UploadEvent, type UploadRow } from './upload.events';
import { toRowValues } from './upload-rows';

const person = (n: number) => ({
  email: `p${n}@example.com`,
  dateOfBirth: '1990-01-01',
  firstName: 'P',
  middleNames: null,
  lastName: `N${n}`,
  preferredName: null,
  mobile: null,
  jobRole: null,
});
const row = (n: number, overrides: Partial<UploadRow> = {}): UploadRow => ({
  row: n,
  person: person(n),
  uploadStatus: 'NEW',
  discrepancies: [],
  passportId: null,
  duplicateReasons: [],
  possibleDuplicate: false,
  ...overrides,
});
const batch = { batchId: 'b1', poolId: 'p1', organisationId: 'org' };
const cohort = { staffType: null, jobRole: 'Nurse', startDate: null };
const rows = [
  row(1),
  row(2, { uploadStatus: 'EXISTING', passportId: 'pp' }),
  row(3, { uploadStatus: 'INVALID', discrepancies: ['DATE_OF_BIRTH'] }),
  row(4, { duplicateReasons: ['EMAIL_REPEATED_IN_FILE'] }),
];
const preview = {
  type: 'RecordUploadPreview' as const,
  uploadId: 'u1',
  batch,
  cohort,
  totalRows: 4,
  newCount: 1,
  existingCount: 1,
  invalidCount: 1,
  duplicateCount: 1,
  chunks: 2,
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
    cohort,
    totalRows: 4,
    newCount: 1,
    existingCount: 1,
    invalidCount: 1,
    duplicateCount: 1,
    chunks: 2,
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
const complete = {
  type: 'CompleteUploadConfirmation' as const,
  staged: 3,
  skippedDuplicates: 1,
  invited: 0,
  autoAccepted: 0,
  sendInvitations: false,
  now: '2026-11-22T11:00:00.000Z',
};
const confirmed: UploadEvent = {
  type: 'UploadConfirmed',
  data: {
    uploadId: 'u1',
    staged: 3,
    skippedDuplicates: 1,
    invited: 0,
    autoAccepted: 0,
    sendInvitations: false,
    confirmedAt: complete.now,
  },
};

describe('the upload decider', () => {
  it('records a preview with its counts, then its rows in chunks, in order', () => {
    const state = given(uploadDecider).when(preview).then([summary]);
    expect(state).toMatchObject({ status: 'previewed', chunksRecorded: 0 });
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
      .when({ type: 'StartUploadConfirmation', now: preview.now })
      .thenThrows('BAD_USER_INPUT', UPLOAD_INCOMPLETE_MESSAGE);
  });

  it('refuses to record the same upload twice', () => {
    given(uploadDecider, previewed).when(preview).thenThrows('CONFLICT');
  });

  it('lets a fresh preview be confirmed', () => {
    given(uploadDecider, previewed)
      .when({ type: 'StartUploadConfirmation', now: '2026-11-23T09:59:59.000Z' })
      .then([]);
    given(uploadDecider, previewed).when(complete).then([confirmed]);
  });

  it('refuses to confirm an expired preview', () => {
    given(uploadDecider, previewed)
      .when({ type: 'StartUploadConfirmation', now: '2026-11-23T10:00:00.000Z' })
      .thenThrows('BAD_USER_INPUT', UPLOAD_EXPIRED_MESSAGE);
  });

  it('confirming twice records nothing more, even after expiry', () => {
    given(uploadDecider, [...previewed, confirmed])
      .when({ type: 'StartUploadConfirmation', now: '2027-01-01T00:00:00.000Z' })
      .then([]);
    const state = given(uploadDecider, [...previewed, confirmed])
      .when(complete)
      .then([]);
    expect(state).toMatchObject({ status: 'confirmed', confirmation: confirmed.data });
  });

  it('answers NOT_FOUND for an upload that was never previewed', () => {
    given(uploadDecider).when({ type: 'StartUploadConfirmation', now: preview.now }).thenThrows('NOT_FOUND');
  });
});
