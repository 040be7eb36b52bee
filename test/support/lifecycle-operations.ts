/** The GraphQL documents of the lifecycle past "sent" (organisations, declines, bulk actions, members). */

export const LIFECYCLE_INVITEE_FIELDS = `
  id batchId email dateOfBirth uploadStatus discrepancies state invitedAt expiresAt acceptedAt autoAccepted
  declinedAt remindedAt`;

export const ORGANISATION = `query { organisation { id name invitationTtlDays reminderDaysBeforeExpiry } }`;
export const UPDATE_ORGANISATION = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { id name invitationTtlDays reminderDaysBeforeExpiry }
}`;
export const CREATE_BATCH_WITH_TERMS = `mutation($input: CreateInvitationBatchInput!) {
  createInvitationBatch(input: $input) { id name invitationTtlDays reminderDaysBeforeExpiry pool { id name } }
}`;
export const UPDATE_BATCH = `mutation($input: UpdateInvitationBatchInput!) {
  updateInvitationBatch(input: $input) { id name invitationTtlDays reminderDaysBeforeExpiry }
}`;
export const UPDATE_POOL = `mutation($input: UpdateResourcePoolInput!) { updateResourcePool(input: $input) { id name } }`;

export const BATCH_COUNTS = `query($id: ID!) {
  invitationBatch(id: $id) { counts { uploaded invalid invited accepted expired revoked declined } }
}`;
export const BATCH_INVITEES = `query($id: ID!, $states: [InviteeState!], $search: String, $first: Int, $after: String) {
  invitationBatch(id: $id) {
    invitees(states: $states, search: $search, first: $first, after: $after) {
      totalCount nodes { ${LIFECYCLE_INVITEE_FIELDS} } pageInfo { hasNextPage endCursor }
    }
  }
}`;
export const SEARCH = `query($search: String!, $states: [InviteeState!], $first: Int, $after: String) {
  searchInvitees(search: $search, states: $states, first: $first, after: $after) {
    totalCount nodes { ${LIFECYCLE_INVITEE_FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;
export const LIFECYCLE_INVITEE = `query($id: ID!) { invitee(id: $id) { ${LIFECYCLE_INVITEE_FIELDS} } }`;

export const DECLINE = `mutation($token: String!) { declineInvitation(token: $token) { inviteeId poolId state } }`;

const BULK_RESULT = `{ count skipped { inviteeId reason } }`;
export const RESEND_MANY = `mutation($input: BulkInvitationInput!) { resendInvitations(input: $input) ${BULK_RESULT} }`;
export const REVOKE_MANY = `mutation($input: BulkInvitationInput!) { revokeInvitations(input: $input) ${BULK_RESULT} }`;
export const REMIND_MANY = `mutation($input: BulkInvitationInput!) { sendReminders(input: $input) ${BULK_RESULT} }`;
export const EXTEND_MANY = `mutation($input: ExtendInvitationsInput!) { extendInvitations(input: $input) ${BULK_RESULT} }`;

export const MEMBERS = `query($id: ID!, $search: String, $first: Int, $after: String) {
  resourcePool(id: $id) {
    id memberCount
    members(search: $search, first: $first, after: $after) {
      totalCount nodes { id poolId email firstName lastName preferredName mobile joinedAt inviteeId }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
export const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id memberCount } }`;

export interface BulkResult {
  count: number;
  skipped: { inviteeId: string; reason: string }[];
}
