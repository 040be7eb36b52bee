import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys, useOrganisation } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { InvitationTermsInputs } from '../../components/InvitationTermsInputs';
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
  const [ttlDays, setTtlDays] = useState<number | string>('');
  const [reminderDays, setReminderDays] = useState<number | string>('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current) return;
    setName(current.name ?? '');
    setTtlDays(current.invitationTtlDays);
    setReminderDays(current.reminderDaysBeforeExpiry ?? 0);
  }, [current]);
  const client = useQueryClient();
  const save = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      gql(UPDATE_ORGANISATION, {
        input: {
          name: name.trim() || null,
          invitationTtlDays: ttlDays === '' ? null : Number(ttlDays),
          reminderDaysBeforeExpiry: reminderDays === '' ? null : Number(reminderDays),
        },
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
          <InvitationTermsInputs
            ttlDays={ttlDays}
            onTtlDays={setTtlDays}
            reminderDays={reminderDays}
            onReminderDays={setReminderDays}
            problem={save.error}
          />
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
