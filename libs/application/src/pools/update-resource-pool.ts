import { organisationPools } from '../tenancy/tenant-streams';

/** Renames a pool of the organisation (another organisation's answers NOT_FOUND). */
export const updateResourcePool = organisationPools.command((name: string, now) => ({
  type: 'RenameResourcePool',
  name,
  now,
}));
