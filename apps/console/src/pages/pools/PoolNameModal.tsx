import { TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { CREATE_POOL, RENAME_POOL } from '../../graphql/operations';

type Pool = { id: string; name: string };

/**
 * A resource pool's name: without `pool`, a new pool (the people invited through its batches become its members);
 * with it, a new name for that pool (its members and batches stay as they are).
 */
export function PoolNameModal({
  pool,
  opened,
  onClose,
  onSaved,
}: {
  pool?: Pool;
  opened: boolean;
  onClose: () => void;
  onSaved: (pool: Pool) => void;
}) {
  const [name, setName] = useState(pool?.name ?? '');
  const client = useQueryClient();
  const save = useMutation<Pool, ApiProblem>({
    mutationFn: async () =>
      pool
        ? (await gql(RENAME_POOL, { poolId: pool.id, name })).updateResourcePool
        : (await gql(CREATE_POOL, { name })).createResourcePool,
    onSuccess: async (saved) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pools }),
        pool && client.invalidateQueries({ queryKey: keys.pool(pool.id) }),
      ]);
      setName(pool?.name ?? '');
      onSaved(saved);
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={pool ? 'Rename the pool' : 'New resource pool'}
      onSubmit={() => save.mutate()}
      act={pool ? 'Rename' : 'Create pool'}
      loading={save.isPending}
    >
      <ProblemAlert problem={save.error} shownFields={['name']} />
      <TextInput
        label="Name"
        description={pool ? undefined : 'e.g. Riggers, Theatre nurses'}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={save.error?.forField('name')}
        data-autofocus
      />
    </FormModal>
  );
}
