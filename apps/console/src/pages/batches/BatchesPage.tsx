import { ActionIcon, Anchor, Button, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { usePools } from '../../api/queries';
import { BatchTable } from '../../components/BatchTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CreateBatchModal } from './CreateBatchModal';

/** MyPass "Invite Personnel": every batch, newest first, with its pool and tab counts; "+" makes a new one. */
export function BatchesPage() {
  const pools = usePools();
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const list = pools.data?.resourcePools;
  const batches = list?.flatMap((pool) => pool.batches) ?? [];
  const plus = (
    <Tooltip label="New batch">
      <ActionIcon size="lg" onClick={open} aria-label="New batch" disabled={list?.length === 0}>
        <span aria-hidden="true">+</span>
      </ActionIcon>
    </Tooltip>
  );
  return (
    <>
      <PageHeader title="Invite personnel" actions={plus} />
      {!list ? (
        <QueryState error={pools.error} label="Invitation batches" />
      ) : list.length === 0 ? (
        <EmptyState
          title="Create a resource pool first"
          action={
            <Anchor component={Link} to="/pools">
              Go to the resource pools
            </Anchor>
          }
        >
          Personnel are invited into a resource pool, in batches. Create the pool they will sit in, then come
          back to create a batch.
        </EmptyState>
      ) : batches.length === 0 ? (
        <EmptyState title="No invitation batches yet" action={<Button onClick={open}>Create a batch</Button>}>
          Invite your personnel in batches: name the batch as you like and choose the pool they will join.
          Then add people one at a time or upload them from the template.
        </EmptyState>
      ) : (
        <BatchTable batches={batches} />
      )}
      <CreateBatchModal
        opened={creating}
        onClose={close}
        pools={list ?? []}
        onCreated={(batch) => navigate(`/batches/${batch.id}`)}
      />
    </>
  );
}
