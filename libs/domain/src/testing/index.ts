export {
  AFTER_EXPIRY,
  BATCH,
  BEFORE_EXPIRY,
  EXPIRES_AT,
  FIRST_TOKEN_HASH,
  INVITEE_ID,
  invitationAccepted,
  invitationSent,
  inviteeStaged,
  resendCommand,
  sendCommand,
  stageCommand,
  tokenIssued,
} from './invitee-fixtures';
export { numberedPerson, numberedRow } from './upload-fixtures';
