import { NumberInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { invalidateBatchAndPools } from '../../api/queries';
import { formatCount, people } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { MessageInput } from '../../components/MessageInput';
import type { InviteeState } from '../../gql/graphql';
import {
  EXTEND_INVITATIONS,
  RESEND_INVITATIONS,
  REVOKE_INVITATIONS,
  SEND_REMINDERS,
} from '../../graphql/operations';
import { actionFormProps, type ActionModalProps } from './action-modal';
import type { BulkKind } from './tabs';

/** A bulk action and whom it applies to: the people selected, or everyone in a tab (by its state). */
export interface BulkTarget {
  kind: BulkKind;
  who: { ids: string[] } | { state: InviteeState; tab: string; count: number };
}

export const BULK_WORDING: Record<
  BulkKind,
  { button: string; title: string; verb: string; text: string; done: string; color?: string }
> = {
  remind: {
    button: 'Remind',
    title: 'Send a reminder',
    verb: 'remind',
    text: 'Each gets a reminder with the link they already have.',
    done: 'reminded',
  },
  extend: {
    button: 'Extend',
    title: 'Extend invitations',
    verb: 'extend the invitations of',
    text: 'Their links work for longer; an expired invitation is open again with the same link.',
    done: 'given more time',
  },
  resend: {
    button: 'Resend',
    title: 'Resend invitations',
    verb: 'resend invitations to',
    text: 'Each gets a new link with a new expiry; the link they had stops working.',
    done: 'sent a new invitation',
  },
  revoke: {
    button: 'Revoke',
    title: 'Revoke invitations',
    verb: 'revoke the invitations of',
    text: 'Their links stop working. You can resend to them later.',
    done: 'revoked',
    color: 'red.9',
  },
};

/**
 * Resend, extend, remind or revoke many people at once (the selection, or a whole tab: "resend to every expired"),
 * after the count is confirmed; the API says whom it skipped and why.
 */
export function BulkActionModal({ batchId, target, onClose, onDone }: ActionModalProps<BulkTarget>) {
  const [message, setMessage] = useState('');
  const [days, setDays] = useState<number | string>(7);
  const client = useQueryClient();
  const run = useMutation<{ count: number; skipped: { reason: string }[] }, ApiProblem, BulkTarget>({
    mutationFn: async ({ kind, who }) => {
      const scope = 'ids' in who ? { inviteeIds: who.ids } : { states: [who.state] };
      const input = { batchId, ...scope };
      const withMessage = { ...input, message: message.trim() || null };
      switch (kind) {
        case 'resend':
          return (await gql(RESEND_INVITATIONS, { input: withMessage })).resendInvitations;
        case 'remind':
          return (await gql(SEND_REMINDERS, { input: withMessage })).sendReminders;
        case 'revoke':
          return (await gql(REVOKE_INVITATIONS, { input })).revokeInvitations;
        case 'extend':
          return (await gql(EXTEND_INVITATIONS, { input: { ...input, days: Number(days) } }))
            .extendInvitations;
      }
    },
    onSuccess: async (result, { kind }) => {
      await invalidateBatchAndPools(client, batchId);
      setMessage('');
      run.reset();
      const parts = [`${people(result.count)} ${BULK_WORDING[kind].done}`];
      if (result.skipped.length > 0)
        parts.push(
          `${people(result.skipped.length)} skipped (${[...new Set(result.skipped.map((s) => s.reason))].join('; ')})`,
        );
      onDone(`${parts.join(', ')}.`);
    },
  });
  const wording = target ? BULK_WORDING[target.kind] : null;
  const who = target?.who;
  const count = !who ? 0 : 'ids' in who ? who.ids.length : who.count;
  return (
    <FormModal
      {...actionFormProps(target, run, onClose)}
      title={wording?.title}
      act={wording?.button}
      disabled={count === 0}
      color={wording?.color}
    >
      {target && wording && who && (
        <>
          <Text fw={600} data-testid="bulk-count">
            {'ids' in who
              ? `You are about to ${wording.verb} ${people(count)}.`
              : `You are about to ${wording.verb} everyone in ${who.tab} (${formatCount(count)}).`}
          </Text>
          <Text size="sm">{wording.text}</Text>
          <ProblemAlert problem={run.error} />
          {target.kind === 'extend' && (
            <NumberInput
              label="Days to add"
              description="Whole days, 1 to 365 (from now, for an invitation that has lapsed)"
              min={1}
              max={365}
              allowDecimal={false}
              value={days}
              onChange={setDays}
            />
          )}
          {(target.kind === 'resend' || target.kind === 'remind') && (
            <MessageInput
              description={
                target.kind === 'resend'
                  ? 'Without one, the previous message is kept'
                  : 'Added to the reminder'
              }
              minRows={2}
              value={message}
              onChange={setMessage}
            />
          )}
        </>
      )}
    </FormModal>
  );
}
