import { given } from '../testing/given-when-then';
import { UPLOAD_EXPIRED_MESSAGE, uploadDecider } from './upload.decider';
import type { UploadEvent, UploadRow } from './upload.events';

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
  rows,
  rowsPerChunk: 3,
  now: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-23T10:00:00.000Z',
};
const previewed: UploadEvent[] = [
  {
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
      previewedAt: preview.now,
      expiresAt: preview.expiresAt,
    },
  },
  { type: 'UploadRowsRecorded', data: { uploadId: 'u1', chunk: 0, rows: rows.slice(0, 3) } },
  { type: 'UploadRowsRecorded', data: { uploadId: 'u1', chunk: 1, rows: rows.slice(3) } },
];
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
  it('records a preview with its counts, then its rows in chunks', () => {
    const state = given(uploadDecider).when(preview).then(previewed);
    expect(state).toMatchObject({ status: 'previewed', rows });
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
