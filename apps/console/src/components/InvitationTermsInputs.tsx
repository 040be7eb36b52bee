import { Group, NumberInput } from '@mantine/core';
import type { ApiProblem } from '../api/api-problem';

/** The invitation terms as their inputs hold them: a number of days each, or '' where left empty. */
export interface InvitationTerms {
  invitationTtlDays: number | string;
  reminderDaysBeforeExpiry: number | string;
}

export const EMPTY_TERMS: InvitationTerms = { invitationTtlDays: '', reminderDaysBeforeExpiry: '' };

/** The terms as the API takes them: an input left empty is null. */
export const termsInput = (terms: InvitationTerms) => {
  const days = (value: number | string) => (value === '' ? null : Number(value));
  return {
    invitationTtlDays: days(terms.invitationTtlDays),
    reminderDaysBeforeExpiry: days(terms.reminderDaysBeforeExpiry),
  };
};

/** Descriptions of different lengths under the inputs, so that the two inputs side by side stay level. */
const BELOW_THE_INPUT: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/** Each term's input, by the field the API names it; its description depends on whether it may be left empty. */
const TERMS: readonly {
  field: keyof InvitationTerms;
  label: string;
  min: number;
  description: (optional: boolean) => string | undefined;
}[] = [
  {
    field: 'invitationTtlDays',
    label: 'Invitations expire after (days)',
    min: 1,
    description: (optional) => (optional ? "Optional: the organisation's default otherwise" : undefined),
  },
  {
    field: 'reminderDaysBeforeExpiry',
    label: 'Reminder (days before expiry)',
    min: 0,
    description: (optional) => (optional ? 'Optional: 0 for none' : '0 for none'),
  },
];

/**
 * How long an invitation stays open and when its one reminder goes out, side by side: the organisation's defaults,
 * or a batch's own (`optional`: left empty, the organisation's apply).
 */
export function InvitationTermsInputs({
  terms,
  onChange,
  problem,
  optional = false,
}: {
  terms: InvitationTerms;
  onChange: (terms: InvitationTerms) => void;
  problem: ApiProblem | null;
  optional?: boolean;
}) {
  return (
    <Group grow align="flex-start">
      {TERMS.map((term) => (
        <NumberInput
          key={term.field}
          label={term.label}
          description={term.description(optional)}
          inputWrapperOrder={BELOW_THE_INPUT}
          min={term.min}
          max={365}
          allowDecimal={false}
          value={terms[term.field]}
          onChange={(value) => onChange({ ...terms, [term.field]: value })}
          error={problem?.forField(term.field)}
        />
      ))}
    </Group>
  );
}
