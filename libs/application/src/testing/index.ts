export { onInvitee } from './invitee-commands';
export {
  adminContext,
  applicationWorld,
  ReadSideFromLog,
  SETTINGS,
  typesIn,
  type ApplicationWorld,
} from './application-world';
