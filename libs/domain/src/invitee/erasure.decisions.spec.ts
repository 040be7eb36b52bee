import { given } from '../testing/given-when-then';
import {
  BATCH,
  BEFORE_EXPIRY,
  FIRST_INVITATION,
  invitationAccepted,
  invitationSent,
  invitedWithToken,
  INVITEE_ID,
  inviteeStaged,
  sendCommand,
  stagedThenRemoved,
  tokenIssued,
} from '../testing/invitee-fixtures';
import { erasedPerson } from '../personal-data/erased';
import type { EraseInvitee } from './invitee.commands';
import { inviteeDecider } from './invitee.decider';
import type { InviteeErased } from './invitee.events';

const erase = (reason: EraseInvitee['reason'] = 'ADMIN'): EraseInvitee => ({
  type: 'EraseInvitee',
  now: BEFORE_EXPIRY,
  reason,
});

const erased = (reason: InviteeErased['data']['reason'] = 'ADMIN'): InviteeErased => ({
  type: 'InviteeErased',
  data: {
    inviteeId: INVITEE_ID,
    batchId: BATCH.batchId,
    poolId: BATCH.poolId,
    erasedAt: BEFORE_EXPIRY,
    reason,
  },
});

describe('erasing an invitee', () => {
  it('erases a staged person: their details read [erased] from then on', () => {
    const state = given(inviteeDecider, [inviteeStaged()]).when(erase()).then([erased()]);
    expect(state).toMatchObject({
      status: 'UPLOADED',
      erased: true,
      erasedAt: BEFORE_EXPIRY,
      person: erasedPerson(),
    });
  });

  it('revokes a pending invitation with the erasure, so its link stops working and no sweep acts on it', () => {
    const state = given(inviteeDecider, invitedWithToken())
      .when(erase('OPS'))
      .then([
        {
          type: 'InvitationRevoked',
          data: { inviteeId: INVITEE_ID, invitationId: FIRST_INVITATION, revokedAt: BEFORE_EXPIRY },
        },
        erased('OPS'),
      ]);
    expect(state).toMatchObject({ status: 'REVOKED', erased: true });
  });

  it('erases an accepted member, who stays counted as accepted', () => {
    const state = given(inviteeDecider, [
      inviteeStaged(),
      invitationSent(),
      tokenIssued(),
      invitationAccepted(),
    ])
      .when(erase('RETENTION'))
      .then([erased('RETENTION')]);
    expect(state).toMatchObject({ status: 'ACCEPTED', erased: true });
  });

  it('erases a removed person too: their details are in the log all the same', () => {
    given(inviteeDecider, stagedThenRemoved()).when(erase()).then([erased()]);
  });

  it('changes nothing when erased again', () => {
    given(inviteeDecider, [inviteeStaged(), erased()]).when(erase()).then([]);
  });

  it('refuses to invite an erased person, and lets them be removed', () => {
    given(inviteeDecider, [inviteeStaged(), erased()]).when(sendCommand()).thenThrows('CONFLICT', 'erased');
    given(inviteeDecider, [inviteeStaged(), erased()])
      .when({ type: 'RemoveInvitee' })
      .then([{ type: 'InviteeRemoved', data: { inviteeId: INVITEE_ID } }]);
  });

  it('records the erasure of a person whose key was destroyed by an erasure cut short', () => {
    given(inviteeDecider, [inviteeStaged({ person: erasedPerson(), erased: true })])
      .when(erase())
      .then([erased()]);
  });

  it('refuses a person who was never staged', () => {
    given(inviteeDecider, []).when(erase()).thenThrows('NOT_FOUND');
  });
});
