import { type QueryClient, useQuery } from '@tanstack/react-query';
import { BATCH, ORGANISATION, POOL, POOLS } from '../graphql/operations';
import { gql } from './graphql-client';

/** Query keys: a mutation invalidates what it changed by these. */
export const keys = {
  pools: ['pools'] as const,
  pool: (id: string) => ['pool', id] as const,
  batch: (id: string) => ['batch', id] as const,
  tab: (id: string) => ['batch', id, 'tab'] as const,
  invitee: (id: string) => ['invitee', id] as const,
  organisation: ['organisation'] as const,
};

export const usePools = () => useQuery({ queryKey: keys.pools, queryFn: () => gql(POOLS, {}) });
export const usePool = (id: string) =>
  useQuery({ queryKey: keys.pool(id), queryFn: () => gql(POOL, { id }) });
export const useBatch = (id: string) =>
  useQuery({ queryKey: keys.batch(id), queryFn: () => gql(BATCH, { id }) });

/** The organisation's display name and invitation defaults (the header shows its name). */
export const useOrganisation = () =>
  useQuery({ queryKey: keys.organisation, queryFn: () => gql(ORGANISATION, {}) });

/** After a change to a batch's people: the batch (its counts and tabs) and the pools (their member counts). */
export const invalidateBatchAndPools = (client: QueryClient, batchId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: keys.batch(batchId) }),
    client.invalidateQueries({ queryKey: keys.pools }),
  ]);
