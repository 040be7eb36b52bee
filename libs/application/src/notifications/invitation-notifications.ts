import type { EventStore, RecordedEvent } from '@invitations/event-store';
import {
  inviteeDecider,
  inviteeStreamId,
  poolStreamId,
  resourcePoolDecider,
  type InvitationAccepted,
  type InvitationExtended,
  type InvitationResent,
  type InvitationSent,
  type InviteeReminded,
  type PersonDetails,
} from '@invitations/domain';
import type { Clock, CommandContext } from '@invitations/kernel';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import {
  addedToPoolMessages,
  deriveInvitationToken,
  invitationMessages,
  type InvitationMessageKind,
  type MessageAddressee,
  type Notifier,
} from '@invitations/notifications';
import { organisationOf } from '../organisations/organisation';
import { MessageDispatch, type CausedMessage, type MessageToSend } from './message-dispatch';

export interface InvitationNotificationsOptions {
  publicBaseUrl: string;
  clock: Clock;
  /** The secret invitation tokens are derived with (resolveInvitationTokenSecret). */
  tokenSecret: Uint8Array;
}

/** The events that send a message, and the kind of message each sends. */
const LINK_MESSAGES: Record<string, InvitationMessageKind> = {
  InvitationSent: 'invitation',
  InvitationResent: 'invitation',
  InviteeReminded: 'reminder',
  InvitationExtended: 'extension',
};

/**
 * The process manager that sends the messages, from the log:
 * - an invitation (InvitationSent, InvitationResent): it sends the email, and the text message when a mobile is
 *   known, with the link of the invitation's token. The invitation recorded the token's hash as it was sent; one sent
 *   before hashes were recorded with it (before 2026-12-06) gets it recorded first (InvitationTokenIssued);
 * - a reminder (InviteeReminded) and an extension (InvitationExtended): the same link again;
 * - a person accepted at once (InvitationAccepted, automatically): an ADDED_TO_POOL message, with no link.
 * Every message names the organisation (its display name) and the pool.
 *
 * The token is derived from the invitation's id under the service's secret, so it is computed again for a reminder
 * or an extension and never written anywhere; the log keeps only its hash. An invitation issued before tokens were
 * derived has a random token that cannot be computed again: its reminder or extension records the derived token
 * (the old link stops working) and carries the new link.
 *
 * Exactly once per event, across restarts and handovers: message ids derive from the event id and the notifier
 * remembers what it sent; recording the same token hash twice records nothing. An invitation that was superseded,
 * revoked, declined or accepted meanwhile gets no message.
 *
 * Every message, whatever its kind (invitation, reminder, added-to-pool), has a delivery status: the dispatch
 * records it QUEUED in its own stream (`message-<id>`) before it leaves, then SENT or FAILED as the notifier says;
 * on redelivery of an event whose messages already went, only what the log may still lack of that is recorded.
 *
 * Many events are handled together (`handleBatch`, as the subscription gathers them): each invitee's events in the
 * log's order, different invitees' at once, so their tokens and queued messages share the store's writes, and the
 * messages of the whole batch reach the notifier in one call (the outbox: one write and one fsync for them all).
 * A message already handed over (a batch handled again after a crash, even one cut in the middle of the outbox's
 * write) is not sent again; one not yet handed over is, as long as its invitation still stands.
 */
export class InvitationNotifications {
  /** The names messages show, read again at most every NAMES_FRESH_MS (a batch of invitations reads them once). */
  private readonly names = new Map<string, { name: Promise<string | null>; readAt: number }>();
  private readonly dispatch: MessageDispatch;

  constructor(
    private readonly store: EventStore,
    private readonly notifier: Notifier,
    private readonly options: InvitationNotificationsOptions,
  ) {
    this.dispatch = new MessageDispatch(store, notifier, options.clock);
  }

  static handles(event: RecordedEvent): boolean {
    if (event.type in LINK_MESSAGES) return true;
    return event.type === 'InvitationAccepted' && (event.data as InvitationAccepted['data']).autoAccepted;
  }

  async handle(event: RecordedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** The messages of these events of the log (those it does not handle are ignored), sent together. */
  async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    const wanted = events.filter((event) => InvitationNotifications.handles(event));
    if (wanted.length === 0) return;
    const byInvitee = new Map<string, RecordedEvent[]>();
    for (const event of wanted) {
      const { inviteeId } = event.data as { inviteeId: string };
      const ofInvitee = byInvitee.get(inviteeId);
      if (ofInvitee) ofInvitee.push(event);
      else byInvitee.set(inviteeId, [event]);
    }
    const toSend: CausedMessage[] = [];
    await Promise.all(
      [...byInvitee.values()].map(async (ofInvitee) => {
        for (const event of ofInvitee) toSend.push(...(await this.unsentMessagesOf(event)));
      }),
    );
    await this.dispatch.sendAll(toSend);
    await Promise.all(
      wanted.map((event) =>
        this.dispatch.recordHandovers([messageIdFor(event, 'email'), messageIdFor(event, 'sms')], event),
      ),
    );
  }

  /** The event's messages not handed over yet (none once both channels went, or its invitation is gone). */
  private async unsentMessagesOf(event: RecordedEvent): Promise<CausedMessage[]> {
    const ids = [messageIdFor(event, 'email'), messageIdFor(event, 'sms')];
    if ((await Promise.all(ids.map((id) => this.notifier.wasSent(id)))).every(Boolean)) return [];
    const messages =
      event.type === 'InvitationAccepted'
        ? await this.addedToPool(event as Recorded<InvitationAccepted>)
        : await this.linkMessages(event as Recorded<LinkEvent>, LINK_MESSAGES[event.type]);
    const unsent: CausedMessage[] = [];
    for (const message of messages) {
      if (!(await this.notifier.wasSent(message.message.id))) unsent.push({ ...message, cause: event });
    }
    return unsent;
  }

  private async linkMessages(
    event: Recorded<LinkEvent>,
    kind: InvitationMessageKind,
  ): Promise<MessageToSend[]> {
    const { inviteeId, invitationId } = event.data;
    const { token, tokenHash } = deriveInvitationToken(this.options.tokenSecret, inviteeId, invitationId);
    const now = this.options.clock.now();
    // Nothing to record for an invitation sent with its token's hash (the decider finds the same hash on record).
    const issued = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'IssueInvitationToken' as const, invitationId, tokenHash, now: now.toISOString() }),
      this.contextOf(event, now, 'issue-token'),
    );
    const invitee = issued.state;
    // Superseded, revoked, declined, expired or accepted meanwhile: the link would not work, so nothing goes out.
    if (invitee.status !== 'INVITED' || invitee.invitation?.invitationId !== invitationId) return [];
    if (invitee.invitation.tokenHash !== tokenHash) return [];
    const { invitation } = invitee;
    const message = 'message' in event.data && kind !== 'extension' ? event.data.message : null;
    const messages = invitationMessages({
      kind,
      ...(await this.addresseeOf(event, inviteeId, invitee, invitee.poolId)),
      message,
      acceptUrl: `${this.options.publicBaseUrl}/invitations/accept?token=${token}`,
      expiresAt: invitation.expiresAt,
      createdAt: now.toISOString(),
    });
    return messages.map((outgoing) => ({ message: outgoing, invitationId }));
  }

  private async addedToPool(event: Recorded<InvitationAccepted>): Promise<MessageToSend[]> {
    const { inviteeId, invitationId, poolId } = event.data;
    const { state: invitee } = await loadStream(this.store, inviteeStreamId(inviteeId), inviteeDecider);
    if (invitee.status === 'absent') return [];
    const messages = addedToPoolMessages({
      ...(await this.addresseeOf(event, inviteeId, invitee, poolId)),
      createdAt: this.options.clock.now().toISOString(),
    });
    return messages.map((outgoing) => ({ message: outgoing, invitationId }));
  }

  /** Whom an event's messages go to, and the names of the organisation and pool they come from, as they are now. */
  private async addresseeOf(
    event: RecordedEvent,
    inviteeId: string,
    invitee: { person: PersonDetails; organisationId: string },
    poolId: string,
  ): Promise<MessageAddressee & { organisationName: string | null; poolName: string }> {
    const { person } = invitee;
    return {
      messageIdFor: (channel) => messageIdFor(event, channel),
      inviteeId,
      email: person.email,
      mobile: person.mobile,
      greetingName: person.preferredName ?? person.firstName,
      organisationName: await this.organisationName(invitee.organisationId),
      poolName: await this.poolName(poolId),
    };
  }

  private contextOf(event: RecordedEvent, now: Date, step: string): CommandContext {
    return {
      organisationId: event.metadata.organisationId,
      actor: null,
      correlationId: event.metadata.correlationId,
      commandId: deriveId(event.id, step),
      now,
    };
  }

  /** The pool's name as it is now (it may have been renamed since the invitation). */
  private async poolName(poolId: string): Promise<string> {
    const name = await this.fresh(poolStreamId(poolId), async () => {
      const { state } = await loadStream(this.store, poolStreamId(poolId), resourcePoolDecider);
      return state.status === 'absent' ? null : state.name;
    });
    return name ?? 'a resource pool';
  }

  /** The organisation's display name, null until its admins set one. */
  private organisationName(organisationId: string): Promise<string | null> {
    return this.fresh(`organisation-${organisationId}`, async () => {
      return (await organisationOf(this.store, organisationId)).name;
    });
  }

  /** A name read at most NAMES_FRESH_MS ago, else read again: a rename shows in messages within that time. */
  private fresh(key: string, read: () => Promise<string | null>): Promise<string | null> {
    const now = this.options.clock.now().getTime();
    const known = this.names.get(key);
    if (known && now - known.readAt < NAMES_FRESH_MS) return known.name;
    // The read itself is kept: a batch's invitations of one pool, handled at once, read its name once.
    const name = read();
    if (this.names.size > 10_000) this.names.clear();
    this.names.set(key, { name, readAt: now });
    name.catch(() => this.names.get(key)?.name === name && this.names.delete(key));
    return name;
  }
}

const NAMES_FRESH_MS = 5_000;

type LinkEvent = InvitationSent | InvitationResent | InviteeReminded | InvitationExtended;
type Recorded<E extends { type: string; data: unknown }> = RecordedEvent<E['type'], E['data']>;

/** The ids of an event's messages, derived once per event however often a batch asks for them. */
const messageIds = new WeakMap<RecordedEvent, { email: string; sms: string }>();

/** One message per event and channel: the same event handled again yields the same ids. */
function messageIdFor(event: RecordedEvent, channel: 'email' | 'sms'): string {
  let ids = messageIds.get(event);
  if (ids === undefined) {
    ids = { email: deriveId(event.id, 'message', 'email'), sms: deriveId(event.id, 'message', 'sms') };
    messageIds.set(event, ids);
  }
  return ids[channel];
}
