import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { InviteeCommand } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { BATCH } from '@invitations/domain/testing';
import type { OutgoingMessage, Notifier } from '@invitations/notifications';
import type { Clock } from '@invitations/kernel';
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
