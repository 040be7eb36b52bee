/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment InviteeRow on Invitee {\n    id\n    batchId\n    email\n    dateOfBirth\n    firstName\n    middleNames\n    lastName\n    preferredName\n    mobile\n    jobRole\n    uploadStatus\n    discrepancies\n    state\n    invitedAt\n    expiresAt\n    acceptedAt\n    autoAccepted\n    declinedAt\n    deliveryStatus\n    erased\n  }\n": typeof types.InviteeRowFragmentDoc,
    "\n  fragment InviteePage on InviteeConnection {\n    totalCount\n    nodes {\n      ...InviteeRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.InviteePageFragmentDoc,
    "\n  fragment BulkOutcome on BulkInvitationResult {\n    count\n    skipped {\n      inviteeId\n      reason\n    }\n  }\n": typeof types.BulkOutcomeFragmentDoc,
    "\n  fragment BatchSummary on InvitationBatch {\n    id\n    name\n    createdAt\n    pool {\n      id\n      name\n    }\n    counts {\n      uploaded\n      invalid\n      invited\n      accepted\n      expired\n      revoked\n      declined\n      undeliverable\n    }\n  }\n": typeof types.BatchSummaryFragmentDoc,
    "\n  query Pools {\n    resourcePools {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n": typeof types.PoolsDocument,
    "\n  query Pool($id: ID!) {\n    resourcePool(id: $id) {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n": typeof types.PoolDocument,
    "\n  mutation CreatePool($name: String!) {\n    createResourcePool(input: { name: $name }) {\n      id\n      name\n    }\n  }\n": typeof types.CreatePoolDocument,
    "\n  mutation CreateBatch(\n    $poolId: ID!\n    $name: String!\n    $invitationTtlDays: Int\n    $reminderDaysBeforeExpiry: Int\n  ) {\n    createInvitationBatch(\n      input: {\n        poolId: $poolId\n        name: $name\n        invitationTtlDays: $invitationTtlDays\n        reminderDaysBeforeExpiry: $reminderDaysBeforeExpiry\n      }\n    ) {\n      ...BatchSummary\n    }\n  }\n": typeof types.CreateBatchDocument,
    "\n  query Batch($id: ID!) {\n    invitationBatch(id: $id) {\n      ...BatchSummary\n    }\n  }\n": typeof types.BatchDocument,
    "\n  query BatchTab(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $search: String\n    $status: UploadStatus\n    $uploaded: Boolean!\n    $invited: Boolean!\n    $accepted: Boolean!\n    $others: Boolean!\n    $states: [InviteeState!]\n  ) {\n    invitationBatch(id: $id) {\n      id\n      uploaded(first: $first, after: $after, search: $search, status: $status) @include(if: $uploaded) {\n        ...InviteePage\n      }\n      invited(first: $first, after: $after, search: $search) @include(if: $invited) {\n        ...InviteePage\n      }\n      accepted(first: $first, after: $after, search: $search) @include(if: $accepted) {\n        ...InviteePage\n      }\n      invitees(first: $first, after: $after, search: $search, states: $states) @include(if: $others) {\n        ...InviteePage\n      }\n    }\n  }\n": typeof types.BatchTabDocument,
    "\n  query Invitee($id: ID!) {\n    invitee(id: $id) {\n      ...InviteeRow\n    }\n  }\n": typeof types.InviteeDocument,
    "\n  query CheckPersonnel($email: String!, $dateOfBirth: Date!) {\n    checkPersonnel(email: $email, dateOfBirth: $dateOfBirth) {\n      passportExists\n    }\n  }\n": typeof types.CheckPersonnelDocument,
    "\n  mutation StageInvitee($input: StageInviteeInput!) {\n    stageInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n": typeof types.StageInviteeDocument,
    "\n  mutation CorrectInvitee($input: CorrectInviteeInput!) {\n    correctInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n": typeof types.CorrectInviteeDocument,
    "\n  mutation RemoveInvitee($id: ID!) {\n    removeInvitee(inviteeId: $id)\n  }\n": typeof types.RemoveInviteeDocument,
    "\n  mutation EraseInvitee($id: ID!) {\n    eraseInvitee(inviteeId: $id) {\n      inviteeId\n      erasedAt\n    }\n  }\n": typeof types.EraseInviteeDocument,
    "\n  mutation SendInvitations($input: SendInvitationsInput!) {\n    sendInvitations(input: $input) {\n      invited {\n        id\n      }\n      autoAccepted {\n        id\n      }\n      skipped {\n        inviteeId\n        reason\n      }\n    }\n  }\n": typeof types.SendInvitationsDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query History($id: ID!, $asOf: DateTime) {\n    invitationHistory(inviteeId: $id, asOf: $asOf) {\n      type\n      at\n      actor\n      position\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query InviteeAsOf($id: ID!, $asOf: DateTime!) {\n    inviteeAsOf(inviteeId: $id, asOf: $asOf) {\n      ...InviteeRow\n    }\n  }\n": typeof types.InviteeAsOfDocument,
    "\n  mutation ConfirmUpload($input: ConfirmUploadInput!) {\n    confirmUpload(input: $input) {\n      staged\n      skippedDuplicates\n      invited\n      autoAccepted\n      batch {\n        ...BatchSummary\n      }\n      confirmation {\n        ...ConfirmationProgress\n      }\n      upload {\n        id\n      }\n    }\n  }\n": typeof types.ConfirmUploadDocument,
    "\n  mutation ResendInvitations($input: BulkInvitationInput!) {\n    resendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.ResendInvitationsDocument,
    "\n  mutation ExtendInvitations($input: ExtendInvitationsInput!) {\n    extendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.ExtendInvitationsDocument,
    "\n  mutation RevokeInvitations($input: BulkInvitationInput!) {\n    revokeInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.RevokeInvitationsDocument,
    "\n  mutation SendReminders($input: BulkInvitationInput!) {\n    sendReminders(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.SendRemindersDocument,
    "\n  query Organisation {\n    organisation {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  query PoolMembers($id: ID!, $first: Int!, $after: String, $search: String) {\n    resourcePool(id: $id) {\n      id\n      members(first: $first, after: $after, search: $search) {\n        totalCount\n        nodes {\n          id\n          email\n          firstName\n          lastName\n          preferredName\n          mobile\n          joinedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.PoolMembersDocument,
    "\n  mutation RenamePool($poolId: ID!, $name: String!) {\n    updateResourcePool(input: { poolId: $poolId, name: $name }) {\n      id\n      name\n    }\n  }\n": typeof types.RenamePoolDocument,
    "\n  mutation RemoveMember($poolId: ID!, $memberId: ID!) {\n    removeMember(input: { poolId: $poolId, memberId: $memberId }) {\n      id\n      memberCount\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  fragment ConfirmationProgress on UploadConfirmation {\n    state\n    total\n    staged\n    invited\n    autoAccepted\n    skippedDuplicates\n    sendInvitations\n    finishedAt\n  }\n": typeof types.ConfirmationProgressFragmentDoc,
    "\n  query UploadConfirmation($id: ID!) {\n    upload(id: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n": typeof types.UploadConfirmationDocument,
    "\n  mutation CancelUpload($id: ID!) {\n    cancelUpload(uploadId: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n": typeof types.CancelUploadDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        type\n        at\n        actor\n        actorName\n        position\n        poolId\n        batchId\n        inviteeId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
};
const documents: Documents = {
    "\n  fragment InviteeRow on Invitee {\n    id\n    batchId\n    email\n    dateOfBirth\n    firstName\n    middleNames\n    lastName\n    preferredName\n    mobile\n    jobRole\n    uploadStatus\n    discrepancies\n    state\n    invitedAt\n    expiresAt\n    acceptedAt\n    autoAccepted\n    declinedAt\n    deliveryStatus\n    erased\n  }\n": types.InviteeRowFragmentDoc,
    "\n  fragment InviteePage on InviteeConnection {\n    totalCount\n    nodes {\n      ...InviteeRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.InviteePageFragmentDoc,
    "\n  fragment BulkOutcome on BulkInvitationResult {\n    count\n    skipped {\n      inviteeId\n      reason\n    }\n  }\n": types.BulkOutcomeFragmentDoc,
    "\n  fragment BatchSummary on InvitationBatch {\n    id\n    name\n    createdAt\n    pool {\n      id\n      name\n    }\n    counts {\n      uploaded\n      invalid\n      invited\n      accepted\n      expired\n      revoked\n      declined\n      undeliverable\n    }\n  }\n": types.BatchSummaryFragmentDoc,
    "\n  query Pools {\n    resourcePools {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n": types.PoolsDocument,
    "\n  query Pool($id: ID!) {\n    resourcePool(id: $id) {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n": types.PoolDocument,
    "\n  mutation CreatePool($name: String!) {\n    createResourcePool(input: { name: $name }) {\n      id\n      name\n    }\n  }\n": types.CreatePoolDocument,
    "\n  mutation CreateBatch(\n    $poolId: ID!\n    $name: String!\n    $invitationTtlDays: Int\n    $reminderDaysBeforeExpiry: Int\n  ) {\n    createInvitationBatch(\n      input: {\n        poolId: $poolId\n        name: $name\n        invitationTtlDays: $invitationTtlDays\n        reminderDaysBeforeExpiry: $reminderDaysBeforeExpiry\n      }\n    ) {\n      ...BatchSummary\n    }\n  }\n": types.CreateBatchDocument,
    "\n  query Batch($id: ID!) {\n    invitationBatch(id: $id) {\n      ...BatchSummary\n    }\n  }\n": types.BatchDocument,
    "\n  query BatchTab(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $search: String\n    $status: UploadStatus\n    $uploaded: Boolean!\n    $invited: Boolean!\n    $accepted: Boolean!\n    $others: Boolean!\n    $states: [InviteeState!]\n  ) {\n    invitationBatch(id: $id) {\n      id\n      uploaded(first: $first, after: $after, search: $search, status: $status) @include(if: $uploaded) {\n        ...InviteePage\n      }\n      invited(first: $first, after: $after, search: $search) @include(if: $invited) {\n        ...InviteePage\n      }\n      accepted(first: $first, after: $after, search: $search) @include(if: $accepted) {\n        ...InviteePage\n      }\n      invitees(first: $first, after: $after, search: $search, states: $states) @include(if: $others) {\n        ...InviteePage\n      }\n    }\n  }\n": types.BatchTabDocument,
    "\n  query Invitee($id: ID!) {\n    invitee(id: $id) {\n      ...InviteeRow\n    }\n  }\n": types.InviteeDocument,
    "\n  query CheckPersonnel($email: String!, $dateOfBirth: Date!) {\n    checkPersonnel(email: $email, dateOfBirth: $dateOfBirth) {\n      passportExists\n    }\n  }\n": types.CheckPersonnelDocument,
    "\n  mutation StageInvitee($input: StageInviteeInput!) {\n    stageInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n": types.StageInviteeDocument,
    "\n  mutation CorrectInvitee($input: CorrectInviteeInput!) {\n    correctInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n": types.CorrectInviteeDocument,
    "\n  mutation RemoveInvitee($id: ID!) {\n    removeInvitee(inviteeId: $id)\n  }\n": types.RemoveInviteeDocument,
    "\n  mutation EraseInvitee($id: ID!) {\n    eraseInvitee(inviteeId: $id) {\n      inviteeId\n      erasedAt\n    }\n  }\n": types.EraseInviteeDocument,
    "\n  mutation SendInvitations($input: SendInvitationsInput!) {\n    sendInvitations(input: $input) {\n      invited {\n        id\n      }\n      autoAccepted {\n        id\n      }\n      skipped {\n        inviteeId\n        reason\n      }\n    }\n  }\n": types.SendInvitationsDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query History($id: ID!, $asOf: DateTime) {\n    invitationHistory(inviteeId: $id, asOf: $asOf) {\n      type\n      at\n      actor\n      position\n    }\n  }\n": types.HistoryDocument,
    "\n  query InviteeAsOf($id: ID!, $asOf: DateTime!) {\n    inviteeAsOf(inviteeId: $id, asOf: $asOf) {\n      ...InviteeRow\n    }\n  }\n": types.InviteeAsOfDocument,
    "\n  mutation ConfirmUpload($input: ConfirmUploadInput!) {\n    confirmUpload(input: $input) {\n      staged\n      skippedDuplicates\n      invited\n      autoAccepted\n      batch {\n        ...BatchSummary\n      }\n      confirmation {\n        ...ConfirmationProgress\n      }\n      upload {\n        id\n      }\n    }\n  }\n": types.ConfirmUploadDocument,
    "\n  mutation ResendInvitations($input: BulkInvitationInput!) {\n    resendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": types.ResendInvitationsDocument,
    "\n  mutation ExtendInvitations($input: ExtendInvitationsInput!) {\n    extendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": types.ExtendInvitationsDocument,
    "\n  mutation RevokeInvitations($input: BulkInvitationInput!) {\n    revokeInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": types.RevokeInvitationsDocument,
    "\n  mutation SendReminders($input: BulkInvitationInput!) {\n    sendReminders(input: $input) {\n      ...BulkOutcome\n    }\n  }\n": types.SendRemindersDocument,
    "\n  query Organisation {\n    organisation {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n": types.UpdateOrganisationDocument,
    "\n  query PoolMembers($id: ID!, $first: Int!, $after: String, $search: String) {\n    resourcePool(id: $id) {\n      id\n      members(first: $first, after: $after, search: $search) {\n        totalCount\n        nodes {\n          id\n          email\n          firstName\n          lastName\n          preferredName\n          mobile\n          joinedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.PoolMembersDocument,
    "\n  mutation RenamePool($poolId: ID!, $name: String!) {\n    updateResourcePool(input: { poolId: $poolId, name: $name }) {\n      id\n      name\n    }\n  }\n": types.RenamePoolDocument,
    "\n  mutation RemoveMember($poolId: ID!, $memberId: ID!) {\n    removeMember(input: { poolId: $poolId, memberId: $memberId }) {\n      id\n      memberCount\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  fragment ConfirmationProgress on UploadConfirmation {\n    state\n    total\n    staged\n    invited\n    autoAccepted\n    skippedDuplicates\n    sendInvitations\n    finishedAt\n  }\n": types.ConfirmationProgressFragmentDoc,
    "\n  query UploadConfirmation($id: ID!) {\n    upload(id: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n": types.UploadConfirmationDocument,
    "\n  mutation CancelUpload($id: ID!) {\n    cancelUpload(uploadId: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n": types.CancelUploadDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        type\n        at\n        actor\n        actorName\n        position\n        poolId\n        batchId\n        inviteeId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InviteeRow on Invitee {\n    id\n    batchId\n    email\n    dateOfBirth\n    firstName\n    middleNames\n    lastName\n    preferredName\n    mobile\n    jobRole\n    uploadStatus\n    discrepancies\n    state\n    invitedAt\n    expiresAt\n    acceptedAt\n    autoAccepted\n    declinedAt\n    deliveryStatus\n    erased\n  }\n"): (typeof documents)["\n  fragment InviteeRow on Invitee {\n    id\n    batchId\n    email\n    dateOfBirth\n    firstName\n    middleNames\n    lastName\n    preferredName\n    mobile\n    jobRole\n    uploadStatus\n    discrepancies\n    state\n    invitedAt\n    expiresAt\n    acceptedAt\n    autoAccepted\n    declinedAt\n    deliveryStatus\n    erased\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InviteePage on InviteeConnection {\n    totalCount\n    nodes {\n      ...InviteeRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment InviteePage on InviteeConnection {\n    totalCount\n    nodes {\n      ...InviteeRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkOutcome on BulkInvitationResult {\n    count\n    skipped {\n      inviteeId\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment BulkOutcome on BulkInvitationResult {\n    count\n    skipped {\n      inviteeId\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BatchSummary on InvitationBatch {\n    id\n    name\n    createdAt\n    pool {\n      id\n      name\n    }\n    counts {\n      uploaded\n      invalid\n      invited\n      accepted\n      expired\n      revoked\n      declined\n      undeliverable\n    }\n  }\n"): (typeof documents)["\n  fragment BatchSummary on InvitationBatch {\n    id\n    name\n    createdAt\n    pool {\n      id\n      name\n    }\n    counts {\n      uploaded\n      invalid\n      invited\n      accepted\n      expired\n      revoked\n      declined\n      undeliverable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pools {\n    resourcePools {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query Pools {\n    resourcePools {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pool($id: ID!) {\n    resourcePool(id: $id) {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query Pool($id: ID!) {\n    resourcePool(id: $id) {\n      id\n      name\n      createdAt\n      memberCount\n      batches {\n        ...BatchSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePool($name: String!) {\n    createResourcePool(input: { name: $name }) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePool($name: String!) {\n    createResourcePool(input: { name: $name }) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBatch(\n    $poolId: ID!\n    $name: String!\n    $invitationTtlDays: Int\n    $reminderDaysBeforeExpiry: Int\n  ) {\n    createInvitationBatch(\n      input: {\n        poolId: $poolId\n        name: $name\n        invitationTtlDays: $invitationTtlDays\n        reminderDaysBeforeExpiry: $reminderDaysBeforeExpiry\n      }\n    ) {\n      ...BatchSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBatch(\n    $poolId: ID!\n    $name: String!\n    $invitationTtlDays: Int\n    $reminderDaysBeforeExpiry: Int\n  ) {\n    createInvitationBatch(\n      input: {\n        poolId: $poolId\n        name: $name\n        invitationTtlDays: $invitationTtlDays\n        reminderDaysBeforeExpiry: $reminderDaysBeforeExpiry\n      }\n    ) {\n      ...BatchSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Batch($id: ID!) {\n    invitationBatch(id: $id) {\n      ...BatchSummary\n    }\n  }\n"): (typeof documents)["\n  query Batch($id: ID!) {\n    invitationBatch(id: $id) {\n      ...BatchSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchTab(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $search: String\n    $status: UploadStatus\n    $uploaded: Boolean!\n    $invited: Boolean!\n    $accepted: Boolean!\n    $others: Boolean!\n    $states: [InviteeState!]\n  ) {\n    invitationBatch(id: $id) {\n      id\n      uploaded(first: $first, after: $after, search: $search, status: $status) @include(if: $uploaded) {\n        ...InviteePage\n      }\n      invited(first: $first, after: $after, search: $search) @include(if: $invited) {\n        ...InviteePage\n      }\n      accepted(first: $first, after: $after, search: $search) @include(if: $accepted) {\n        ...InviteePage\n      }\n      invitees(first: $first, after: $after, search: $search, states: $states) @include(if: $others) {\n        ...InviteePage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchTab(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $search: String\n    $status: UploadStatus\n    $uploaded: Boolean!\n    $invited: Boolean!\n    $accepted: Boolean!\n    $others: Boolean!\n    $states: [InviteeState!]\n  ) {\n    invitationBatch(id: $id) {\n      id\n      uploaded(first: $first, after: $after, search: $search, status: $status) @include(if: $uploaded) {\n        ...InviteePage\n      }\n      invited(first: $first, after: $after, search: $search) @include(if: $invited) {\n        ...InviteePage\n      }\n      accepted(first: $first, after: $after, search: $search) @include(if: $accepted) {\n        ...InviteePage\n      }\n      invitees(first: $first, after: $after, search: $search, states: $states) @include(if: $others) {\n        ...InviteePage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitee($id: ID!) {\n    invitee(id: $id) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  query Invitee($id: ID!) {\n    invitee(id: $id) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckPersonnel($email: String!, $dateOfBirth: Date!) {\n    checkPersonnel(email: $email, dateOfBirth: $dateOfBirth) {\n      passportExists\n    }\n  }\n"): (typeof documents)["\n  query CheckPersonnel($email: String!, $dateOfBirth: Date!) {\n    checkPersonnel(email: $email, dateOfBirth: $dateOfBirth) {\n      passportExists\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StageInvitee($input: StageInviteeInput!) {\n    stageInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  mutation StageInvitee($input: StageInviteeInput!) {\n    stageInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectInvitee($input: CorrectInviteeInput!) {\n    correctInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectInvitee($input: CorrectInviteeInput!) {\n    correctInvitee(input: $input) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveInvitee($id: ID!) {\n    removeInvitee(inviteeId: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveInvitee($id: ID!) {\n    removeInvitee(inviteeId: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseInvitee($id: ID!) {\n    eraseInvitee(inviteeId: $id) {\n      inviteeId\n      erasedAt\n    }\n  }\n"): (typeof documents)["\n  mutation EraseInvitee($id: ID!) {\n    eraseInvitee(inviteeId: $id) {\n      inviteeId\n      erasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInvitations($input: SendInvitationsInput!) {\n    sendInvitations(input: $input) {\n      invited {\n        id\n      }\n      autoAccepted {\n        id\n      }\n      skipped {\n        inviteeId\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendInvitations($input: SendInvitationsInput!) {\n    sendInvitations(input: $input) {\n      invited {\n        id\n      }\n      autoAccepted {\n        id\n      }\n      skipped {\n        inviteeId\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(inviteeId: $id) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($id: ID!, $asOf: DateTime) {\n    invitationHistory(inviteeId: $id, asOf: $asOf) {\n      type\n      at\n      actor\n      position\n    }\n  }\n"): (typeof documents)["\n  query History($id: ID!, $asOf: DateTime) {\n    invitationHistory(inviteeId: $id, asOf: $asOf) {\n      type\n      at\n      actor\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteeAsOf($id: ID!, $asOf: DateTime!) {\n    inviteeAsOf(inviteeId: $id, asOf: $asOf) {\n      ...InviteeRow\n    }\n  }\n"): (typeof documents)["\n  query InviteeAsOf($id: ID!, $asOf: DateTime!) {\n    inviteeAsOf(inviteeId: $id, asOf: $asOf) {\n      ...InviteeRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmUpload($input: ConfirmUploadInput!) {\n    confirmUpload(input: $input) {\n      staged\n      skippedDuplicates\n      invited\n      autoAccepted\n      batch {\n        ...BatchSummary\n      }\n      confirmation {\n        ...ConfirmationProgress\n      }\n      upload {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmUpload($input: ConfirmUploadInput!) {\n    confirmUpload(input: $input) {\n      staged\n      skippedDuplicates\n      invited\n      autoAccepted\n      batch {\n        ...BatchSummary\n      }\n      confirmation {\n        ...ConfirmationProgress\n      }\n      upload {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitations($input: BulkInvitationInput!) {\n    resendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitations($input: BulkInvitationInput!) {\n    resendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendInvitations($input: ExtendInvitationsInput!) {\n    extendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation ExtendInvitations($input: ExtendInvitationsInput!) {\n    extendInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitations($input: BulkInvitationInput!) {\n    revokeInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitations($input: BulkInvitationInput!) {\n    revokeInvitations(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReminders($input: BulkInvitationInput!) {\n    sendReminders(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation SendReminders($input: BulkInvitationInput!) {\n    sendReminders(input: $input) {\n      ...BulkOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation {\n    organisation {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n"): (typeof documents)["\n  query Organisation {\n    organisation {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n      name\n      invitationTtlDays\n      reminderDaysBeforeExpiry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolMembers($id: ID!, $first: Int!, $after: String, $search: String) {\n    resourcePool(id: $id) {\n      id\n      members(first: $first, after: $after, search: $search) {\n        totalCount\n        nodes {\n          id\n          email\n          firstName\n          lastName\n          preferredName\n          mobile\n          joinedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolMembers($id: ID!, $first: Int!, $after: String, $search: String) {\n    resourcePool(id: $id) {\n      id\n      members(first: $first, after: $after, search: $search) {\n        totalCount\n        nodes {\n          id\n          email\n          firstName\n          lastName\n          preferredName\n          mobile\n          joinedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePool($poolId: ID!, $name: String!) {\n    updateResourcePool(input: { poolId: $poolId, name: $name }) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenamePool($poolId: ID!, $name: String!) {\n    updateResourcePool(input: { poolId: $poolId, name: $name }) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($poolId: ID!, $memberId: ID!) {\n    removeMember(input: { poolId: $poolId, memberId: $memberId }) {\n      id\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($poolId: ID!, $memberId: ID!) {\n    removeMember(input: { poolId: $poolId, memberId: $memberId }) {\n      id\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConfirmationProgress on UploadConfirmation {\n    state\n    total\n    staged\n    invited\n    autoAccepted\n    skippedDuplicates\n    sendInvitations\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment ConfirmationProgress on UploadConfirmation {\n    state\n    total\n    staged\n    invited\n    autoAccepted\n    skippedDuplicates\n    sendInvitations\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadConfirmation($id: ID!) {\n    upload(id: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadConfirmation($id: ID!) {\n    upload(id: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelUpload($id: ID!) {\n    cancelUpload(uploadId: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelUpload($id: ID!) {\n    cancelUpload(uploadId: $id) {\n      id\n      confirmation {\n        ...ConfirmationProgress\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        type\n        at\n        actor\n        actorName\n        position\n        poolId\n        batchId\n        inviteeId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        type\n        at\n        actor\n        actorName\n        position\n        poolId\n        batchId\n        inviteeId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;