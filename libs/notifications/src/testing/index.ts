export { FakeTwilio, type FakeTwilioOptions, type TwilioRequest } from './fake-twilio';
export { RecordingNotifier } from './recording-notifier';
