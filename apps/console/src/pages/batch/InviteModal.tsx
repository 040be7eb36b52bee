import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { invalidateBatchAndPools } from '../../api/queries';
import { people } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { MessageInput } from '../../components/MessageInput';
import { SEND_INVITATIONS } from '../../graphql/operations';
import { actionFormProps, type ActionModalProps } from './action-modal';

/** Who an Invite applies to: every invitable person of the batch, a selection, or one person. */
export type InviteTarget =
  | { kind: 'all'; count: number }
  | { kind: 'selected'; ids: string[] }
  | { kind: 'one'; id: string; name: string };

export interface InviteOutcome {
  invited: number;
  autoAccepted: number;
  skipped: { inviteeId: string; reason: string }[];
}

/**
 * MyPass stage 2, steps 2-3 (and 9-10): the count confirmed ("You are about to invite 37 people"), an optional
 * message, then Invite. People already in another of the organisation's pools are accepted at once.
 */
export function InviteModal({
  batchId,
  target,
  onClose,
  onDone,
}: ActionModalProps<InviteTarget, InviteOutcome>) {
  const [message, setMessage] = useState('');
  const client = useQueryClient();
  const send = useMutation<InviteOutcome, ApiProblem, InviteTarget>({
    mutationFn: async (t) => {
      const input =
        t.kind === 'all'
          ? { batchId, all: true, message: message.trim() || null }
          : { batchId, inviteeIds: t.kind === 'one' ? [t.id] : t.ids, message: message.trim() || null };
      const { sendInvitations: result } = await gql(SEND_INVITATIONS, { input });
      return {
        invited: result.invited.length,
        autoAccepted: result.autoAccepted.length,
        skipped: result.skipped,
      };
    },
    onSuccess: async (outcome) => {
      await invalidateBatchAndPools(client, batchId);
      setMessage('');
      send.reset();
      onDone(outcome);
    },
  });
  const count = !target
    ? 0
    : target.kind === 'all'
      ? target.count
      : target.kind === 'one'
        ? 1
        : target.ids.length;
  return (
    <FormModal
      {...actionFormProps(target, send, onClose)}
      title={target?.kind === 'one' ? 'Send invitation' : 'Invite personnel'}
      act="Invite"
      disabled={count === 0}
    >
      <Text fw={600} data-testid="invite-count">
        {target?.kind === 'one'
          ? `You are about to invite ${target.name}.`
          : `You are about to invite ${people(count)}.`}
      </Text>
      <Text size="sm">
        Each gets an email, and a text message when their mobile is known, with a link to accept. People
        already in another of your pools join this one at once.
      </Text>
      <ProblemAlert problem={send.error} />
      <MessageInput description="Added to the invitation" value={message} onChange={setMessage} />
    </FormModal>
  );
}
