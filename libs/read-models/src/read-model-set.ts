import type { ProjectionName } from './projection/projection';
import type { AuditLog } from './audit/audit.port';
import type { Batches } from './batches/batches.port';
import type { Invitees } from './invitees/invitees.port';
import type { Passports } from './passports/passports.port';
import type { Pools } from './pools/pools.port';
import type { ReadModelStorage } from './projection/read-model-storage';
import type { Uploads } from './uploads/uploads.port';

/** Every read model's queries, in one adapter (in memory or MongoDB), and their documents for the runner. */
export interface ReadModelSet {
  readonly invitees: Invitees;
  readonly batches: Batches;
  readonly pools: Pools;
  readonly passports: Passports;
  readonly uploads: Uploads;
  readonly audit: AuditLog;
  readonly storage: ReadModelStorage;
}

/**
 * Each projection's documents in an adapter, by the projection's name: in both adapters the read models' query
 * objects are also the stores of their documents (pools and members are two collections behind one port).
 */
export function documentsByProjection<Documents>(adapter: {
  invitees: unknown;
  batches: unknown;
  pools: { pools: unknown; members: unknown };
  passports: unknown;
  uploads: unknown;
  audit: unknown;
}): Record<ProjectionName, Documents> {
  const { invitees, batches, pools, passports, uploads, audit } = adapter;
  const stores = { invitees, batches, pools: pools.pools, members: pools.members, passports, uploads, audit };
  return stores as Record<ProjectionName, Documents>;
}
