import { ActionIcon, Checkbox, Menu, Table, Text, UnstyledButton } from '@mantine/core';
import { DeliveryBadge, StateBadge, UploadStatusBadge } from '../../components/badges';
import { displayName, formatDateTime } from '../../components/format';
import type { InviteeRowFragment } from '../../gql/graphql';
import type { RowAction } from './ConfirmActionModal';
import type { Tab } from './tabs';
import { ScrollTable } from '../../components/ScrollTable';

export interface RowHandlers {
  open: (row: InviteeRowFragment) => void;
  correct: (row: InviteeRowFragment) => void;
  inviteOne: (row: InviteeRowFragment) => void;
  act: (action: RowAction) => void;
}

const nameOf = (row: InviteeRowFragment) => displayName(row) || row.email;

/** One page of a tab: per row the upload status, the state and its dates, and what can be done with the person. */
export function InviteeTable({
  rows,
  tab,
  selected,
  highlight,
  onSelect,
  handlers,
}: {
  rows: readonly InviteeRowFragment[];
  tab: Tab;
  selected: ReadonlySet<string> | 'all';
  highlight?: string;
  onSelect: (ids: string[], on: boolean) => void;
  handlers: RowHandlers;
}) {
  const invitable = rows.filter((r) => r.uploadStatus !== 'INVALID');
  const isSelected = (id: string) => selected === 'all' || selected.has(id);
  const pageSelected = invitable.length > 0 && invitable.every((r) => isSelected(r.id));
  return (
    <ScrollTable minWidth={tab.selectable ? 760 : 720}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {tab.selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select everyone invitable on this page"
                  checked={pageSelected}
                  indeterminate={!pageSelected && invitable.some((r) => isSelected(r.id))}
                  disabled={selected === 'all' || invitable.length === 0}
                  onChange={(e) =>
                    onSelect(
                      invitable.map((r) => r.id),
                      e.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Upload status</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            {tab.key !== 'uploaded' && <Table.Th scope="col">Delivery</Table.Th>}
            {tab.dates.map((d) => (
              <Table.Th scope="col" key={d.label}>
                {d.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              className={
                row.id === highlight
                  ? 'row-added'
                  : isSelected(row.id) && tab.selectable
                    ? 'row-selected'
                    : undefined
              }
            >
              {tab.selectable && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${nameOf(row)}`}
                    checked={row.uploadStatus !== 'INVALID' && isSelected(row.id)}
                    disabled={row.uploadStatus === 'INVALID' || selected === 'all'}
                    onChange={(e) => onSelect([row.id], e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <UnstyledButton
                  onClick={() =>
                    row.uploadStatus === 'INVALID' && row.state === 'UPLOADED'
                      ? handlers.correct(row)
                      : handlers.open(row)
                  }
                  fw={600}
                  c="blue.9"
                  td="underline"
                >
                  {nameOf(row)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.email}</Text>
              </Table.Td>
              <Table.Td>
                <UploadStatusBadge status={row.uploadStatus} discrepancies={row.discrepancies} />
              </Table.Td>
              <Table.Td>
                <StateBadge state={row.state} autoAccepted={row.autoAccepted} />
              </Table.Td>
              {tab.key !== 'uploaded' && (
                <Table.Td>
                  <DeliveryBadge status={row.deliveryStatus ?? null} />
                </Table.Td>
              )}
              {tab.dates.map((d) => (
                <Table.Td key={d.label} className="nowrap">
                  <Text size="sm">{formatDateTime(d.of(row)) || '—'}</Text>
                </Table.Td>
              ))}
              <Table.Td>
                <RowMenu row={row} handlers={handlers} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function RowMenu({ row, handlers }: { row: InviteeRowFragment; handlers: RowHandlers }) {
  const name = nameOf(row);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${name}`}>
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {row.state === 'UPLOADED' && (
          <>
            <Menu.Item disabled={row.uploadStatus === 'INVALID'} onClick={() => handlers.inviteOne(row)}>
              Send invitation
            </Menu.Item>
            <Menu.Item onClick={() => handlers.correct(row)}>Correct details</Menu.Item>
          </>
        )}
        {(row.state === 'INVITED' || row.state === 'EXPIRED' || row.state === 'REVOKED') && (
          <Menu.Item onClick={() => handlers.act({ kind: 'resend', id: row.id, name })}>
            Resend invitation
          </Menu.Item>
        )}
        {row.state === 'INVITED' && (
          <Menu.Item onClick={() => handlers.act({ kind: 'revoke', id: row.id, name })}>
            Revoke invitation
          </Menu.Item>
        )}
        <Menu.Item onClick={() => handlers.open(row)}>History</Menu.Item>
        {row.state !== 'INVITED' && row.state !== 'ACCEPTED' && (
          <Menu.Item color="red.9" onClick={() => handlers.act({ kind: 'remove', id: row.id, name })}>
            Remove from batch
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
