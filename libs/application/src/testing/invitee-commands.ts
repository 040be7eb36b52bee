import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { InviteeCommand } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { BATCH } from '@invitations/domain/testing';
import { handleCommand } from '@invitations/event-store';
import { newId } from '@invitations/kernel';

/** Applies an invitee command through the real command handling (decide, append with the exact revision). */
export async function onInvitee(
  store: EventStore,
  inviteeId: string,
  command: InviteeCommand,
): Promise<bigint> {
  const context = {
    organisationId: BATCH.organisationId,
    actor: 'admin-1',
    correlationId: newId(),
    commandId: newId(),
  };
  const { position } = await handleCommand(store, inviteeStreamId(inviteeId), inviteeDecider, () => command, {
    ...context,
    now: new Date(),
  });
  return position;
}
