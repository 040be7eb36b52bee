import { TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { CREATE_POOL } from '../../graphql/operations';

/** Creates a resource pool: the people invited through its batches become its members. */
export function CreatePoolModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (pool: { id: string; name: string }) => void;
}) {
  const [name, setName] = useState('');
  const client = useQueryClient();
  const create = useMutation<{ id: string; name: string }, ApiProblem>({
    mutationFn: async () => (await gql(CREATE_POOL, { name })).createResourcePool,
    onSuccess: async (pool) => {
      await client.invalidateQueries({ queryKey: keys.pools });
      setName('');
      onCreated(pool);
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New resource pool"
      onSubmit={() => create.mutate()}
      act="Create pool"
      loading={create.isPending}
    >
      <ProblemAlert problem={create.error} shownFields={['name']} />
      <TextInput
        label="Name"
        description="e.g. Riggers, Theatre nurses"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={create.error?.forField('name')}
        data-autofocus
      />
    </FormModal>
  );
}
