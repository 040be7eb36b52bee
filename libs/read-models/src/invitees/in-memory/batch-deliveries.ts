import type { DeliveryStatus, InviteeStatus } from '@invitations/domain';
import type { InviteeDoc } from '../invitee.document';
import { InviteeTrees, type SortedInvitees } from './sorted-invitees';

/**
 * The invitees of one batch that have a delivery status, in one tree per delivery status and state, each in the
 * tabs' order (`sortKey`): the `delivery` filter of a tab merges some of these trees, and the undeliverable are
 * counted from their sizes, as documents come and go.
 */
export class BatchDeliveries {
  private readonly trees = new InviteeTrees<DeliveryStatus, InviteeStatus>();

  get isEmpty(): boolean {
    return this.trees.isEmpty;
  }

  add(doc: InviteeDoc): void {
    this.trees.add(doc.deliveryStatus!, doc.state, doc);
  }

  remove(doc: InviteeDoc): void {
    this.trees.remove(doc.deliveryStatus!, doc.state, doc);
  }

  /** Puts a document's next version where the previous one was: same delivery status, state and sort key. */
  replace(next: InviteeDoc): void {
    this.trees.replace(next.deliveryStatus!, next.state, next);
  }

  /** The trees of these states and delivery statuses. */
  treesOf(states: readonly InviteeStatus[], statuses: readonly DeliveryStatus[]): SortedInvitees[] {
    const trees: SortedInvitees[] = [];
    for (const status of new Set(statuses)) {
      const byState = this.trees.of(status);
      if (byState === undefined) continue;
      for (const state of new Set(states)) {
        const tree = byState.get(state);
        if (tree !== undefined && tree.size > 0) trees.push(tree);
      }
    }
    return trees;
  }

  count(state: InviteeStatus, statuses: readonly DeliveryStatus[]): number {
    let count = 0;
    for (const status of statuses) count += this.trees.of(status)?.get(state)?.size ?? 0;
    return count;
  }
}
