import type { InviteeStatus, UploadStatus } from '@invitations/domain';
import type { InviteeDoc } from '../invitee.document';
import { noCounts, type BatchCounts } from '../invitees.port';
import { InviteeTrees, type SortedInvitees } from './sorted-invitees';

/**
 * The invitees of one batch, in one tree per state and upload status, each in the tabs' order (`sortKey`). Any tab
 * (one state or several), filtered by upload status or not, is a merge of some of these trees: a page is found in
 * O(log n + page), and the counts are the trees' sizes, kept as documents come and go rather than counted.
 */
export class BatchTabs {
  private readonly trees = new InviteeTrees<InviteeStatus, UploadStatus>();

  get isEmpty(): boolean {
    return this.trees.isEmpty;
  }

  add(doc: InviteeDoc): void {
    this.trees.add(doc.state, doc.uploadStatus, doc);
  }

  remove(doc: InviteeDoc): void {
    this.trees.remove(doc.state, doc.uploadStatus, doc);
  }

  /** Puts a document's next version where the previous one was: same state, upload status and sort key. */
  replace(next: InviteeDoc): void {
    this.trees.replace(next.state, next.uploadStatus, next);
  }

  /** The trees of a tab: its states, narrowed to one upload status when given. */
  treesOf(states: readonly InviteeStatus[], uploadStatus?: UploadStatus | null): SortedInvitees[] {
    const trees: SortedInvitees[] = [];
    for (const state of new Set(states)) {
      const byStatus = this.trees.of(state);
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
    for (const [state, byStatus] of this.trees.entries()) {
      for (const [uploadStatus, tree] of byStatus) {
        counts.states[state] += tree.size;
        if (state === 'UPLOADED' && uploadStatus === 'INVALID') counts.invalid += tree.size;
      }
    }
    return counts;
  }
}
