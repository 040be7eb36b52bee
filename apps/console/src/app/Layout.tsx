import { AppShell, Burger, Button, Center, Group, Loader, Menu, NavLink, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useOrganisation } from '../api/queries';
import { useAdmin, useSession } from '../auth/session';
import { OPS_ROLE } from './roles';

const NAVIGATION = [
  { to: '/pools', label: 'Resource pools' },
  { to: '/batches', label: 'Invite personnel' },
  { to: '/organisation', label: 'Organisation' },
  { to: '/audit', label: 'Audit log' },
];

/** The frame of every signed-in page: the organisation and the admin in the header, the sections beside. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const admin = useAdmin();
  const organisationName = useOrganisation().data?.organisation.name ?? null;
  const { signOut } = useSession();
  const location = useLocation();
  const sections = admin.roles.includes(OPS_ROLE)
    ? [...NAVIGATION, { to: '/ops', label: 'Operations' }]
    : NAVIGATION;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open the menu" />
            <Text component={Link} to="/pools" fw={700} size="lg" c="blue.9" td="none">
              Invitations
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" data-testid="organisation">
              <span className="visually-hidden">Organisation: </span>
              {organisationName ? `${organisationName} (${admin.organisation})` : admin.organisation}
            </Text>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs">
                  <span className="visually-hidden">Signed in as </span>
                  {admin.name ?? admin.user}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Organisation {admin.organisation}</Menu.Label>
                <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <Text size="sm" px="sm" py={6} hiddenFrom="xs">
          Organisation: <strong>{admin.organisation}</strong>
        </Text>
        {sections.map((section) => (
          <NavLink
            key={section.to}
            component={Link}
            to={section.to}
            label={section.label}
            active={location.pathname === section.to || location.pathname.startsWith(`${section.to}/`)}
            onClick={close}
            aria-current={location.pathname === section.to ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading the page" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
