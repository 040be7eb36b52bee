import type { EventStore } from '../../../../event-store/src/event-store.port';
import { inviteeDecider } from '../../../../invitations/src/invitee/invitee.decider';
import type { InviteeCommand } from '../../../../invitations/src/invitee/invitee.commands';
import { inviteeStreamId } from '../../../../invitations/src/reservation/stream-ids';
import { BATCH } from '../../../../invitations/src/testing/invitee-fixtures';
import type { OutgoingMessage, Notifier } from '../../../../notifications/src/notifier.port';
import type { Clock } from '../../clock';
import { handleCommand } from '../../handle-command';
import { newId } from '../../ids';

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

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

/** A notifier that keeps what it is asked to send. */
export class RecordingNotifier implements Notifier {
  readonly sent: OutgoingMessage[] = [];

  async wasSent(id: string): Promise<boolean> {
    return this.sent.some((message) => message.id === id);
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    this.sent.push(...messages);
  }

  async close(): Promise<void> {}
}

/** A fence the test holds and drops by hand. */
export class ManualFence {
  held = true;

  isHeld(): boolean {
    return this.held;
  }
}
