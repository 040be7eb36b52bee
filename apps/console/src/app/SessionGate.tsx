import { Alert, Center, Container, Loader } from '@mantine/core';
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { BatchPage } from '../pages/batch/BatchPage';
import { BatchesPage } from '../pages/batches/BatchesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OrganisationPage } from '../pages/organisation/OrganisationPage';
import { PoolPage } from '../pages/pools/PoolPage';
import { PoolsPage } from '../pages/pools/PoolsPage';
import { Layout } from './Layout';
import { OPS_ROLE } from './roles';

// Pages an admin opens now and then load when first opened, not with the console.
const AddPersonPage = lazy(() =>
  import('../pages/add-person/AddPersonPage').then((m) => ({ default: m.AddPersonPage })),
);
const UploadPage = lazy(() => import('../pages/upload/UploadPage').then((m) => ({ default: m.UploadPage })));
const AuditPage = lazy(() => import('../pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const OpsPage = lazy(() => import('../pages/ops/OpsPage').then((m) => ({ default: m.OpsPage })));

/** The sign-in page until someone is signed in; then the console's pages, each at a URL of ids only. */
export function SessionGate() {
  const { session } = useSession();
  if (session.status === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the console" />
      </Center>
    );
  }
  if (session.status === 'unavailable') {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="The console cannot start" role="alert">
          {session.problem.message}
        </Alert>
      </Container>
    );
  }
  if (session.status === 'signed-out') return <SignInPage config={session.config} notice={session.notice} />;
  const isOps = session.claims.roles.includes(OPS_ROLE);
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/pools" replace />} />
        <Route path="signed-in" element={<Navigate to={session.returnTo ?? '/pools'} replace />} />
        <Route path="pools" element={<PoolsPage />} />
        <Route path="pools/:poolId" element={<PoolPage />} />
        <Route path="batches" element={<BatchesPage />} />
        <Route path="batches/:batchId" element={<BatchPage />} />
        <Route path="batches/:batchId/add" element={<AddPersonPage />} />
        <Route path="batches/:batchId/upload" element={<UploadPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="audit" element={<AuditPage />} />
        {isOps && <Route path="ops" element={<OpsPage />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
