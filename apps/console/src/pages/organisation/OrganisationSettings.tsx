import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys, useOrganisation } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import {
  EMPTY_TERMS,
  type InvitationTerms,
  InvitationTermsInputs,
  termsInput,
} from '../../components/InvitationTermsInputs';
import { QueryState } from '../../components/QueryState';
import { UPDATE_ORGANISATION } from '../../graphql/operations';

/**
 * The organisation's display name (shown to invitees on the accept page and in every message) and its invitation
 * defaults: how long an invitation stays open and when its one reminder goes out. A batch may set its own.
 */
export function OrganisationSettings() {
  const organisation = useOrganisation();
  const current = organisation.data?.organisation;
  const [name, setName] = useState('');
  const [terms, setTerms] = useState<InvitationTerms>(EMPTY_TERMS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current) return;
    setName(current.name ?? '');
    setTerms({
      invitationTtlDays: current.invitationTtlDays,
      reminderDaysBeforeExpiry: current.reminderDaysBeforeExpiry ?? 0,
    });
  }, [current]);
  const client = useQueryClient();
  const save = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      gql(UPDATE_ORGANISATION, {
        input: { name: name.trim() || null, ...termsInput(terms) },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.organisation });
      setSaved(true);
    },
  });
  if (!current) return <QueryState error={organisation.error} label="The organisation's settings" />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Settings
          </Title>
          <ProblemAlert
            problem={save.error}
            shownFields={['name', 'invitationTtlDays', 'reminderDaysBeforeExpiry']}
          />
          {saved && (
            <Alert color="green" role="status">
              Settings saved. They apply to invitations sent from now on.
            </Alert>
          )}
          <TextInput
            label="Display name"
            description="Shown to invitees on the accept page and in every message"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={save.error?.forField('name')}
          />
          <InvitationTermsInputs terms={terms} onChange={setTerms} problem={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
