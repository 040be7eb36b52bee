export { RecordingNotifier } from './recording-notifier';
