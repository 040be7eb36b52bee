import BTree, { simpleComparator } from 'sorted-btree';
import type { InviteeStatus, UploadStatus } from '@invitations/domain';
import type { InviteeDoc } from '../invitee.document';
import { noCounts, type BatchCounts } from '../invitees.port';

type SortedInvitees = BTree<string, InviteeDoc>;

/** Sort keys are plain ASCII strings: compared with < and >, as MongoDB compares them. */
const sortedInvitees = (): SortedInvitees => new BTree<string, InviteeDoc>(undefined, simpleComparator);

/**
 * The invitees of one batch, in one tree per state and upload status, each in the tabs' order (`sortKey`). Any tab
 * (one state or several), filtered by upload status or not, is a merge of some of these trees: a page is found in
 * O(log n + page), and the counts are the trees' sizes, kept as documents come and go rather than counted.
 */
export class BatchTabs {
  private readonly trees = new Map<InviteeStatus, Map<UploadStatus, SortedInvitees>>();
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(doc: InviteeDoc): void {
    let byStatus = this.trees.get(doc.state);
    if (byStatus === undefined) this.trees.set(doc.state, (byStatus = new Map()));
    let tree = byStatus.get(doc.uploadStatus);
    if (tree === undefined) byStatus.set(doc.uploadStatus, (tree = sortedInvitees()));
    if (tree.set(doc.sortKey, doc)) this.size += 1;
  }

  remove(doc: InviteeDoc): void {
    if (this.trees.get(doc.state)?.get(doc.uploadStatus)?.delete(doc.sortKey)) this.size -= 1;
  }

  /** Puts a document's next version where the previous one was: same state, upload status and sort key. */
  replace(next: InviteeDoc): void {
    this.trees.get(next.state)?.get(next.uploadStatus)?.set(next.sortKey, next);
  }

  /** The trees of a tab: its states, narrowed to one upload status when given. */
  treesOf(states: readonly InviteeStatus[], uploadStatus?: UploadStatus | null): SortedInvitees[] {
    const trees: SortedInvitees[] = [];
    for (const state of new Set(states)) {
      const byStatus = this.trees.get(state);
      if (byStatus === undefined) continue;
      if (uploadStatus) {
        const tree = byStatus.get(uploadStatus);
        if (tree !== undefined && tree.size > 0) trees.push(tree);
      } else {
        for (const tree of byStatus.values()) if (tree.size > 0) trees.push(tree);
      }
    }
    return trees;
  }

  counts(): BatchCounts {
    const counts = noCounts();
    for (const [state, byStatus] of this.trees) {
      for (const [uploadStatus, tree] of byStatus) {
        counts.states[state] += tree.size;
        if (state === 'UPLOADED' && uploadStatus === 'INVALID') counts.invalid += tree.size;
      }
    }
    return counts;
  }
}
