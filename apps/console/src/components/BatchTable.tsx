import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { BatchSummaryFragment } from '../gql/graphql';
import { formatCount, formatDate } from './format';
import { ScrollTable } from './ScrollTable';

/** Batches, newest first, each with its pool and the count of each tab. */
export function BatchTable({
  batches,
  showPool = true,
}: {
  batches: readonly BatchSummaryFragment[];
  showPool?: boolean;
}) {
  const newestFirst = [...batches].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ScrollTable minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Batch</Table.Th>
            {showPool && <Table.Th scope="col">Resource pool</Table.Th>}
            <Table.Th scope="col" ta="right">
              Uploaded
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Invited
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Accepted
            </Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((batch) => (
            <Table.Tr key={batch.id}>
              <Table.Td>
                <Anchor component={Link} to={`/batches/${batch.id}`} fw={600}>
                  {batch.name}
                </Anchor>
              </Table.Td>
              {showPool && (
                <Table.Td>
                  <Anchor component={Link} to={`/pools/${batch.pool.id}`}>
                    {batch.pool.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td ta="right">
                {formatCount(batch.counts.uploaded)}
                {batch.counts.invalid > 0 && ` (${formatCount(batch.counts.invalid)} invalid)`}
              </Table.Td>
              <Table.Td ta="right">{formatCount(batch.counts.invited)}</Table.Td>
              <Table.Td ta="right">{formatCount(batch.counts.accepted)}</Table.Td>
              <Table.Td className="nowrap">{formatDate(batch.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
