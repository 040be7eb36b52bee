import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New resource pool">
      <form onSubmit={submit} noValidate>
        <Stack>
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
          <FormButtons onCancel={onClose} act="Create pool" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
