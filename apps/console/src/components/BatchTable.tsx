import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { BatchSummaryFragment } from '../gql/graphql';
import { createdColumn, LIST_LOOK, nameColumn } from './lists';
import { formatCount } from './format';
import { type Column, DataTable } from './DataTable';

const BATCH_NAME = nameColumn<BatchSummaryFragment>('Batch', '/batches');

const BATCH_POOL: Column<BatchSummaryFragment> = {
  key: 'pool',
  header: 'Resource pool',
  cell: (batch) => (
    <Anchor component={Link} to={`/pools/${batch.pool.id}`}>
      {batch.pool.name}
    </Anchor>
  ),
};

const BATCH_COUNTS_AND_DATE: Column<BatchSummaryFragment>[] = [
  {
    key: 'uploaded',
    header: 'Uploaded',
    numeric: true,
    cell: (batch) => (
      <>
        {formatCount(batch.counts.uploaded)}
        {batch.counts.invalid > 0 && ` (${formatCount(batch.counts.invalid)} invalid)`}
      </>
    ),
  },
  { key: 'invited', header: 'Invited', numeric: true, cell: (batch) => formatCount(batch.counts.invited) },
  { key: 'accepted', header: 'Accepted', numeric: true, cell: (batch) => formatCount(batch.counts.accepted) },
  createdColumn(),
];

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
    <DataTable
      columns={[BATCH_NAME, showPool && BATCH_POOL, ...BATCH_COUNTS_AND_DATE]}
      rows={newestFirst}
      rowKey={(batch) => batch.id}
      minWidth={560}
      {...LIST_LOOK}
    />
  );
}
