import type { EventStore, RecordedEvent } from '@invitations/event-store';
import type { InvitationResent, InvitationSent } from '@invitations/domain';
import { inviteeDecider } from '@invitations/domain';
import type { ResourcePoolCreated } from '@invitations/domain';
import { inviteeStreamId, poolStreamId } from '@invitations/domain';
import type { Clock } from '@invitations/kernel';
import { handleCommand } from '@invitations/event-store';
import { deriveId, newId } from '@invitations/kernel';
import { invitationMessages } from '@invitations/notifications';
import { issueInvitationToken } from '@invitations/notifications';
import type { Notifier } from '@invitations/notifications';
import { MessageDispatch } from './message-dispatch';

export interface InvitationNotificationsOptions {
  publicBaseUrl: string;
  clock: Clock;
}

/**
 * The process manager that sends invitations: for each InvitationSent or InvitationResent in the log it issues
 * the invitation's one-time token (recording only its hash, in the invitee's stream) and sends the email, and
 * the text message when a mobile is known, through the notifier.
 *
 * Exactly once per event, across restarts: message ids derive from the event id and the notifier remembers what
 * it sent. A crash after the token was recorded but before the messages went out loses that token (only its hash
 * was kept), so handling the event again issues a fresh token that supersedes it, then sends.
 * An invitation that was superseded, revoked or accepted meanwhile gets no message.
 *
 * Each message's delivery status is recorded by the dispatch (QUEUED, then SENT or FAILED as the notifier says);
 * on redelivery of an event whose messages already went, only what the log may still lack of that is recorded.
 */
export class InvitationNotifications {
  private readonly dispatch: MessageDispatch;

  constructor(
    private readonly store: EventStore,
    private readonly notifier: Notifier,
    private readonly options: InvitationNotificationsOptions,
  ) {
    this.dispatch = new MessageDispatch(store, notifier, options.clock);
  }

  static handles(event: RecordedEvent): boolean {
    return event.type === 'InvitationSent' || event.type === 'InvitationResent';
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (!InvitationNotifications.handles(event)) return;
    const invitation = event as RecordedEvent<string, (InvitationSent | InvitationResent)['data']>;
    const messageIdFor = (channel: 'email' | 'sms') => deriveId(event.id, 'message', channel);
    if (await this.notifier.wasSent(messageIdFor('email'))) {
      await this.dispatch.recordHandovers([messageIdFor('email'), messageIdFor('sms')], event);
      return;
    }

    const { inviteeId, invitationId, poolId, message, expiresAt } = invitation.data;
    const { token, tokenHash } = issueInvitationToken(inviteeId);
    const now = this.options.clock.now();
    const issued = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'IssueInvitationToken' as const, invitationId, tokenHash, now: now.toISOString() }),
      {
        organisationId: event.metadata.organisationId,
        actor: null,
        correlationId: event.metadata.correlationId,
        // A fresh id each time: a token lost in a crash must be replaced, not found again.
        commandId: newId(),
        now,
      },
    );
    if (issued.events.length === 0 || issued.state.status === 'absent') return;

    const person = issued.state.person;
    const messages = invitationMessages({
      messageIdFor,
      inviteeId,
      email: person.email,
      mobile: person.mobile,
      greetingName: person.preferredName ?? person.firstName,
      poolName: await this.poolName(poolId),
      message,
      acceptUrl: `${this.options.publicBaseUrl}/invitations/accept?token=${token}`,
      expiresAt,
      createdAt: now.toISOString(),
    });
    await this.dispatch.send(
      messages.map((outgoing) => ({ message: outgoing, invitationId })),
      event,
    );
  }

  private async poolName(poolId: string): Promise<string> {
    for await (const event of this.store.readStream(poolStreamId(poolId), { maxCount: 1 })) {
      return (event.data as ResourcePoolCreated['data']).name;
    }
    return 'a resource pool';
  }
}
