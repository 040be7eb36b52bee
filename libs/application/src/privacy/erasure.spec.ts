import { ERASED, inviteeDecider, inviteeStreamId, passportStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { newId } from '@invitations/kernel';
import { acceptInvitation } from '../invitations/accept-invitation';
import { stageInvitee } from '../invitees/stage-invitee';
import { adminContext, storedText, typesIn, type PrivateWorld } from '../testing/application-world';
import {
  ADA,
  aPoolAndBatch,
  eachPrivateWorldWithABatch,
  invitedWithToken,
  staged,
} from '../testing/scenario';
import { eraseInvitee, erasePerson } from './erasure';

/** After the invitations of the scenario were sent, before they expire. */
const SOON = new Date('2025-03-03T09:00:00.000Z');

const opsContext = () => ({
  organisationId: null,
  actor: 'operator',
  correlationId: newId(),
  commandId: newId(),
  now: new Date('2025-03-03T09:00:00.000Z'),
});

async function stateOf(world: PrivateWorld, inviteeId: string) {
  return (await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider)).state;
}

describe('erasing a person', () => {
  const setup = eachPrivateWorldWithABatch();

  it('erases an invitee of the organisation: details [erased] in every event, invitation revoked, seat freed', async () => {
    const { inviteeId } = await invitedWithToken(setup.world, setup.batchId);
    expect(await storedText(setup.world)).not.toContain('ada.lovelace@example.org');

    const erasure = await eraseInvitee(setup.world, adminContext(), inviteeId);

    expect(erasure).toMatchObject({ inviteeId, organisationId: 'org-a', erasedAt: expect.any(String) });
    const state = await stateOf(setup.world, inviteeId);
    expect(state).toMatchObject({
      status: 'REVOKED',
      erased: true,
      person: { email: ERASED, firstName: ERASED },
    });
    expect(await typesIn(setup.world.store, inviteeStreamId(inviteeId))).toEqual(
      expect.arrayContaining(['InvitationRevoked', 'InviteeErased']),
    );
    expect(await setup.world.keys.find(inviteeStreamId(inviteeId))).toBeNull();
    // Free to be staged again, as someone new.
    const again = await stageInvitee(setup.world, adminContext(), setup.batchId, ADA);
    const restaged = await stateOf(setup.world, again.inviteeId);
    expect(restaged).toMatchObject({ uploadStatus: 'NEW', person: { email: 'ada.lovelace@example.org' } });
    expect(restaged.status !== 'absent' && restaged.erased).toBeFalsy();
  });

  it('refuses another organisation’s invitee, as if it did not exist, and changes nothing erasing twice', async () => {
    const inviteeId = await staged(setup.world, setup.batchId);
    await expect(
      eraseInvitee(setup.world, adminContext({ organisationId: 'org-b' }), inviteeId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const first = await eraseInvitee(setup.world, adminContext(), inviteeId);
    const second = await eraseInvitee(setup.world, adminContext(), inviteeId);
    expect(second.erasedAt).toBe(first.erasedAt);
    expect(
      (await typesIn(setup.world.store, inviteeStreamId(inviteeId))).filter((t) => t === 'InviteeErased'),
    ).toHaveLength(1);
  });

  it('completes an erasure cut short after the key was destroyed', async () => {
    const inviteeId = await staged(setup.world, setup.batchId);
    await setup.world.keys.destroy([inviteeStreamId(inviteeId)]);
    await eraseInvitee(setup.world, adminContext(), inviteeId);
    expect(await typesIn(setup.world.store, inviteeStreamId(inviteeId))).toContain('InviteeErased');
  });

  it('erases, by email, the passport and every invitee with it in every organisation; the email is NEW again', async () => {
    const { inviteeId, token } = await invitedWithToken(setup.world, setup.batchId);
    await acceptInvitation(setup.world, { correlationId: newId(), commandId: newId(), now: SOON }, token);
    const accepted = await stateOf(setup.world, inviteeId);
    const passportId = (accepted.status !== 'absent' && accepted.passportId) || '';
    const other = await aPoolAndBatch(setup.world, { organisationId: 'org-b' });
    const { inviteeId: elsewhere } = await stageInvitee(
      setup.world,
      adminContext({ organisationId: 'org-b' }),
      other.batchId,
      ADA,
    );

    const erasure = await erasePerson(setup.world, opsContext(), ' Ada.Lovelace@Example.org ');

    expect(erasure.passportId).toBe(passportId);
    expect(erasure.invitees.map((one) => one.inviteeId).sort()).toEqual([inviteeId, elsewhere].sort());
    expect(await setup.world.keys.find(passportStreamId(passportId))).toBeNull();
    expect(await typesIn(setup.world.store, passportStreamId(passportId))).toEqual([
      'PassportCreated',
      'PassportErased',
    ]);
    expect(await setup.world.passports.byEmail('ada.lovelace@example.org')).toBeNull();
    expect(await stateOf(setup.world, inviteeId)).toMatchObject({ status: 'ACCEPTED', erased: true });
    const text = await storedText(setup.world);
    for (const value of ['ada.lovelace@example.org', 'Lovelace', '1990-12-10', '+61412345678'])
      expect(text).not.toContain(value);
    // A new passport can take the email and the mobile.
    const { batchId: fresh } = await aPoolAndBatch(setup.world);
    const { token: again } = await invitedWithToken(setup.world, fresh);
    const { inviteeId: newcomer } = await acceptInvitation(
      setup.world,
      { correlationId: newId(), commandId: newId(), now: SOON },
      again,
    );
    const joined = await stateOf(setup.world, newcomer);
    expect(joined.status !== 'absent' && joined.passportId).toEqual(expect.any(String));
    expect(joined.status !== 'absent' && joined.passportId).not.toBe(passportId);
  });

  it('refuses an address that is not an email', async () => {
    await expect(erasePerson(setup.world, opsContext(), 'nobody')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
