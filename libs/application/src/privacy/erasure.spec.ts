import { ERASED, inviteeDecider, inviteeStreamId, passportStreamId } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { newId } from '@invitations/kernel';
import { acceptInvitation } from '../invitations/accept-invitation';
import { stageInvitee } from '../invitees/stage-invitee';
import {
  adminContext,
  privateWorld,
  storedText,
  typesIn,
  type PrivateWorld,
} from '../testing/application-world';
import { ADA, aPoolAndBatch, invitedWithToken, staged, aWorldWithABatch } from '../testing/scenario';
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
  let world: PrivateWorld;
  let batchId: string;

  beforeEach(async () => ({ world, batchId } = await aWorldWithABatch(await privateWorld())));
  afterEach(() => world.dispose());

  it('erases an invitee of the organisation: details [erased] in every event, invitation revoked, seat freed', async () => {
    const { inviteeId } = await invitedWithToken(world, batchId);
    expect(await storedText(world)).not.toContain('ada.lovelace@example.org');

    const erasure = await eraseInvitee(world, adminContext(), inviteeId);

    expect(erasure).toMatchObject({ inviteeId, organisationId: 'org-a', erasedAt: expect.any(String) });
    const state = await stateOf(world, inviteeId);
    expect(state).toMatchObject({
      status: 'REVOKED',
      erased: true,
      person: { email: ERASED, firstName: ERASED },
    });
    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toEqual(
      expect.arrayContaining(['InvitationRevoked', 'InviteeErased']),
    );
    expect(await world.keys.find(inviteeStreamId(inviteeId))).toBeNull();
    // Free to be staged again, as someone new.
    const again = await stageInvitee(world, adminContext(), batchId, ADA);
    const restaged = await stateOf(world, again.inviteeId);
    expect(restaged).toMatchObject({ uploadStatus: 'NEW', person: { email: 'ada.lovelace@example.org' } });
    expect(restaged.status !== 'absent' && restaged.erased).toBeFalsy();
  });

  it('refuses another organisation’s invitee, as if it did not exist, and changes nothing erasing twice', async () => {
    const inviteeId = await staged(world, batchId);
    await expect(
      eraseInvitee(world, adminContext({ organisationId: 'org-b' }), inviteeId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const first = await eraseInvitee(world, adminContext(), inviteeId);
    const second = await eraseInvitee(world, adminContext(), inviteeId);
    expect(second.erasedAt).toBe(first.erasedAt);
    expect(
      (await typesIn(world.store, inviteeStreamId(inviteeId))).filter((t) => t === 'InviteeErased'),
    ).toHaveLength(1);
  });

  it('completes an erasure cut short after the key was destroyed', async () => {
    const inviteeId = await staged(world, batchId);
    await world.keys.destroy([inviteeStreamId(inviteeId)]);
    await eraseInvitee(world, adminContext(), inviteeId);
    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toContain('InviteeErased');
  });

  it('erases, by email, the passport and every invitee with it in every organisation; the email is NEW again', async () => {
    const { inviteeId, token } = await invitedWithToken(world, batchId);
    await acceptInvitation(world, { correlationId: newId(), commandId: newId(), now: SOON }, token);
    const accepted = await stateOf(world, inviteeId);
    const passportId = (accepted.status !== 'absent' && accepted.passportId) || '';
    const other = await aPoolAndBatch(world, { organisationId: 'org-b' });
    const { inviteeId: elsewhere } = await stageInvitee(
      world,
      adminContext({ organisationId: 'org-b' }),
      other.batchId,
      ADA,
    );

    const erasure = await erasePerson(world, opsContext(), ' Ada.Lovelace@Example.org ');

    expect(erasure.passportId).toBe(passportId);
    expect(erasure.invitees.map((one) => one.inviteeId).sort()).toEqual([inviteeId, elsewhere].sort());
    expect(await world.keys.find(passportStreamId(passportId))).toBeNull();
    expect(await typesIn(world.store, passportStreamId(passportId))).toEqual([
      'PassportCreated',
      'PassportErased',
    ]);
    expect(await world.passports.byEmail('ada.lovelace@example.org')).toBeNull();
    expect(await stateOf(world, inviteeId)).toMatchObject({ status: 'ACCEPTED', erased: true });
    const text = await storedText(world);
    for (const value of ['ada.lovelace@example.org', 'Lovelace', '1990-12-10', '+61412345678'])
      expect(text).not.toContain(value);
    // A new passport can take the email and the mobile.
    const { batchId: fresh } = await aPoolAndBatch(world);
    const { token: again } = await invitedWithToken(world, fresh);
    const { inviteeId: newcomer } = await acceptInvitation(
      world,
      { correlationId: newId(), commandId: newId(), now: SOON },
      again,
    );
    const joined = await stateOf(world, newcomer);
    expect(joined.status !== 'absent' && joined.passportId).toEqual(expect.any(String));
    expect(joined.status !== 'absent' && joined.passportId).not.toBe(passportId);
  });

  it('refuses an address that is not an email', async () => {
    await expect(erasePerson(world, opsContext(), 'nobody')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
