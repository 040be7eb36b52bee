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
} from '@invitations/domain';
import type { Clock, CommandContext } from '@invitations/kernel';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import {
  addedToPoolMessages,
  deriveInvitationToken,
  invitationMessages,
  type InvitationMessageKind,
  type Notifier,
} from '@invitations/notifications';
import { organisationOf } from '../organisations/organisation';

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
 * - an invitation (InvitationSent, InvitationResent): it records the hash of the invitation's token in the
 *   invitee's stream (InvitationTokenIssued), then sends the email, and the text message when a mobile is known;
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
 */
export class InvitationNotifications {
  /** The names messages show, read again at most every NAMES_FRESH_MS (a batch of invitations reads them once). */
  private readonly names = new Map<string, { name: string | null; readAt: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly notifier: Notifier,
    private readonly options: InvitationNotificationsOptions,
  ) {}

  static handles(event: RecordedEvent): boolean {
    if (event.type in LINK_MESSAGES) return true;
    return event.type === 'InvitationAccepted' && (event.data as InvitationAccepted['data']).autoAccepted;
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (!InvitationNotifications.handles(event)) return;
    if (await this.notifier.wasSent(messageIdFor(event, 'email'))) return;
    if (event.type === 'InvitationAccepted') return this.addedToPool(event as Recorded<InvitationAccepted>);
    return this.sendLink(event as Recorded<LinkEvent>, LINK_MESSAGES[event.type]);
  }

  private async sendLink(event: Recorded<LinkEvent>, kind: InvitationMessageKind): Promise<void> {
    const { inviteeId, invitationId } = event.data;
    const { token, tokenHash } = deriveInvitationToken(this.options.tokenSecret, inviteeId, invitationId);
    const now = this.options.clock.now();
    const issued = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'IssueInvitationToken' as const, invitationId, tokenHash, now: now.toISOString() }),
      this.contextOf(event, now, 'issue-token'),
    );
    const invitee = issued.state;
    // Superseded, revoked, declined, expired or accepted meanwhile: the link would not work, so nothing goes out.
    if (invitee.status !== 'INVITED' || invitee.invitation?.invitationId !== invitationId) return;
    if (invitee.invitation.tokenHash !== tokenHash) return;
    const { person, invitation } = invitee;
    const message = 'message' in event.data && kind !== 'extension' ? event.data.message : null;
    await this.notifier.send(
      invitationMessages({
        kind,
        messageIdFor: (channel) => messageIdFor(event, channel),
        inviteeId,
        email: person.email,
        mobile: person.mobile,
        greetingName: person.preferredName ?? person.firstName,
        organisationName: await this.organisationName(invitee.organisationId),
        poolName: await this.poolName(invitee.poolId),
        message,
        acceptUrl: `${this.options.publicBaseUrl}/invitations/accept?token=${token}`,
        expiresAt: invitation.expiresAt,
        createdAt: now.toISOString(),
      }),
    );
  }

  private async addedToPool(event: Recorded<InvitationAccepted>): Promise<void> {
    const { inviteeId, poolId } = event.data;
    const { state: invitee } = await loadStream(this.store, inviteeStreamId(inviteeId), inviteeDecider);
    if (invitee.status === 'absent') return;
    const { person } = invitee;
    await this.notifier.send(
      addedToPoolMessages({
        messageIdFor: (channel) => messageIdFor(event, channel),
        inviteeId,
        email: person.email,
        mobile: person.mobile,
        greetingName: person.preferredName ?? person.firstName,
        organisationName: await this.organisationName(invitee.organisationId),
        poolName: await this.poolName(poolId),
        createdAt: this.options.clock.now().toISOString(),
      }),
    );
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
  private async fresh(key: string, read: () => Promise<string | null>): Promise<string | null> {
    const now = this.options.clock.now().getTime();
    const known = this.names.get(key);
    if (known && now - known.readAt < NAMES_FRESH_MS) return known.name;
    const name = await read();
    if (this.names.size > 10_000) this.names.clear();
    this.names.set(key, { name, readAt: now });
    return name;
  }
}

const NAMES_FRESH_MS = 5_000;

type LinkEvent = InvitationSent | InvitationResent | InviteeReminded | InvitationExtended;
type Recorded<E extends { type: string; data: unknown }> = RecordedEvent<E['type'], E['data']>;

/** One message per event and channel: the same event handled again yields the same ids. */
function messageIdFor(event: RecordedEvent, channel: 'email' | 'sms'): string {
  return deriveId(event.id, 'message', channel);
}
