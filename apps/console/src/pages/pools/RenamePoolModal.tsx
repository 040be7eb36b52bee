import { TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
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
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Rename the pool"
      onSubmit={() => rename.mutate()}
      act="Rename"
      loading={rename.isPending}
    >
      <ProblemAlert problem={rename.error} shownFields={['name']} />
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={rename.error?.forField('name')}
        data-autofocus
      />
    </FormModal>
  );
}
