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
