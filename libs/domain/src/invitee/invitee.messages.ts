/** What an admin is told when a command on an invitee is refused. Personal data never appears here. */
export const INVITEE_MESSAGES = {
  notFound: 'Invitee not found.',
  alreadyExists: 'This invitee already exists.',
  onlyUploadedCanBeCorrected: 'Only people not yet invited can be corrected.',
  revokeBeforeRemoving: 'This person has a pending invitation: revoke it before removing them.',
  acceptedCannotBeRemoved:
    'This person has already accepted and is a member of the pool: they cannot be removed.',
  detailsDifferFromPassport:
    "This person's details differ from their Skills Passport: correct them before inviting.",
  alreadyInvited: 'This person is already invited.',
  alreadyAccepted: 'This person has already accepted.',
  resendInstead: "This person's invitation was revoked or has expired: resend it instead.",
  notInvitedYet: 'This person has not been invited yet: send the invitation first.',
  alreadyRevoked: 'This invitation has already been revoked.',
} as const;

/** The one message for any token that cannot be used: unknown, expired, revoked, superseded. Reveals nothing. */
export const UNUSABLE_TOKEN_MESSAGE =
  'This invitation link is not valid. Ask the organisation that invited you to send a new one.';
