import { inviteeDecider, inviteeStreamId, type InviteeState } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { createInvitationBatch } from '../batches/create-invitation-batch';
import { updateInvitationBatch } from '../batches/update-invitation-batch';
import { correctInvitee } from '../invitees/correct-invitee';
import { removeMember } from '../members/remove-member';
import { organisationView, updateOrganisation } from '../organisations/organisation';
import { createResourcePool } from '../pools/create-resource-pool';
import { updateResourcePool } from '../pools/update-resource-pool';
import { stageInvitee } from '../invitees/stage-invitee';
import { adminContext, typesIn, type ApplicationWorld } from '../testing/application-world';
import { ADA, invitedWithToken, linkTokenOf, sendTo, staged, aWorldWithABatch } from '../testing/scenario';
import { hashInvitationToken } from '@invitations/notifications';
import { acceptInvitation } from './accept-invitation';
import {
  extendInvitations,
  resendInvitations,
  revokeInvitations,
  sendReminders,
} from './bulk/bulk-invitations';
import { declineInvitation } from './decline-invitation';
import { previewInvitation } from './invitation-preview';

/** The use cases of the lifecycle past "sent", over the in-memory event store, without Nest. */
describe('the invitation lifecycle past "sent"', () => {
  let world: ApplicationWorld;
  let batchId: string;
  let poolId: string;
  const at = (instant: string) => adminContext({ now: new Date(instant) });
  const SOON = '2025-03-03T09:00:00.000Z';

  beforeEach(async () => ({ world, batchId, poolId } = await aWorldWithABatch()));

  const stateOf = async (inviteeId: string) =>
    (await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider)).state as Exclude<
      InviteeState,
      { status: 'absent' }
    >;
  const grace = { ...ADA, email: 'grace@example.org', mobile: null };

  describe('organisations and terms', () => {
    it('an organisation is named and sets its defaults; batches override them; invitations follow the batch', async () => {
      expect(await organisationView(world, 'org-a')).toEqual({
        id: 'org-a',
        name: null,
        invitationTtlDays: 14,
        reminderDaysBeforeExpiry: 3,
      });
      await updateOrganisation(world, adminContext(), { name: 'Acme', invitationTtlDays: 7 });
      expect(await organisationView(world, 'org-a')).toMatchObject({ name: 'Acme', invitationTtlDays: 7 });
      expect(await organisationView(world, 'org-b')).toMatchObject({ name: null, invitationTtlDays: 14 });

      const { inviteeId } = await invitedWithToken(world, batchId);
      expect((await stateOf(inviteeId)).invitation).toMatchObject({
        expiresAt: '2025-03-09T09:00:00.000Z',
        remindAt: '2025-03-06T09:00:00.000Z',
      });
      const { batchId: own } = await createInvitationBatch(world, adminContext(), poolId, 'Own terms', {
        invitationTtlDays: 30,
        reminderDaysBeforeExpiry: 0,
      });
      const other = await staged(world, own, grace);
      await sendTo(world, own, [other]);
      expect((await stateOf(other)).invitation).toMatchObject({
        expiresAt: '2025-04-01T09:00:00.000Z',
        remindAt: null,
      });
    });

    it('pools and batches are renamed, in their organisation only', async () => {
      await updateResourcePool(world, adminContext(), poolId, 'Crane crew');
      await updateInvitationBatch(world, adminContext(), batchId, { name: 'April', invitationTtlDays: 3 });
      expect(await typesIn(world.store, `pool-${poolId}`)).toEqual([
        'ResourcePoolCreated',
        'ResourcePoolRenamed',
      ]);
      expect(await typesIn(world.store, `batch-${batchId}`)).toEqual(['BatchCreated', 'BatchUpdated']);
      const theirs = adminContext({ organisationId: 'org-b' });
      await expect(updateResourcePool(world, theirs, poolId, 'Mine')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(updateInvitationBatch(world, theirs, batchId, { name: 'Mine' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it("the accept page's preview names the organisation", async () => {
      await updateOrganisation(world, adminContext(), { name: 'Acme' });
      const { token } = await invitedWithToken(world, batchId);
      expect(await previewInvitation(world, token, new Date(SOON))).toMatchObject({
        organisationName: 'Acme',
        poolName: 'Riggers',
        state: 'INVITED',
      });
    });
  });

  describe('declining', () => {
    it('declines with the token, once; the token then neither accepts nor previews as invited', async () => {
      const { inviteeId, token } = await invitedWithToken(world, batchId);
      const declined = await declineInvitation(world, at(SOON), token);
      expect(declined).toMatchObject({ inviteeId, poolId });
      expect(declined.position).toBeGreaterThanOrEqual(0n);
      expect((await declineInvitation(world, at(SOON), token)).position).toBe(-1n);
      expect((await stateOf(inviteeId)).status).toBe('DECLINED');
      await expect(acceptInvitation(world, at(SOON), token)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect((await previewInvitation(world, token, new Date(SOON))).state).toBe('DECLINED');
      await expect(declineInvitation(world, at(SOON), 'not-a-token')).rejects.toMatchObject({
        message: expect.stringContaining('not valid'),
      });
    });
  });

  describe('bulk actions', () => {
    let first: string;
    let second: string;
    beforeEach(async () => {
      first = (await invitedWithToken(world, batchId)).inviteeId;
      second = (await invitedWithToken(world, batchId, grace)).inviteeId;
    });

    it('refuse ids and states together, and neither', async () => {
      await expect(
        revokeInvitations(world, adminContext(), { batchId, inviteeIds: [first], states: ['INVITED'] }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(sendReminders(world, adminContext(), { batchId })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('revoke by states, then resend by states: new invitations, each written once per command id', async () => {
      expect(await revokeInvitations(world, adminContext(), { batchId, states: ['INVITED'] })).toMatchObject({
        count: 2,
        skipped: [],
      });
      const context = adminContext();
      const resent = await resendInvitations(world, context, {
        batchId,
        states: ['REVOKED'],
        message: 'Again',
      });
      expect(resent).toMatchObject({ count: 2, skipped: [] });
      expect(await resendInvitations(world, context, { batchId, states: ['REVOKED'] })).toMatchObject({
        count: 0,
      });
      expect(await resendInvitations(world, context, { batchId, inviteeIds: [first, second] })).toMatchObject(
        {
          count: 2,
          skipped: [],
        },
      );
      expect(
        (await typesIn(world.store, inviteeStreamId(first))).filter((t) => t === 'InvitationResent'),
      ).toHaveLength(1);
      expect((await stateOf(first)).invitation?.message).toBe('Again');
    });

    it('remind by ids: the pending ones, the others skipped with the reason', async () => {
      await revokeInvitations(world, adminContext(), { batchId, inviteeIds: [second] });
      const reminded = await sendReminders(world, adminContext(), {
        batchId,
        inviteeIds: [first, second, 'nobody'],
      });
      expect(reminded.count).toBe(1);
      expect(reminded.skipped).toEqual([
        { inviteeId: second, reason: "This person's invitation was revoked: resend it instead." },
        { inviteeId: 'nobody', reason: 'No invitee with this id.' },
      ]);
      expect((await stateOf(first)).invitation?.remindedAt).toBe('2025-03-02T09:00:00.000Z');
    });

    it('extend by ids: the expiry pushed out by whole days; refuses days out of range', async () => {
      const outcome = await extendInvitations(world, adminContext(), {
        batchId,
        inviteeIds: [first],
        days: 5,
      });
      expect(outcome).toMatchObject({ count: 1, skipped: [] });
      expect((await stateOf(first)).invitation?.expiresAt).toBe('2025-03-21T09:00:00.000Z');
      await expect(
        extendInvitations(world, adminContext(), { batchId, inviteeIds: [first], days: 0 }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it("another organisation's batch answers NOT_FOUND; its invitees in one's own batch are skipped", async () => {
      const theirs = adminContext({ organisationId: 'org-b' });
      await expect(revokeInvitations(world, theirs, { batchId, inviteeIds: [first] })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const { poolId: bPool } = await createResourcePool(world, theirs, 'B');
      const { batchId: bBatch } = await createInvitationBatch(
        world,
        adminContext({ organisationId: 'org-b' }),
        bPool,
        'B',
      );
      expect(
        await revokeInvitations(world, adminContext({ organisationId: 'org-b' }), {
          batchId: bBatch,
          inviteeIds: [first],
        }),
      ).toMatchObject({
        count: 0,
        skipped: [{ inviteeId: first, reason: 'No invitee with this id.' }],
      });
      expect((await stateOf(first)).status).toBe('INVITED');
    });
  });

  describe('identity checked again', () => {
    /** Eve (no mobile), born on `dateOfBirth`: her email with another date of birth differs from her passport. */
    const eve = (dateOfBirth: string) => ({ ...ADA, email: 'eve@example.org', mobile: null, dateOfBirth });
    const eveIn = async (batch: string, dateOfBirth: string) => staged(world, batch, eve(dateOfBirth));
    /** A batch of another pool of the organisation. */
    const aBatchOfAnotherPool = async () => {
      const { poolId: other } = await createResourcePool(world, adminContext(), 'Other');
      return (await createInvitationBatch(world, adminContext(), other, 'B')).batchId;
    };

    it('B4: accepting a NEW person whose email got a passport with other details is refused; the invitee shows INVALID', async () => {
      const otherBatch = await aBatchOfAnotherPool();
      const inA = await invitedWithToken(world, batchId, eve('1980-01-01'));
      const inB = await invitedWithToken(world, otherBatch, eve('1981-01-01'));
      await acceptInvitation(world, at(SOON), inA.token);

      const refused = acceptInvitation(world, at(SOON), inB.token);
      await expect(refused).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('do not match the Skills Passport'),
        position: expect.any(BigInt),
      });
      expect(await stateOf(inB.inviteeId)).toMatchObject({
        status: 'INVITED',
        uploadStatus: 'INVALID',
        discrepancies: ['DATE_OF_BIRTH'],
      });
      // The person corrected to match, the same link accepts, joining the passport as it is.
      await correctInvitee(world, adminContext(), inB.inviteeId, { dateOfBirth: '1980-01-01' });
      await acceptInvitation(world, at(SOON), inB.token);
      const [a, b] = [await stateOf(inA.inviteeId), await stateOf(inB.inviteeId)];
      expect(b.status).toBe('ACCEPTED');
      expect(b.passportId).toBe(a.passportId);
    });

    it('at sending, a NEW person now INVALID against a passport is skipped with the fields, and recorded INVALID', async () => {
      const later = await eveIn(batchId, '1981-01-01');
      const otherBatch = await aBatchOfAnotherPool();
      const first = await invitedWithToken(world, otherBatch, eve('1980-01-01'));
      await acceptInvitation(world, at(SOON), first.token);

      const outcome = await sendTo(world, batchId, [later]);
      expect(outcome.invited).toEqual([]);
      expect(outcome.skipped).toEqual([
        {
          inviteeId: later,
          reason:
            "This person's details differ from their Skills Passport: correct them before inviting (differing: DATE_OF_BIRTH).",
        },
      ]);
      expect(outcome.position).toBeGreaterThanOrEqual(0n);
      expect(await stateOf(later)).toMatchObject({ status: 'UPLOADED', uploadStatus: 'INVALID' });
    });
  });

  describe('corrections while invited', () => {
    it('a new email voids the old invitation and invites the new address; a name alone keeps it', async () => {
      const { inviteeId, token } = await invitedWithToken(world, batchId);
      const before = (await stateOf(inviteeId)).invitation!.invitationId;
      await correctInvitee(world, adminContext(), inviteeId, { preferredName: 'Countess' });
      expect((await stateOf(inviteeId)).invitation!.invitationId).toBe(before);
      await correctInvitee(world, adminContext(), inviteeId, { email: 'ada@example.net' });
      const after = await stateOf(inviteeId);
      expect(after).toMatchObject({ status: 'INVITED', person: { email: 'ada@example.net' } });
      expect(after.invitation!.invitationId).not.toBe(before);
      // The new invitation's link works at once; the old one no longer does.
      const newToken = await linkTokenOf(world, inviteeId);
      expect(after.invitation!.tokenHash).toBe(hashInvitationToken(newToken));
      await expect(acceptInvitation(world, adminContext(), token)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });
  });

  describe('members', () => {
    it('removing a member frees their seat: they can be staged into the pool again; the passport stays', async () => {
      const { inviteeId, token } = await invitedWithToken(world, batchId);
      await acceptInvitation(world, at(SOON), token);
      const passportId = (await stateOf(inviteeId)).passportId!;
      const members = { member: async () => ({ inviteeId }) };
      await removeMember({ ...world, members }, adminContext(), poolId, `${poolId}:${passportId}`);
      expect((await stateOf(inviteeId)).status).toBe('REMOVED');
      const again = await stageInvitee(world, adminContext(), batchId, ADA);
      expect((await stateOf(again.inviteeId)).uploadStatus).toBe('EXISTING');
    });

    it('answers NOT_FOUND for an unknown member, or a pool of another organisation', async () => {
      const none = { member: async () => null };
      await expect(
        removeMember({ ...world, members: none }, adminContext(), poolId, 'x'),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const some = { member: async () => ({ inviteeId: 'whoever' }) };
      await expect(
        removeMember({ ...world, members: some }, adminContext({ organisationId: 'org-b' }), poolId, 'x'),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
