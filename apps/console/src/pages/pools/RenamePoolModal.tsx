import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import { RENAME_POOL } from '../../graphql/operations';

/** Renames a resource pool; its members and batches stay as they are. */
export function RenamePoolModal({
  pool,
  opened,
  onClose,
}: {
  pool: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const [name, setName] = useState(pool.name);
  const client = useQueryClient();
  const rename = useMutation<unknown, ApiProblem>({
    mutationFn: () => gql(RENAME_POOL, { poolId: pool.id, name }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pools }),
        client.invalidateQueries({ queryKey: keys.pool(pool.id) }),
      ]);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Rename the pool">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert problem={rename.error} shownFields={['name']} />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={rename.error?.forField('name')}
            data-autofocus
          />
          <FormButtons onCancel={onClose} act="Rename" loading={rename.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
