import BTree, { simpleComparator } from 'sorted-btree';
import type { DeliveryStatus, InviteeStatus } from '@invitations/domain';
import type { InviteeDoc } from '../invitee.document';

type SortedInvitees = BTree<string, InviteeDoc>;

/**
 * The invitees of one batch that have a delivery status, in one tree per delivery status and state, each in the
 * tabs' order (`sortKey`): the `delivery` filter of a tab merges some of these trees, and the undeliverable are
 * counted from their sizes, as documents come and go.
 */
export class BatchDeliveries {
  private readonly trees = new Map<DeliveryStatus, Map<InviteeStatus, SortedInvitees>>();
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(doc: InviteeDoc): void {
    const status = doc.deliveryStatus!;
    let byState = this.trees.get(status);
    if (byState === undefined) this.trees.set(status, (byState = new Map()));
    let tree = byState.get(doc.state);
    if (tree === undefined)
      byState.set(doc.state, (tree = new BTree<string, InviteeDoc>(undefined, simpleComparator)));
    if (tree.set(doc.sortKey, doc)) this.size += 1;
  }

  remove(doc: InviteeDoc): void {
    if (this.trees.get(doc.deliveryStatus!)?.get(doc.state)?.delete(doc.sortKey)) this.size -= 1;
  }

  /** Puts a document's next version where the previous one was: same delivery status, state and sort key. */
  replace(next: InviteeDoc): void {
    this.trees.get(next.deliveryStatus!)?.get(next.state)?.set(next.sortKey, next);
  }

  /** The trees of these states and delivery statuses. */
  treesOf(states: readonly InviteeStatus[], statuses: readonly DeliveryStatus[]): SortedInvitees[] {
    const trees: SortedInvitees[] = [];
    for (const status of new Set(statuses)) {
      const byState = this.trees.get(status);
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
    for (const status of statuses) count += this.trees.get(status)?.get(state)?.size ?? 0;
    return count;
  }
}
