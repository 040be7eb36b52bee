import type { PoolDoc } from '@invitations/read-models';

/** The GraphQL `ResourcePool` of a read-model document (its organisation kept for the fields it resolves). */
export const poolView = (doc: PoolDoc) => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt,
  organisationId: doc.organisationId,
});
export type PoolView = ReturnType<typeof poolView>;
