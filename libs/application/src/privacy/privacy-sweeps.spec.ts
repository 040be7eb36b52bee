import { inviteeDecider, inviteeStreamId, uploadStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { CapturingLogger } from '@invitations/kernel/testing';
import { csvRow, csvSource } from '@invitations/uploads/testing';
import { revokeInvitation } from '../invitations/change-invitation';
import {
  adminContext,
  privateWorld,
  storedText,
  typesIn,
  withUploadConfirmations,
} from '../testing/application-world';
import { eachPrivateWorldWithABatch, invitedWithToken } from '../testing/scenario';
import { confirmUpload } from '../uploads/confirm-upload';
import { InMemoryUploadLookups } from '../uploads/in-memory-upload-lookups';
import { previewBatchUpload } from '../uploads/preview-batch-upload';
import { recordedUpload } from '../uploads/recorded-upload';
import { RetentionSweep, UploadShredding } from './privacy-sweeps';

const row = (email: string) =>
  csvRow({ email, date_of_birth: '1990-12-10', first_name: 'Ada', last_name: 'Quinterro' });
const clockAt = (iso: string) => ({ now: () => new Date(iso) });

describe('shredding upload previews’ rows', () => {
  const setup = eachPrivateWorldWithABatch(async () => withUploadConfirmations(await privateWorld()));

  const preview = (emails: string[]) =>
    previewBatchUpload(
      { ...setup.world, lookups: new InMemoryUploadLookups(), lookupConcurrency: 1 },
      adminContext(),
      setup.batchId,
      csvSource(emails.map(row)),
      {},
    );

  it('shreds a confirmed upload’s rows (what was staged lives on) and an expired one’s, not a fresh one’s', async () => {
    const confirmed = await preview(['a@example.org', 'b@example.org']);
    await confirmUpload(setup.world, adminContext(), {
      uploadId: confirmed.id,
      sendInvitations: false,
      message: null,
    });
    const fresh = await preview(['c@example.org']);
    const due = [
      { uploadId: confirmed.id, organisationId: 'org-a' },
      { uploadId: fresh.id, organisationId: 'org-a' },
    ];
    const shreddingAt = (iso: string) =>
      new UploadShredding(setup.world, { toShred: async () => due }, clockAt(iso), {
        logger: new CapturingLogger(),
      });
    const sweep = shreddingAt('2025-03-02T10:00:00.000Z');

    expect(await sweep.sweep()).toBe(1);

    expect(await typesIn(setup.world.store, uploadStreamId(confirmed.id))).toContain('UploadRowsShredded');
    expect((await recordedUpload(setup.world.store, 'org-a', confirmed.id)).rows).toEqual([]);
    expect(await setup.world.keys.find(uploadStreamId(confirmed.id))).toBeNull();
    expect(await setup.world.invitees.idsInStates('org-a', setup.batchId, ['UPLOADED'])).toHaveLength(2);
    // The fresh preview can still be confirmed: its rows are kept.
    expect((await recordedUpload(setup.world.store, 'org-a', fresh.id)).rows).toHaveLength(1);
    expect(await storedText(setup.world, uploadStreamId(fresh.id))).not.toContain('c@example.org');

    // A day later it has expired: shredded too, and sweeping again changes nothing.
    const later = shreddingAt('2025-03-04T10:00:00.000Z');
    expect(await later.sweep()).toBe(1);
    expect(await later.sweep()).toBe(0);
    expect((await recordedUpload(setup.world.store, 'org-a', fresh.id)).rows).toEqual([]);
  });
});

describe('the retention sweep', () => {
  const setup = eachPrivateWorldWithABatch();

  it('erases the people it is given as due, for retention, and logs one it cannot', async () => {
    const { inviteeId } = await invitedWithToken(setup.world, setup.batchId);
    await revokeInvitation(setup.world, adminContext(), inviteeId);
    const logger = new CapturingLogger();
    let asked = '';
    const sweep = new RetentionSweep(
      setup.world,
      {
        dueForRetention: async (before) => {
          asked = before;
          return [
            { inviteeId, organisationId: 'org-a' },
            { inviteeId: 'nobody', organisationId: 'org-a' },
          ];
        },
      },
      30,
      clockAt('2025-05-01T00:00:00.000Z'),
      { logger },
    );

    expect(await sweep.sweep()).toBe(1);

    expect(asked).toBe('2025-04-01T00:00:00.000Z');
    const { state } = await loadStream(setup.world.store, inviteeStreamId(inviteeId), inviteeDecider);
    expect(state).toMatchObject({ status: 'REVOKED', erased: true });
    expect(await typesIn(setup.world.store, inviteeStreamId(inviteeId))).toContain('InviteeErased');
    expect(logger.messages.map((entry) => entry.message).join('\n')).toContain(
      'could not erase invitee nobody',
    );
  });
});
