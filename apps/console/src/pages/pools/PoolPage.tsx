import { Button, Group, SimpleGrid, Title } from '@mantine/core';
import { Fact } from '../../components/Fact';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { usePool } from '../../api/queries';
import { BatchTable } from '../../components/BatchTable';
import { EmptyState } from '../../components/EmptyState';
import { formatCount, formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CreateBatchModal } from '../batches/CreateBatchModal';
import { NotFoundPage } from '../NotFoundPage';
import { PoolMembers } from './PoolMembers';
import { PoolNameModal } from './PoolNameModal';

/** One resource pool: its batches (a new batch in it), its members (search, paging, remove); renaming it. */
export function PoolPage() {
  const { poolId = '' } = useParams();
  const query = usePool(poolId);
  const [creating, { open, close }] = useDisclosure(false);
  const [renaming, rename] = useDisclosure(false);
  const navigate = useNavigate();
  if (!query.data) return <QueryState error={query.error} label="The pool" />;
  const pool = query.data.resourcePool;
  if (!pool) return <NotFoundPage what="This resource pool" />;
  return (
    <>
      <PageHeader
        title={pool.name}
        crumbs={[{ label: 'Resource pools', to: '/pools' }]}
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={rename.open}>
              Rename
            </Button>
            <Button onClick={open}>New batch</Button>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }} mb="lg">
        <Fact label="Members" value={formatCount(pool.memberCount)} />
        <Fact label="Batches" value={formatCount(pool.batches.length)} />
        <Fact label="Created" value={formatDate(pool.createdAt)} />
      </SimpleGrid>
      <Title order={2} size="h3" mb="sm">
        Invitation batches
      </Title>
      {pool.batches.length === 0 ? (
        <EmptyState
          title="No batches in this pool yet"
          action={<Button onClick={open}>Create a batch</Button>}
        >
          People join a pool through invitation batches: create one, then add or upload personnel and invite
          them.
        </EmptyState>
      ) : (
        <BatchTable batches={pool.batches} showPool={false} />
      )}
      <Title order={2} size="h3" mt="xl" mb="sm">
        Members
      </Title>
      <PoolMembers poolId={pool.id} />
      <PoolNameModal
        key={pool.name}
        pool={pool}
        opened={renaming}
        onClose={rename.close}
        onSaved={rename.close}
      />
      <CreateBatchModal
        opened={creating}
        onClose={close}
        pools={[{ id: pool.id, name: pool.name }]}
        poolId={pool.id}
        onCreated={(batch) => navigate(`/batches/${batch.id}`)}
      />
    </>
  );
}
