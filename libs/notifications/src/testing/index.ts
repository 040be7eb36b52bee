export { FakeTwilio, type FakeTwilioOptions, type TwilioRequest } from './fake-twilio';
export { RecordingNotifier } from './recording-notifier';
export { invitationMessagesOf } from './invitation-messages';
