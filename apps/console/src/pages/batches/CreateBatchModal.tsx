import { Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import {
  EMPTY_TERMS,
  type InvitationTerms,
  InvitationTermsInputs,
  termsInput,
} from '../../components/InvitationTermsInputs';
import { CREATE_BATCH } from '../../graphql/operations';

/**
 * MyPass stage 1, steps 3-5: a batch with a free-text name, in the resource pool its people will join; optionally
 * its own invitation terms (else the organisation's).
 */
export function CreateBatchModal({
  opened,
  onClose,
  onCreated,
  pools,
  poolId: fixedPoolId,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (batch: { id: string }) => void;
  pools: readonly { id: string; name: string }[];
  poolId?: string;
}) {
  const [name, setName] = useState('');
  const [poolId, setPoolId] = useState<string | null>(fixedPoolId ?? null);
  const [terms, setTerms] = useState<InvitationTerms>(EMPTY_TERMS);
  const client = useQueryClient();
  const create = useMutation<{ id: string }, ApiProblem>({
    mutationFn: async () => {
      if (!poolId) {
        throw new ApiProblem({
          code: 'BAD_USER_INPUT',
          message: 'Choose the resource pool.',
          fieldProblems: [{ field: 'poolId', message: 'is required' }],
        });
      }
      return (await gql(CREATE_BATCH, { poolId, name, ...termsInput(terms) })).createInvitationBatch;
    },
    onSuccess: async (batch) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pools }),
        client.invalidateQueries({ queryKey: ['pool'] }),
      ]);
      setName('');
      setTerms(EMPTY_TERMS);
      onCreated(batch);
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New invitation batch"
      onSubmit={() => create.mutate()}
      act="Save"
      loading={create.isPending}
    >
      <ProblemAlert
        problem={create.error}
        shownFields={['name', 'poolId', 'invitationTtlDays', 'reminderDaysBeforeExpiry']}
      />
      <TextInput
        label="Batch name"
        description="Free text, e.g. March intake"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={create.error?.forField('name')}
        data-autofocus
      />
      <Select
        label="Resource pool"
        description="The pool the invited personnel will join"
        required
        data={pools.map((p) => ({ value: p.id, label: p.name }))}
        value={poolId}
        onChange={setPoolId}
        disabled={fixedPoolId !== undefined}
        error={create.error?.forField('poolId')}
        searchable
        nothingFoundMessage="No pool by that name"
        comboboxProps={{ withinPortal: true }}
      />
      <InvitationTermsInputs terms={terms} onChange={setTerms} problem={create.error} optional />
    </FormModal>
  );
}
