import { Group, NumberInput } from '@mantine/core';
import type { ApiProblem } from '../api/api-problem';

/** Descriptions of different lengths under the inputs, so that the two inputs side by side stay level. */
const BELOW_THE_INPUT: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/**
 * How long an invitation stays open and when its one reminder goes out, side by side: the organisation's defaults,
 * or a batch's own (`optional`: left empty, the organisation's apply).
 */
export function InvitationTermsInputs({
  ttlDays,
  onTtlDays,
  reminderDays,
  onReminderDays,
  problem,
  optional = false,
}: {
  ttlDays: number | string;
  onTtlDays: (value: number | string) => void;
  reminderDays: number | string;
  onReminderDays: (value: number | string) => void;
  problem: ApiProblem | null;
  optional?: boolean;
}) {
  return (
    <Group grow align="flex-start">
      <NumberInput
        label="Invitations expire after (days)"
        description={optional ? "Optional: the organisation's default otherwise" : undefined}
        inputWrapperOrder={BELOW_THE_INPUT}
        min={1}
        max={365}
        allowDecimal={false}
        value={ttlDays}
        onChange={onTtlDays}
        error={problem?.forField('invitationTtlDays')}
      />
      <NumberInput
        label="Reminder (days before expiry)"
        description={optional ? 'Optional: 0 for none' : '0 for none'}
        inputWrapperOrder={BELOW_THE_INPUT}
        min={0}
        max={365}
        allowDecimal={false}
        value={reminderDays}
        onChange={onReminderDays}
        error={problem?.forField('reminderDaysBeforeExpiry')}
      />
    </Group>
  );
}
