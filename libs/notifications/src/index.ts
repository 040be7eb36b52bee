export { invitationMessages } from './invitation-messages';
export { issueInvitationToken, readInvitationToken } from './invitation-token';
export { NOTIFIER } from './notifier.port';
export type { Notifier, OutgoingMessage } from './notifier.port';
export { OutboxNotifier } from './outbox/outbox-notifier';
export type { SmtpNotifier, SmtpNotifierOptions } from './smtp/smtp-notifier';
export { openSmtpNotifier } from './smtp/open';
