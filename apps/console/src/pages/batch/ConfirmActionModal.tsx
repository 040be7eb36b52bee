import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { REMOVE_INVITEE, RESEND_INVITATION, REVOKE_INVITATION } from '../../graphql/operations';
import { actionFormProps, type ActionModalProps } from './action-modal';

export type RowAction = { kind: 'resend' | 'revoke' | 'remove'; id: string; name: string };

const WORDING: Record<
  RowAction['kind'],
  { title: string; text: string; button: string; done: string; color?: string }
> = {
  resend: {
    title: 'Resend invitation',
    text: 'They get a new link with a new expiry; the link they had stops working.',
    button: 'Resend',
    done: 'Invitation resent to',
  },
  revoke: {
    title: 'Revoke invitation',
    text: 'Their link stops working. You can send them a new one later.',
    button: 'Revoke',
    done: 'Invitation revoked for',
    color: 'red.9',
  },
  remove: {
    title: 'Remove from the batch',
    text: 'They are taken out of this batch. Their Skills Passport, if they have one, is not changed.',
    button: 'Remove',
    done: 'Removed from the batch:',
    color: 'red.9',
  },
};

/** Resend, revoke or remove one person, after saying what it does; the answer shows in place. */
export function ConfirmActionModal({ batchId, target, onClose, onDone }: ActionModalProps<RowAction>) {
  const client = useQueryClient();
  const run = useMutation<unknown, ApiProblem, RowAction>({
    mutationFn: (a) =>
      a.kind === 'resend'
        ? gql(RESEND_INVITATION, { id: a.id })
        : a.kind === 'revoke'
          ? gql(REVOKE_INVITATION, { id: a.id })
          : gql(REMOVE_INVITEE, { id: a.id }),
    onSuccess: async (_result, a) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.batch(batchId) }),
        client.invalidateQueries({ queryKey: keys.invitee(a.id) }),
        client.invalidateQueries({ queryKey: keys.pools }),
      ]);
      run.reset();
      onDone(`${WORDING[a.kind].done} ${a.name}.`);
    },
  });
  const wording = target ? WORDING[target.kind] : null;
  return (
    <FormModal
      {...actionFormProps(target, run, onClose)}
      title={wording?.title}
      act={wording?.button}
      color={wording?.color}
    >
      {target && wording && (
        <>
          <Text>
            <strong>{target.name}</strong>: {wording.text}
          </Text>
          <ProblemAlert problem={run.error} />
        </>
      )}
    </FormModal>
  );
}
