import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a resolver or route that needs no token (accepting an invitation, the template, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLE = 'requiredRole';

/** The role a route needs instead of org-admin (e.g. `ops` for the operator endpoint). */
export const RequiresRole = (role: string) => SetMetadata(REQUIRED_ROLE, role);
