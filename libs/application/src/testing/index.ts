export { ManualFence, RecordingNotifier, onInvitee } from './invitee-commands';
