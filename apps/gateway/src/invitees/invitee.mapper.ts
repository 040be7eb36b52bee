import { connectionOf } from '../common/graphql/connection';
import { bestDeliveryStatus, inviteeView, type DeliveryStatus, type InviteeView } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import type { InviteeDoc, MessageDeliveryDoc, TabPage } from '@invitations/read-models';

/** The GraphQL `MessageDelivery`: one message, with what its provider last reported. */
export interface MessageDeliveryView {
  messageId: string;
  channel: string;
  kind: string;
  status: DeliveryStatus;
  at: string;
  reason: string | null;
}

/** The GraphQL `Invitee`. */
export type InviteeNode = InviteeView & {
  deliveryStatus: DeliveryStatus | null;
  deliveries: MessageDeliveryView[];
};

/** The fields a message of the read model (or rebuilt from the log) shows. */
type Delivery = Omit<MessageDeliveryDoc, 'invitationId'>;

const deliveryView = ({ messageId, channel, kind, status, at, reason }: Delivery): MessageDeliveryView => ({
  messageId,
  channel,
  kind,
  status,
  at,
  reason,
});

/** The GraphQL `Invitee` from the read model. */
export function inviteeFromDoc(doc: InviteeDoc): InviteeNode {
  return {
    id: doc._id,
    batchId: doc.batchId,
    // Field by field rather than copyPersonDetails: this runs for every row of every page, and a copy spread
    // into the object costs a page of 50 a tenth of its time.
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
    erased: doc.erased ?? false,
    deliveryStatus: doc.deliveryStatus ?? null,
    deliveries: (doc.deliveries ?? []).map(deliveryView),
  };
}

/**
 * Null for a removed invitee: it no longer shows anywhere. Its messages live in their own streams: given (as they
 * stood at the same instant), the invitation's delivery status is the best of its own messages.
 */
export function inviteeFromState(
  state: InviteeState,
  deliveries: readonly MessageDeliveryDoc[] = [],
): InviteeNode | null {
  if (state.status === 'REMOVED') return null;
  const view = inviteeView(state);
  if (view === null) return null;
  const invitationId = state.status === 'absent' ? null : (state.invitation?.invitationId ?? null);
  const ofInvitation = deliveries.filter((delivery) => delivery.invitationId === invitationId);
  return {
    ...view,
    deliveryStatus: bestDeliveryStatus(ofInvitation.map((delivery) => delivery.status)),
    deliveries: deliveries.map(deliveryView),
  };
}

/** The GraphQL `InviteeConnection` of a page. */
export const inviteeConnectionOf = (page: TabPage) => connectionOf(page, inviteeFromDoc);
