import { Alert, Anchor, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePools } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { createdColumn, LIST_LOOK, nameColumn } from '../../components/lists';
import { formatCount } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { PoolNameModal } from './PoolNameModal';
import { type Column, DataTable } from '../../components/DataTable';
import type { PoolsQuery } from '../../gql/graphql';

/** The organisation's resource pools with their member counts; a new pool from here. */
const POOL_COLUMNS: Column<PoolsQuery['resourcePools'][number]>[] = [
  nameColumn('Pool', '/pools'),
  { key: 'members', header: 'Members', numeric: true, cell: (pool) => formatCount(pool.memberCount) },
  { key: 'batches', header: 'Batches', numeric: true, cell: (pool) => formatCount(pool.batches.length) },
  createdColumn(),
];

export function PoolsPage() {
  const pools = usePools();
  const [creating, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const list = pools.data?.resourcePools;
  return (
    <>
      <PageHeader title="Resource pools" actions={<Button onClick={open}>New pool</Button>} />
      {created && (
        <Alert
          color="green"
          role="status"
          mb="md"
          withCloseButton
          onClose={() => setCreated(null)}
          closeButtonLabel="Dismiss"
        >
          Pool{' '}
          <Anchor component={Link} to={`/pools/${created.id}`}>
            {created.name}
          </Anchor>{' '}
          created. Next, create an invitation batch in it.
        </Alert>
      )}
      {!list ? (
        <QueryState error={pools.error} label="Resource pools" />
      ) : list.length === 0 ? (
        <EmptyState
          title="No resource pools yet"
          action={<Button onClick={open}>Create a resource pool</Button>}
        >
          A resource pool is a group of people your organisation draws on. Create one, then invite personnel
          into it through invitation batches.
        </EmptyState>
      ) : (
        <DataTable
          columns={POOL_COLUMNS}
          rows={list}
          rowKey={(pool) => pool.id}
          minWidth={480}
          {...LIST_LOOK}
        />
      )}
      <PoolNameModal
        opened={creating}
        onClose={close}
        onSaved={(pool) => {
          close();
          setCreated(pool);
        }}
      />
    </>
  );
}
