import type { BatchSummaryFragment, InviteeRowFragment, InviteeState, UploadStatus } from '../../gql/graphql';

export type TabKey = 'uploaded' | 'invited' | 'accepted' | 'expired' | 'revoked' | 'declined';

/** What can be done at once to many people of a tab, on a selection or on the whole tab (the API's bulk actions). */
export type BulkKind = 'resend' | 'extend' | 'remind' | 'revoke';

/** One of the batch's tabs: its label, the state it shows, its count, its rows' dates, what it does to many. */
export interface Tab {
  key: TabKey;
  label: string;
  state: InviteeState;
  /** Bulk actions on a selection of the tab or on all of it (none on Uploaded: it invites; Accepted; Declined). */
  bulk: readonly BulkKind[];
  count: (counts: BatchSummaryFragment['counts']) => number;
  dates: readonly { label: string; of: (row: InviteeRowFragment) => string | null }[];
  /** Whether rows can be selected: for inviting (Uploaded), for the tab's bulk actions. */
  selectable: boolean;
  empty: { title: string; text: string };
}

/** Each tab is named after the state it shows and the batch's count of it: its label, state and count follow. */
const tab = (key: TabKey, rest: Omit<Tab, 'key' | 'label' | 'state' | 'count'>): Tab => ({
  key,
  label: key.charAt(0).toUpperCase() + key.slice(1),
  state: key.toUpperCase() as Uppercase<TabKey>,
  count: (counts) => counts[key],
  ...rest,
});

/** Every tab past Uploaded shows when its people were invited first. */
const INVITED_AT = { label: 'Invited', of: (r: InviteeRowFragment) => r.invitedAt };

/** The batch's tabs, in order. A tab is one entry here. */
export const TABS: readonly Tab[] = [
  tab('uploaded', {
    bulk: [],
    dates: [],
    selectable: true,
    empty: {
      title: 'Nobody uploaded yet',
      text: 'Add personnel one at a time, or upload many from the template. They wait here until you invite them.',
    },
  }),
  tab('invited', {
    bulk: ['remind', 'extend', 'resend', 'revoke'],
    dates: [INVITED_AT, { label: 'Expires', of: (r) => r.expiresAt }],
    selectable: true,
    empty: {
      title: 'Nobody invited yet',
      text: 'Select people in the Uploaded tab (or All) and choose Invite. They show here until they accept.',
    },
  }),
  tab('accepted', {
    bulk: [],
    dates: [INVITED_AT, { label: 'Accepted', of: (r) => r.acceptedAt }],
    selectable: false,
    empty: {
      title: 'Nobody has accepted yet',
      text: 'Invited people show here once they accept from the link in their email or text message. People already in another of your pools are accepted at once.',
    },
  }),
  tab('expired', {
    bulk: ['extend', 'resend'],
    dates: [INVITED_AT, { label: 'Expired', of: (r) => r.expiresAt }],
    selectable: true,
    empty: {
      title: 'No invitation has expired',
      text: 'Invitations not accepted in time show here: extend them (the same link works again) or resend new links.',
    },
  }),
  tab('revoked', {
    bulk: ['resend'],
    dates: [INVITED_AT],
    selectable: true,
    empty: {
      title: 'No invitation revoked',
      text: 'People whose invitation you revoked show here; resend to give them a new link.',
    },
  }),
  tab('declined', {
    bulk: [],
    dates: [INVITED_AT, { label: 'Declined', of: (r) => r.declinedAt }],
    selectable: false,
    empty: {
      title: 'Nobody has declined',
      text: 'People who decline from the link in their invitation show here. Their link stops working.',
    },
  }),
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
