export { invitationMessages } from './invitation-messages';
export { addedToPoolMessages } from './added-to-pool-messages';
export { type InvitationMessageKind } from './invitation-messages';
export {
  deriveInvitationToken,
  hashInvitationToken,
  issueInvitationToken,
  readInvitationToken,
} from './invitation-token';
export { resolveInvitationTokenSecret } from './invitation-token-secret';
export { NOTIFIER } from './notifier.port';
export type { Notifier, OutgoingMessage } from './notifier.port';
export { OutboxNotifier } from './outbox/outbox-notifier';
export type { SmtpNotifier, SmtpNotifierOptions } from './smtp/smtp-notifier';
export { openSmtpNotifier } from './smtp/open';
