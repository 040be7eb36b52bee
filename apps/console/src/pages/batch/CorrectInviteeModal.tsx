import { Alert, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { displayName, fieldList } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import type { InviteeRowFragment, ProfileField } from '../../gql/graphql';
import { CORRECT_INVITEE } from '../../graphql/operations';

const FIELDS = [
  { key: 'email', label: 'Personal email', profile: 'EMAIL', type: 'email' },
  { key: 'dateOfBirth', label: 'Date of birth', profile: 'DATE_OF_BIRTH', type: 'date' },
  { key: 'firstName', label: 'First name', profile: 'FIRST_NAME', type: 'text' },
  { key: 'middleNames', label: 'Middle names', profile: 'MIDDLE_NAMES', type: 'text' },
  { key: 'lastName', label: 'Last name', profile: 'LAST_NAME', type: 'text' },
  { key: 'preferredName', label: 'Preferred name', profile: null, type: 'text' },
  { key: 'mobile', label: 'Mobile', profile: 'MOBILE', type: 'tel' },
  { key: 'jobRole', label: 'Job role', profile: null, type: 'text' },
] as const;

type FieldKey = (typeof FIELDS)[number]['key'];
type Values = Record<FieldKey, string>;

const valuesOf = (p: InviteeRowFragment): Values =>
  Object.fromEntries(FIELDS.map((f) => [f.key, p[f.key] ?? ''])) as Values;

/**
 * MyPass stage 2, step 8: the fields that differ from the Skills Passport are named (the values on record are
 * never shown); the admin checks every field against the person's identity document, and Update checks again.
 */
export function CorrectInviteeModal({
  invitee,
  onClose,
  onCorrected,
}: {
  invitee: InviteeRowFragment | null;
  onClose: () => void;
  onCorrected: (text: string) => void;
}) {
  const [values, setValues] = useState<Values | null>(null);
  const [stillDiffers, setStillDiffers] = useState<readonly ProfileField[] | null>(null);
  const client = useQueryClient();
  useEffect(() => {
    setValues(invitee ? valuesOf(invitee) : null);
    setStillDiffers(null);
  }, [invitee]);
  const correct = useMutation<InviteeRowFragment, ApiProblem, Values>({
    mutationFn: async (v) => {
      const input = {
        inviteeId: invitee!.id,
        ...Object.fromEntries(FIELDS.map((f) => [f.key, v[f.key].trim()])),
      };
      return (await gql(CORRECT_INVITEE, { input })).correctInvitee;
    },
    onSuccess: async (updated) => {
      await client.invalidateQueries({ queryKey: keys.batch(updated.batchId) });
      await client.invalidateQueries({ queryKey: keys.invitee(updated.id) });
      if (updated.uploadStatus === 'INVALID') {
        setStillDiffers(updated.discrepancies);
        return;
      }
      onCorrected(
        `${displayName(updated) || updated.email} corrected: ${updated.uploadStatus === 'EXISTING' ? 'matches their Skills Passport (Existing)' : 'New'}, ready to invite.`,
      );
    },
  });
  const differs = stillDiffers ?? invitee?.discrepancies ?? [];
  return (
    <FormModal
      opened={invitee !== null}
      onClose={onClose}
      title="Correct details"
      size="lg"
      onSubmit={() => {
        if (values) correct.mutate(values);
      }}
      act="Update"
      loading={correct.isPending}
    >
      {invitee && values && (
        <>
          {differs.length > 0 ? (
            <Alert
              color="red"
              title={
                stillDiffers ? 'Still differs from the Skills Passport' : 'Differs from the Skills Passport'
              }
              role={stillDiffers ? 'alert' : undefined}
            >
              <Text size="sm">
                A Skills Passport exists for this person, but these details differ:{' '}
                <strong>{fieldList(differs)}</strong>. Review every field against their identity document,
                then Update. The details on record are not shown.
              </Text>
            </Alert>
          ) : (
            <Text size="sm">Review the details, then Update. The upload status is checked again.</Text>
          )}
          <ProblemAlert problem={correct.error} shownFields={FIELDS.map((f) => f.key)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map((f) => (
              <TextInput
                key={f.key}
                label={f.label}
                type={f.type}
                value={values[f.key]}
                onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
                error={
                  correct.error?.forField(f.key) ??
                  (f.profile && differs.includes(f.profile as ProfileField)
                    ? 'Differs from the Skills Passport'
                    : undefined)
                }
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </FormModal>
  );
}
