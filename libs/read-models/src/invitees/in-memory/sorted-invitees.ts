import BTree, { simpleComparator } from 'sorted-btree';
import type { InviteeDoc } from '../invitee.document';

/** Invitees by `sortKey`, the tabs' order. */
export type SortedInvitees = BTree<string, InviteeDoc>;

/**
 * Invitees in one tree per pair of keys (a state and an upload status, a delivery status and a state), each tree in
 * the tabs' order, with how many there are kept as documents come and go. The keys are the caller's to read from a
 * document, so adding or removing one allocates nothing but the trees it needs.
 */
export class InviteeTrees<Outer, Inner> {
  private readonly trees = new Map<Outer, Map<Inner, SortedInvitees>>();
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(outer: Outer, inner: Inner, doc: InviteeDoc): void {
    let byInner = this.trees.get(outer);
    if (byInner === undefined) this.trees.set(outer, (byInner = new Map()));
    let tree = byInner.get(inner);
    // Sort keys are plain ASCII strings: compared with < and >, as MongoDB compares them.
    if (tree === undefined)
      byInner.set(inner, (tree = new BTree<string, InviteeDoc>(undefined, simpleComparator)));
    if (tree.set(doc.sortKey, doc)) this.size += 1;
  }

  remove(outer: Outer, inner: Inner, doc: InviteeDoc): void {
    if (this.trees.get(outer)?.get(inner)?.delete(doc.sortKey)) this.size -= 1;
  }

  /** Puts a document's next version where the previous one was: same keys and sort key. */
  replace(outer: Outer, inner: Inner, next: InviteeDoc): void {
    this.trees.get(outer)?.get(inner)?.set(next.sortKey, next);
  }

  /** The trees under one outer key, by inner key. */
  of(outer: Outer): ReadonlyMap<Inner, SortedInvitees> | undefined {
    return this.trees.get(outer);
  }

  entries(): IterableIterator<[Outer, Map<Inner, SortedInvitees>]> {
    return this.trees.entries();
  }
}
