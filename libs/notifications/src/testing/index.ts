export { FakeTwilio, type FakeTwilioOptions, type TwilioRequest } from './fake-twilio';
export { invitationMessagesOf } from './invitation-messages';
export { RecordingNotifier } from './recording-notifier';
export { TWILIO_TEST_ACCOUNT, twilioStatusCallback } from './twilio-status-callback';
