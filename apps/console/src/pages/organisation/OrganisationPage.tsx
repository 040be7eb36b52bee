import { Code, Paper, Stack, Text } from '@mantine/core';
import { useAdmin, useSession } from '../../auth/session';
import { formatDateTime } from '../../components/format';
import { type Detail, DetailsTable } from '../../components/DetailsTable';
import { PageHeader } from '../../components/PageHeader';
import { OrganisationSettings } from './OrganisationSettings';

/** The organisation's settings (its display name and invitation defaults), and the signed-in admin. */
export function OrganisationPage() {
  const admin = useAdmin();
  const { session } = useSession();
  const method =
    session.status === 'signed-in'
      ? session.config.signIn === 'oidc'
        ? `Identity provider (${new URL(session.config.oidc.issuer).host})`
        : session.config.signIn === 'development'
          ? 'Development sign-in'
          : 'Access token'
      : '';
  const rows: Detail[] = [
    ['Organisation', <Code key="o">{admin.organisation}</Code>],
    ['Signed in as', admin.name ? `${admin.name} (${admin.user})` : admin.user],
    ['Roles', admin.roles.join(', ') || '—'],
    ['Signed in with', method],
    ['Session ends', admin.expiresAt ? formatDateTime(new Date(admin.expiresAt * 1000).toISOString()) : '—'],
  ];
  return (
    <>
      <PageHeader title="Organisation" />
      <Stack maw={640}>
        <OrganisationSettings />
        <Paper withBorder radius="md">
          <DetailsTable rows={rows} labelWidth={160} />
        </Paper>
        <Text size="sm" c="dimmed">
          Everything you see and do in this console is scoped to this organisation.
        </Text>
      </Stack>
    </>
  );
}
