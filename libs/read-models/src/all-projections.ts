import { batchesProjection } from './batches.projection';
import { inviteesProjection } from './invitees.projection';
import { membersProjection } from './members.projection';
import { passportsProjection } from './passports.projection';
import { poolsProjection } from './pools.projection';
import type { Projection, ProjectionName } from './projection';

/** Every read model's projection. */
export const allProjections: readonly Projection[] = [
  inviteesProjection,
  batchesProjection,
  poolsProjection,
  membersProjection,
  passportsProjection,
];

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
  return allProjections.some((projection) => projection.name === name);
}
