import { inviteeDecider, inviteeStreamId, uploadStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { csvRow, csvSource } from '@invitations/uploads/testing';
import {
  adminContext,
  applicationWorld,
  typesIn,
  withUploadConfirmations,
  type ApplicationWorld,
} from '../testing/application-world';
import { aPoolAndBatch, staged } from '../testing/scenario';
import { confirmUpload } from './confirm-upload';
import { InMemoryUploadLookups } from './in-memory-upload-lookups';
import { previewBatchUpload } from './preview-batch-upload';
import { recordedUpload, toPreviewView } from './recorded-upload';
import { ROWS_PER_SLICE } from './stage-upload-rows';

const row = (email: string, first = 'Ada') =>
  csvRow({ email, date_of_birth: '1990-12-10', first_name: first, last_name: 'Lovelace' });

describe('a bulk upload: previewed, recorded, confirmed', () => {
  let world: ApplicationWorld & ReturnType<typeof withUploadConfirmations>;
  let batchId: string;
  let poolId: string;
  let lookups: InMemoryUploadLookups;

  beforeEach(async () => {
    world = withUploadConfirmations(applicationWorld());
    ({ batchId, poolId } = await aPoolAndBatch(world));
    lookups = new InMemoryUploadLookups();
  });

  const deps = () => ({ ...world, lookups, lookupConcurrency: 1 });
  const preview = (rows: string[]) =>
    previewBatchUpload(deps(), adminContext(), batchId, csvSource(rows), { jobRole: 'Rigger' });

  it('records the preview with its rows, and stages nothing until confirmed', async () => {
    const view = await preview([row('a@example.org'), row('b@example.org'), row('a@example.org')]);

    expect(view).toMatchObject({ totalRows: 3, newCount: 2, duplicateCount: 1, confirmed: false, batchId });
    expect(view.duplicates).toEqual([
      { row: 4, email: 'a@example.org', mobile: null, reasons: ['EMAIL_REPEATED_IN_FILE'] },
    ]);
    const upload = await recordedUpload(world.store, 'org-a', view.id);
    expect(upload.rows).toHaveLength(3);
    expect(toPreviewView(upload, adminContext().now)).toEqual(view);
    expect(view).toMatchObject({ state: 'PREVIEWED', confirmation: null, cancelledAt: null });
    expect(await world.invitees.idsInStates('org-a', batchId, ['UPLOADED'])).toEqual([]);
  });

  it('refuses a file with an error whole (INVALID_UPLOAD, by row and field) and records nothing', async () => {
    const refused = preview([row('a@example.org'), row('not-an-email')]);
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_UPLOAD',
      errors: [{ row: 3, field: 'email', message: expect.any(String) }],
    });
    expect(await world.store.headPosition()).toBe(1n); // the pool's and the batch's events only
  });

  it('confirming stages every row but the duplicates, invites them when asked, and stages nothing the second time', async () => {
    const view = await preview([row('a@example.org'), row('b@example.org'), row('a@example.org')]);
    const request = { uploadId: view.id, sendInvitations: true, message: 'Welcome' };

    const outcome = await confirmUpload(world, adminContext(), request);
    expect(outcome).toMatchObject({
      batchId,
      job: { state: 'DONE', total: 3, staged: 2, skippedDuplicates: 1, invited: 2, autoAccepted: 0 },
    });
    const invited = await world.invitees.idsInStates('org-a', batchId, ['INVITED']);
    expect(invited).toHaveLength(2);
    const { state } = await loadStream(world.store, inviteeStreamId(invited[0]), inviteeDecider);
    expect(state).toMatchObject({ person: { jobRole: 'Rigger' }, invitation: { message: 'Welcome' } });

    const headAfter = await world.store.headPosition();
    const again = await confirmUpload(world, adminContext(), request);
    expect(again).toMatchObject({ job: { state: 'DONE', staged: 2, skippedDuplicates: 1, invited: 2 } });
    expect(await world.store.headPosition()).toBe(headAfter);
    expect((await typesIn(world.store, uploadStreamId(view.id))).slice(-3)).toEqual([
      'UploadConfirmationStarted',
      'UploadConfirmationProgressed',
      'UploadConfirmed',
    ]);
  });

  it('skips, as a duplicate, a person who took a seat in the pool after the preview', async () => {
    const view = await preview([row('a@example.org'), row('b@example.org')]);
    await staged(world, batchId, {
      email: 'b@example.org',
      dateOfBirth: '1990-12-10',
      firstName: 'B',
      lastName: 'C',
    });

    const outcome = await confirmUpload(world, adminContext(), {
      uploadId: view.id,
      sendInvitations: false,
      message: null,
    });
    expect(outcome.job).toMatchObject({ staged: 1, skippedDuplicates: 1, invited: 0 });
    expect(poolId).toBeTruthy();
  });

  it('stages a chunk of more rows than a slice, each once, the seat taken since the preview skipped wherever it falls', async () => {
    const people = Array.from({ length: 2 * ROWS_PER_SLICE + 50 }, (_, i) => `p${i}@example.org`);
    const view = await preview(people.map((email) => row(email)));
    const late = people[2 * ROWS_PER_SLICE + 10]; // in the third slice
    await staged(world, batchId, { email: late, dateOfBirth: '1990-12-10', firstName: 'L', lastName: 'T' });
    const request = { uploadId: view.id, sendInvitations: true, message: null };

    const outcome = await confirmUpload(world, adminContext(), request);
    expect(outcome.job).toMatchObject({
      total: people.length,
      staged: people.length - 1,
      skippedDuplicates: 1,
    });
    expect(outcome.job).toMatchObject({ invited: people.length - 1 });
    const invited = await world.invitees.idsInStates('org-a', batchId, ['INVITED']);
    expect(new Set(invited).size).toBe(people.length - 1);

    const headAfter = await world.store.headPosition();
    await confirmUpload(world, adminContext(), request);
    expect(await world.store.headPosition()).toBe(headAfter);
  });

  it("answers another organisation's upload as missing", async () => {
    const view = await preview([row('a@example.org')]);
    const other = adminContext({ organisationId: 'org-b' });
    await expect(
      confirmUpload(world, other, { uploadId: view.id, sendInvitations: false, message: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordedUpload(world.store, 'org-b', view.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
