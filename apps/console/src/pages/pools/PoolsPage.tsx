import { Alert, Anchor, Button, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePools } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatCount, formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CreatePoolModal } from './CreatePoolModal';
import { ScrollTable } from '../../components/ScrollTable';

/** The organisation's resource pools with their member counts; a new pool from here. */
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
        <ScrollTable minWidth={480}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Pool</Table.Th>
                <Table.Th scope="col" ta="right">
                  Members
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Batches
                </Table.Th>
                <Table.Th scope="col">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((pool) => (
                <Table.Tr key={pool.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pools/${pool.id}`} fw={600}>
                      {pool.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(pool.memberCount)}</Table.Td>
                  <Table.Td ta="right">{formatCount(pool.batches.length)}</Table.Td>
                  <Table.Td className="nowrap">{formatDate(pool.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <CreatePoolModal
        opened={creating}
        onClose={close}
        onCreated={(pool) => {
          close();
          setCreated(pool);
        }}
      />
    </>
  );
}
