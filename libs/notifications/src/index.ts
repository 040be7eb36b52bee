export { invitationMessages } from './invitation-messages';
export { addedToPoolMessages } from './added-to-pool-messages';
export type { MessageAddressee } from './email-and-sms';
export { type InvitationMessageKind } from './invitation-messages';
export {
  deriveInvitationToken,
  hashInvitationToken,
  issueInvitationToken,
  readInvitationToken,
} from './invitation-token';
export { resolveInvitationTokenSecret } from './invitation-token-secret';
export { NOTIFIER } from './notifier.port';
export type { Handover, Notifier, OutgoingMessage, OutgoingMessageKind } from './notifier.port';
export { ChannelNotifiers } from './channel-notifiers';
export { OutboxNotifier } from './outbox/outbox-notifier';
export type { SmtpNotifier, SmtpNotifierOptions } from './smtp/smtp-notifier';
export { openSmtpNotifier } from './smtp/open';
export { TwilioNotifier, type TwilioNotifierOptions } from './twilio/twilio-notifier';
export {
  TWILIO_API,
  TWILIO_STATUS_CALLBACK_PATH,
  twilioSettingsFromUrl,
  twilioStatusCallbackUrl,
  type TwilioSettings,
} from './twilio/twilio-settings';
export { isSignedByTwilio, twilioDeliveryReceipt } from './twilio/twilio-status-callback';
export type { DeliveryReceipt } from './receipts/delivery-receipt';
export { StandardWebhookReceipts, type WebhookHeaders } from './receipts/standard-webhook-receipts';
