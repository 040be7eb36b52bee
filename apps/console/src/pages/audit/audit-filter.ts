/** The audit log's filter as the page holds it: in the URL, so that a link can open the log of one person. */
export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  types: string[];
  poolId: string;
  batchId: string;
  inviteeId: string;
}

const TEXT_FIELDS = ['from', 'to', 'actor', 'poolId', 'batchId', 'inviteeId'] as const;

/** The event types an admin filters by, in the order of an invitation's life. */
export const EVENT_TYPES = [
  'ResourcePoolCreated',
  'ResourcePoolRenamed',
  'BatchCreated',
  'BatchUpdated',
  'OrganisationUpdated',
  'UploadPreviewed',
  'UploadConfirmed',
  'PoolSeatReserved',
  'PoolSeatReleased',
  'InviteeStaged',
  'InviteeCorrected',
  'InviteeReclassified',
  'InviteeRemoved',
  'InvitationSent',
  'InvitationResent',
  'InvitationExtended',
  'InviteeReminded',
  'InvitationRevoked',
  'InvitationExpired',
  'InvitationDeclined',
  'InvitationAccepted',
  'MemberRemoved',
  'InviteeErased',
  'MessageQueued',
  'MessageSent',
  'MessageDelivered',
  'MessageBounced',
  'MessageFailed',
  'MessageComplained',
];

export function filterFromParams(params: URLSearchParams): AuditFilterValues {
  const values = { types: params.getAll('types') } as AuditFilterValues;
  for (const field of TEXT_FIELDS) values[field] = params.get(field) ?? '';
  return values;
}

export function paramsOf(filter: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of TEXT_FIELDS) if (filter[field].trim()) params.set(field, filter[field].trim());
  for (const type of filter.types) params.append('types', type);
  return params;
}

/** datetime-local's value (local time, no zone) as an instant; null when empty. */
const instant = (local: string): string | null => (local ? new Date(local).toISOString() : null);

/** The GraphQL AuditLogFilter, and the same as the CSV route's query (instants in UTC). */
export function apiFilter(filter: AuditFilterValues) {
  const text = (value: string) => value.trim() || null;
  return {
    from: instant(filter.from),
    to: instant(filter.to),
    actor: text(filter.actor),
    types: filter.types.length > 0 ? filter.types : null,
    poolId: text(filter.poolId),
    batchId: text(filter.batchId),
    inviteeId: text(filter.inviteeId),
  };
}

export function csvQuery(filter: AuditFilterValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(apiFilter(filter))) {
    if (value === null) continue;
    if (Array.isArray(value)) value.forEach((one) => params.append(name, one));
    else params.set(name, value);
  }
  return params.toString();
}

/** "InvitationSent" → "Invitation sent". */
export const describeType = (type: string): string => {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
