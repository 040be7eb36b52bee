import { Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useAdmin, useSession } from '../../auth/session';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';

/**
 * The organisation and the signed-in admin, as the token names them. Its display name and invitation defaults
 * are settings the API does not serve yet: they belong on this page when it does.
 */
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
  const rows: [string, React.ReactNode][] = [
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
        <Paper withBorder radius="md">
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={160}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Text size="sm" c="dimmed">
          Everything you see and do in this console is scoped to this organisation. Invitations expire after
          the service&apos;s configured number of days.
        </Text>
      </Stack>
    </>
  );
}
