import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from './DataTable';
import { formatDate } from './format';

/** The first column of a list of pools or batches: each one's name, a link to its page (under `path`). */
export const nameColumn = <Row extends { id: string; name: string }>(
  header: string,
  path: string,
): Column<Row> => ({
  key: 'name',
  header,
  cell: (row) => (
    <Anchor component={Link} to={`${path}/${row.id}`} fw={600}>
      {row.name}
    </Anchor>
  ),
});

/** The last column of a list of pools or batches: the day each was created. */
export const createdColumn = <Row extends { createdAt: string }>(): Column<Row> => ({
  key: 'created',
  header: 'Created',
  nowrap: true,
  cell: (row) => formatDate(row.createdAt),
});

/** How the lists of pools and batches look (a `DataTable`'s props): striped, roomy, lit under the pointer. */
export const LIST_LOOK = { striped: true, highlightOnHover: true, verticalSpacing: 'sm' } as const;
