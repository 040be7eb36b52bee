export { onInvitee } from './invitee-commands';
export {
  adminContext,
  applicationWorld,
  JOB_CLOCK,
  ReadSideFromLog,
  SETTINGS,
  typesIn,
  withUploadConfirmations,
  type ApplicationWorld,
} from './application-world';
