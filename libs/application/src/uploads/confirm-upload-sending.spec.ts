import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { csvRow, csvSource } from '@invitations/uploads/testing';
import { createInvitationBatch } from '../batches/create-invitation-batch';
import { acceptInvitation } from '../invitations/accept-invitation';
import { createResourcePool } from '../pools/create-resource-pool';
import { adminContext, applicationWorld, withUploadConfirmations } from '../testing/application-world';
import { ADA, aPoolAndBatch, invitedWithToken } from '../testing/scenario';
import { confirmUpload } from './confirm-upload';
import { InMemoryUploadLookups } from './in-memory-upload-lookups';
import { previewBatchUpload } from './preview-batch-upload';
import { rowIds } from './stage-upload-rows';
import { recordedUpload } from './recorded-upload';

describe('a confirmation with invitations, sending as sendInvitations does', () => {
  it('compares each person with the passports as they are at sending: one now INVALID is staged, not invited', async () => {
    const world = withUploadConfirmations(applicationWorld());
    const { batchId } = await aPoolAndBatch(world);
    // Previewed while no passport holds Ada's email: NEW.
    const view = await previewBatchUpload(
      { ...world, lookups: new InMemoryUploadLookups(), lookupConcurrency: 1 },
      adminContext(),
      batchId,
      csvSource([
        csvRow({
          email: 'ada.lovelace@example.org',
          date_of_birth: '1990-12-10',
          first_name: 'Augusta',
          last_name: 'King',
        }),
        csvRow({ email: 'b@example.org', date_of_birth: '1990-01-01', first_name: 'Bo', last_name: 'Best' }),
      ]),
      null,
    );
    expect(view).toMatchObject({ newCount: 2 });
    // Then Ada accepts an invitation elsewhere, under other names: her passport now differs from the row.
    const { poolId } = await createResourcePool(world, adminContext(), 'Electricians');
    const elsewhere = await createInvitationBatch(world, adminContext(), poolId, 'Earlier');
    const { token } = await invitedWithToken(world, elsewhere.batchId, ADA);
    await acceptInvitation(world, adminContext({ now: new Date('2025-03-02T10:00:00.000Z') }), token);

    const { job } = await confirmUpload(world, adminContext(), {
      uploadId: view.id,
      sendInvitations: true,
      message: 'Welcome',
    });

    expect(job).toMatchObject({
      state: 'DONE',
      staged: 2,
      invited: 1,
      autoAccepted: 0,
      skippedDuplicates: 0,
    });
    const [ada, bo] = (await recordedUpload(world.store, 'org-a', view.id)).rows.map(
      (row) => rowIds(view.id, row).inviteeId,
    );
    const stateOf = async (inviteeId: string) =>
      (await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider)).state;
    expect(await stateOf(ada)).toMatchObject({
      status: 'UPLOADED',
      uploadStatus: 'INVALID',
      discrepancies: ['FIRST_NAME', 'LAST_NAME'],
    });
    expect(await stateOf(bo)).toMatchObject({ status: 'INVITED', invitation: { message: 'Welcome' } });
  });
});
