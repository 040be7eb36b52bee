import { inviteeView, type InviteeView } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import type { InviteeDoc, TabPage } from '@invitations/read-models';

export type { InviteeView };

/** The GraphQL `Invitee` from the read model. */
export function inviteeFromDoc(doc: InviteeDoc): InviteeView {
  return {
    id: doc._id,
    batchId: doc.batchId,
    email: doc.email,
    dateOfBirth: doc.dateOfBirth,
    firstName: doc.firstName,
    middleNames: doc.middleNames,
    lastName: doc.lastName,
    preferredName: doc.preferredName,
    mobile: doc.mobile,
    jobRole: doc.jobRole,
    uploadStatus: doc.uploadStatus,
    discrepancies: doc.discrepancies,
    state: doc.state,
    invitedAt: doc.invitedAt,
    expiresAt: doc.expiresAt,
    acceptedAt: doc.acceptedAt,
    autoAccepted: doc.autoAccepted,
    declinedAt: doc.declinedAt ?? null,
    remindedAt: doc.remindedAt ?? null,
  };
}

/** Null for a removed invitee: it no longer shows anywhere. */
export function inviteeFromState(state: InviteeState): InviteeView | null {
  return state.status === 'REMOVED' ? null : inviteeView(state);
}

/** The GraphQL `InviteeConnection` of a page. */
export function connectionOf(page: TabPage) {
  return {
    totalCount: page.totalCount,
    nodes: page.nodes.map(inviteeFromDoc),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
