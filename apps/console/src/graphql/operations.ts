import { graphql } from '../gql';

// Every operation the console sends, typed by `npm run console:codegen` from apps/gateway/schema.graphql.

export const INVITEE_ROW = graphql(`
  fragment InviteeRow on Invitee {
    id
    batchId
    email
    dateOfBirth
    firstName
    middleNames
    lastName
    preferredName
    mobile
    jobRole
    uploadStatus
    discrepancies
    state
    invitedAt
    expiresAt
    acceptedAt
    autoAccepted
    declinedAt
    deliveryStatus
    erased
  }
`);

export const INVITEE_PAGE = graphql(`
  fragment InviteePage on InviteeConnection {
    totalCount
    nodes {
      ...InviteeRow
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

export const BULK_OUTCOME = graphql(`
  fragment BulkOutcome on BulkInvitationResult {
    count
    skipped {
      inviteeId
      reason
    }
  }
`);

export const BATCH_SUMMARY = graphql(`
  fragment BatchSummary on InvitationBatch {
    id
    name
    createdAt
    pool {
      id
      name
    }
    counts {
      uploaded
      invalid
      invited
      accepted
      expired
      revoked
      declined
      undeliverable
    }
  }
`);

export const POOLS = graphql(`
  query Pools {
    resourcePools {
      id
      name
      createdAt
      memberCount
      batches {
        ...BatchSummary
      }
    }
  }
`);

export const POOL = graphql(`
  query Pool($id: ID!) {
    resourcePool(id: $id) {
      id
      name
      createdAt
      memberCount
      batches {
        ...BatchSummary
      }
    }
  }
`);

export const CREATE_POOL = graphql(`
  mutation CreatePool($name: String!) {
    createResourcePool(input: { name: $name }) {
      id
      name
    }
  }
`);

export const CREATE_BATCH = graphql(`
  mutation CreateBatch(
    $poolId: ID!
    $name: String!
    $invitationTtlDays: Int
    $reminderDaysBeforeExpiry: Int
  ) {
    createInvitationBatch(
      input: {
        poolId: $poolId
        name: $name
        invitationTtlDays: $invitationTtlDays
        reminderDaysBeforeExpiry: $reminderDaysBeforeExpiry
      }
    ) {
      ...BatchSummary
    }
  }
`);

export const BATCH = graphql(`
  query Batch($id: ID!) {
    invitationBatch(id: $id) {
      ...BatchSummary
    }
  }
`);

export const BATCH_TAB = graphql(`
  query BatchTab(
    $id: ID!
    $first: Int!
    $after: String
    $search: String
    $status: UploadStatus
    $uploaded: Boolean!
    $invited: Boolean!
    $accepted: Boolean!
    $others: Boolean!
    $states: [InviteeState!]
  ) {
    invitationBatch(id: $id) {
      id
      uploaded(first: $first, after: $after, search: $search, status: $status) @include(if: $uploaded) {
        ...InviteePage
      }
      invited(first: $first, after: $after, search: $search) @include(if: $invited) {
        ...InviteePage
      }
      accepted(first: $first, after: $after, search: $search) @include(if: $accepted) {
        ...InviteePage
      }
      invitees(first: $first, after: $after, search: $search, states: $states) @include(if: $others) {
        ...InviteePage
      }
    }
  }
`);

export const INVITEE = graphql(`
  query Invitee($id: ID!) {
    invitee(id: $id) {
      ...InviteeRow
    }
  }
`);

export const CHECK_PERSONNEL = graphql(`
  query CheckPersonnel($email: String!, $dateOfBirth: Date!) {
    checkPersonnel(email: $email, dateOfBirth: $dateOfBirth) {
      passportExists
    }
  }
`);

export const STAGE_INVITEE = graphql(`
  mutation StageInvitee($input: StageInviteeInput!) {
    stageInvitee(input: $input) {
      ...InviteeRow
    }
  }
`);

export const CORRECT_INVITEE = graphql(`
  mutation CorrectInvitee($input: CorrectInviteeInput!) {
    correctInvitee(input: $input) {
      ...InviteeRow
    }
  }
`);

export const REMOVE_INVITEE = graphql(`
  mutation RemoveInvitee($id: ID!) {
    removeInvitee(inviteeId: $id)
  }
`);

export const ERASE_INVITEE = graphql(`
  mutation EraseInvitee($id: ID!) {
    eraseInvitee(inviteeId: $id) {
      inviteeId
      erasedAt
    }
  }
`);

export const SEND_INVITATIONS = graphql(`
  mutation SendInvitations($input: SendInvitationsInput!) {
    sendInvitations(input: $input) {
      invited {
        id
      }
      autoAccepted {
        id
      }
      skipped {
        inviteeId
        reason
      }
    }
  }
`);

export const RESEND_INVITATION = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(inviteeId: $id) {
      ...InviteeRow
    }
  }
`);

export const REVOKE_INVITATION = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(inviteeId: $id) {
      ...InviteeRow
    }
  }
`);

export const HISTORY = graphql(`
  query History($id: ID!, $asOf: DateTime) {
    invitationHistory(inviteeId: $id, asOf: $asOf) {
      type
      at
      actor
      position
    }
  }
`);

export const INVITEE_AS_OF = graphql(`
  query InviteeAsOf($id: ID!, $asOf: DateTime!) {
    inviteeAsOf(inviteeId: $id, asOf: $asOf) {
      ...InviteeRow
    }
  }
`);

export const CONFIRM_UPLOAD = graphql(`
  mutation ConfirmUpload($input: ConfirmUploadInput!) {
    confirmUpload(input: $input) {
      staged
      skippedDuplicates
      invited
      autoAccepted
      batch {
        ...BatchSummary
      }
      confirmation {
        ...ConfirmationProgress
      }
      upload {
        id
      }
    }
  }
`);

export const RESEND_INVITATIONS = graphql(`
  mutation ResendInvitations($input: BulkInvitationInput!) {
    resendInvitations(input: $input) {
      ...BulkOutcome
    }
  }
`);

export const EXTEND_INVITATIONS = graphql(`
  mutation ExtendInvitations($input: ExtendInvitationsInput!) {
    extendInvitations(input: $input) {
      ...BulkOutcome
    }
  }
`);

export const REVOKE_INVITATIONS = graphql(`
  mutation RevokeInvitations($input: BulkInvitationInput!) {
    revokeInvitations(input: $input) {
      ...BulkOutcome
    }
  }
`);

export const SEND_REMINDERS = graphql(`
  mutation SendReminders($input: BulkInvitationInput!) {
    sendReminders(input: $input) {
      ...BulkOutcome
    }
  }
`);

export const ORGANISATION = graphql(`
  query Organisation {
    organisation {
      id
      name
      invitationTtlDays
      reminderDaysBeforeExpiry
    }
  }
`);

export const UPDATE_ORGANISATION = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      name
      invitationTtlDays
      reminderDaysBeforeExpiry
    }
  }
`);

export const POOL_MEMBERS = graphql(`
  query PoolMembers($id: ID!, $first: Int!, $after: String, $search: String) {
    resourcePool(id: $id) {
      id
      members(first: $first, after: $after, search: $search) {
        totalCount
        nodes {
          id
          email
          firstName
          lastName
          preferredName
          mobile
          joinedAt
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const RENAME_POOL = graphql(`
  mutation RenamePool($poolId: ID!, $name: String!) {
    updateResourcePool(input: { poolId: $poolId, name: $name }) {
      id
      name
    }
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation RemoveMember($poolId: ID!, $memberId: ID!) {
    removeMember(input: { poolId: $poolId, memberId: $memberId }) {
      id
      memberCount
    }
  }
`);

export const CONFIRMATION_PROGRESS = graphql(`
  fragment ConfirmationProgress on UploadConfirmation {
    state
    total
    staged
    invited
    autoAccepted
    skippedDuplicates
    sendInvitations
    finishedAt
  }
`);

export const UPLOAD_CONFIRMATION = graphql(`
  query UploadConfirmation($id: ID!) {
    upload(id: $id) {
      id
      confirmation {
        ...ConfirmationProgress
      }
    }
  }
`);

export const CANCEL_UPLOAD = graphql(`
  mutation CancelUpload($id: ID!) {
    cancelUpload(uploadId: $id) {
      id
      confirmation {
        ...ConfirmationProgress
      }
    }
  }
`);

export const AUDIT_LOG = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      nodes {
        type
        at
        actor
        actorName
        position
        poolId
        batchId
        inviteeId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
