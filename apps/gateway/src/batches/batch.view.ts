import type { BatchDoc } from '@invitations/read-models';

/** The GraphQL `InvitationBatch` of a read-model document, with what its fields resolve from. */
export const batchView = (doc: BatchDoc) => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt,
  poolId: doc.poolId,
  organisationId: doc.organisationId,
  invitationTtlDays: doc.invitationTtlDays ?? null,
  reminderDaysBeforeExpiry: doc.reminderDaysBeforeExpiry ?? null,
});
export type BatchView = ReturnType<typeof batchView>;
