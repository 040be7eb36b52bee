import type { BatchSummaryFragment, InviteeRowFragment, UploadStatus } from '../../gql/graphql';

export type TabKey = 'uploaded' | 'invited' | 'accepted';

/**
 * The batch's tabs, in order, as the API serves them today. A tab is one entry here: its label, its count and the
 * dates its rows show (Expired, Revoked and Declined join this list when the API serves them).
 */
export const TABS: readonly {
  key: TabKey;
  label: string;
  count: (counts: BatchSummaryFragment['counts']) => number;
  dates: readonly { label: string; of: (row: InviteeRowFragment) => string | null }[];
  /** Whether rows can be selected for inviting. */
  selectable: boolean;
  empty: { title: string; text: string };
}[] = [
  {
    key: 'uploaded',
    label: 'Uploaded',
    count: (c) => c.uploaded,
    dates: [],
    selectable: true,
    empty: {
      title: 'Nobody uploaded yet',
      text: 'Add personnel one at a time, or upload many from the template. They wait here until you invite them.',
    },
  },
  {
    key: 'invited',
    label: 'Invited',
    count: (c) => c.invited,
    dates: [
      { label: 'Invited', of: (r) => r.invitedAt },
      { label: 'Expires', of: (r) => r.expiresAt },
    ],
    selectable: false,
    empty: {
      title: 'Nobody invited yet',
      text: 'Select people in the Uploaded tab (or All) and choose Invite. They show here until they accept.',
    },
  },
  {
    key: 'accepted',
    label: 'Accepted',
    count: (c) => c.accepted,
    dates: [
      { label: 'Invited', of: (r) => r.invitedAt },
      { label: 'Accepted', of: (r) => r.acceptedAt },
    ],
    selectable: false,
    empty: {
      title: 'Nobody has accepted yet',
      text: 'Invited people show here once they accept from the link in their email or text message. People already in another of your pools are accepted at once.',
    },
  },
];

export const tabOf = (key: string | null) => TABS.find((t) => t.key === key) ?? TABS[0];

export const UPLOAD_STATUS_FILTERS: readonly { value: UploadStatus | ''; label: string }[] = [
  { value: '', label: 'Every status' },
  { value: 'NEW', label: 'New' },
  { value: 'EXISTING', label: 'Existing' },
  { value: 'INVALID', label: 'Invalid' },
];

/** How many rows one page shows: the first page of a 150,000-person tab answers as fast as a small one. */
export const PAGE_SIZE = 50;
