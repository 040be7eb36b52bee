/** The GraphQL documents the end-to-end tests send, as a client application would. */

export const INVITEE_FIELDS = `
  id batchId email dateOfBirth firstName middleNames lastName preferredName mobile jobRole
  uploadStatus discrepancies state invitedAt expiresAt acceptedAt autoAccepted`;

export const CREATE_POOL = `mutation($name: String!) { createResourcePool(input: { name: $name }) { id name createdAt memberCount } }`;

export const CREATE_BATCH = `mutation($poolId: ID!, $name: String!) {
  createInvitationBatch(input: { poolId: $poolId, name: $name }) { id name pool { id name } counts { uploaded invalid invited accepted } }
}`;

export const STAGE = `mutation($input: StageInviteeInput!) { stageInvitee(input: $input) { ${INVITEE_FIELDS} } }`;

export const CORRECT = `mutation($input: CorrectInviteeInput!) { correctInvitee(input: $input) { ${INVITEE_FIELDS} } }`;

export const REMOVE = `mutation($id: ID!) { removeInvitee(inviteeId: $id) }`;

export const SEND = `mutation($input: SendInvitationsInput!) {
  sendInvitations(input: $input) {
    invited { ${INVITEE_FIELDS} }
    autoAccepted { ${INVITEE_FIELDS} }
    skipped { inviteeId reason }
  }
}`;

export const RESEND = `mutation($id: ID!) { resendInvitation(inviteeId: $id) { ${INVITEE_FIELDS} } }`;
export const REVOKE = `mutation($id: ID!) { revokeInvitation(inviteeId: $id) { ${INVITEE_FIELDS} } }`;
export const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { inviteeId poolId state } }`;
export const BY_TOKEN = `query($token: String!) { invitationByToken(token: $token) { organisationName poolName firstName expiresAt state } }`;
export const CHECK = `query($email: String!, $dob: Date!) { checkPersonnel(email: $email, dateOfBirth: $dob) { passportExists } }`;
export const INVITEE = `query($id: ID!) { invitee(id: $id) { ${INVITEE_FIELDS} history { type actor } } }`;
export const HISTORY = `query($id: ID!, $asOf: DateTime) { invitationHistory(inviteeId: $id, asOf: $asOf) { type at actor position data } }`;
export const AS_OF = `query($id: ID!, $asOf: DateTime!) { inviteeAsOf(inviteeId: $id, asOf: $asOf) { ${INVITEE_FIELDS} declinedAt remindedAt erased } }`;
export const POOLS = `query { resourcePools { id name memberCount batches { id name } } }`;
export const POOL = `query($id: ID!) { resourcePool(id: $id) { id name memberCount } }`;

export const BATCH = `query($id: ID!, $first: Int, $after: String, $status: UploadStatus, $search: String) {
  invitationBatch(id: $id) {
    id name
    counts { uploaded invalid invited accepted }
    uploaded(first: $first, after: $after, status: $status, search: $search) { totalCount nodes { id email uploadStatus state } pageInfo { hasNextPage endCursor } }
    invited(first: $first) { totalCount nodes { id email state } }
    accepted(first: $first) { totalCount nodes { id email state autoAccepted } }
  }
}`;
