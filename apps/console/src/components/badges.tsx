import { Badge, Text, Tooltip } from '@mantine/core';
import type { DeliveryStatus, InviteeState, ProfileField, UploadStatus } from '../gql/graphql';
import { fieldList } from './format';

/** ✓ existing, new, ✗ invalid (with the fields that differ): how a staged person compares with the passports. */
export function UploadStatusBadge({
  status,
  discrepancies,
}: {
  status: UploadStatus;
  discrepancies: readonly ProfileField[];
}) {
  if (status === 'EXISTING') {
    return (
      <Badge color="#1e6b30" variant="filled">
        ✓ Existing
      </Badge>
    );
  }
  if (status === 'NEW') {
    return (
      <Badge color="blue.9" variant="filled">
        New
      </Badge>
    );
  }
  const differs = fieldList(discrepancies);
  return (
    <Tooltip label={`Differs from the Skills Passport: ${differs}`} withArrow>
      <span>
        <Badge color="red.9" variant="filled">
          ✗ Invalid
        </Badge>
        <Text component="span" size="xs" c="red.9" ml={6}>
          {differs}
        </Text>
      </span>
    </Tooltip>
  );
}

const STATE_LABELS: Record<InviteeState, string> = {
  UPLOADED: 'Uploaded',
  INVITED: 'Invited',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  DECLINED: 'Declined',
};

const DELIVERY_LABELS: Record<DeliveryStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray.7' },
  SENT: { label: 'Sent', color: 'blue.9' },
  DELIVERED: { label: 'Delivered', color: '#1e6b30' },
  BOUNCED: { label: 'Bounced', color: 'red.9' },
  FAILED: { label: 'Failed', color: 'red.9' },
  COMPLAINED: { label: 'Complained', color: 'red.9' },
};

/** The best status among the current invitation's messages (— before any message). */
export function DeliveryBadge({ status }: { status: DeliveryStatus | null }) {
  if (status === null) return <Text size="sm">—</Text>;
  const { label, color } = DELIVERY_LABELS[status];
  return (
    <Badge color={color} variant="outline">
      {label}
    </Badge>
  );
}

export function StateBadge({ state, autoAccepted }: { state: InviteeState; autoAccepted?: boolean }) {
  const color =
    state === 'ACCEPTED'
      ? '#1e6b30'
      : state === 'INVITED'
        ? 'blue.9'
        : state === 'UPLOADED'
          ? 'gray.7'
          : '#8a3c00';
  return (
    <Badge color={color} variant="outline">
      {STATE_LABELS[state]}
      {autoAccepted ? ' (auto)' : ''}
    </Badge>
  );
}
