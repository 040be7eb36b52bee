import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage({ what = 'This page' }: { what?: string }) {
  return (
    <>
      <PageHeader title="Not found" />
      <EmptyState title={`${what} does not exist`}>
        It may have been removed, or belong to another organisation.{' '}
        <Anchor component={Link} to="/pools">
          Go to the resource pools
        </Anchor>
        .
      </EmptyState>
    </>
  );
}
