/** What an admin is told when a command on an invitee is refused. Personal data never appears here. */
export const INVITEE_MESSAGES = {
  notFound: 'Invitee not found.',
  erased: "This person's personal data was erased: nothing more can be done with them.",
  alreadyExists: 'This invitee already exists.',
  onlyUploadedCanBeCorrected:
    'Only people not yet invited, or whose invitation is pending, can be corrected.',
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
  declined: 'This person declined the invitation.',
  revokedResendInstead: "This person's invitation was revoked: resend it instead.",
  notPending: 'This person has no pending invitation.',
  alreadyReminded: 'This person was already reminded of this invitation.',
  notAMember: 'This person is not a member of the pool.',
  invalidWhileInvited:
    "The corrected details differ from the person's Skills Passport: they could not accept. Correct them to match.",
  addressChangeNeedsReinvitation: 'Changing the address of an invited person sends a new invitation.',
} as const;

/**
 * What a person is told when their details differ from the Skills Passport registered for their email: nothing of
 * the passport, only what to do. Their organisation sees the fields that differ.
 */
export const DETAILS_DIFFER_FOR_INVITEE_MESSAGE =
  'Your details do not match the Skills Passport already registered for your email address, so this invitation ' +
  'cannot be accepted yet. The organisation that invited you can see what to correct; ask them to contact you.';

/** The one message for any token that cannot be used: unknown, expired, revoked, superseded. Reveals nothing. */
export const UNUSABLE_TOKEN_MESSAGE =
  'This invitation link is not valid. Ask the organisation that invited you to send a new one.';
