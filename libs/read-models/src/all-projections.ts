import { auditProjection } from './audit/audit.projection';
import { batchesProjection } from './batches/batches.projection';
import { inviteesProjection } from './invitees/invitees.projection';
import { passportsProjection } from './passports/passports.projection';
import { membersProjection, poolsProjection } from './pools/pools.projection';
import type { Positioned, Projection, ProjectionName } from './projection/projection';
import { uploadsProjection } from './uploads/uploads.projection';

/** The projections the service runs, in the order they are named to operators. */
export const allProjections: readonly Projection[] = [
  inviteesProjection,
  batchesProjection,
  poolsProjection,
  membersProjection,
  passportsProjection,
  uploadsProjection,
  auditProjection,
] as Projection<Positioned>[];

/** Every projection defined, run or not. */
export const definedProjections: readonly Projection[] = [...allProjections];

/** The projections of the given names (all of them by default); an unknown name is an error. */
export function selectProjections(names?: readonly string[]): Projection[] {
  if (!names) return [...allProjections];
  return names.map((name) => {
    const projection = allProjections.find((candidate) => candidate.name === name);
    if (!projection) {
      const known = allProjections.map((candidate) => candidate.name).join(', ');
      throw new Error(`Unknown projection "${name}" (known: ${known})`);
    }
    return projection;
  });
}

export function isProjectionName(name: string): name is ProjectionName {
  return definedProjections.some((projection) => projection.name === name);
}
