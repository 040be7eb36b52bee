import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a resolver or route that needs no token (accepting an invitation, the template, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLE = 'requiredRole';

/** The role a route needs instead of org-admin (e.g. `ops` for the operator endpoint). */
export const RequiresRole = (role: string) => SetMetadata(REQUIRED_ROLE, role);

export const ALLOWS_SIGNED_LINK = 'allowsSignedLink';

/**
 * A route that a signed link opens without a token (a report to download): a request with a `signature` in its
 * query passes the guard, and the route checks the signature itself; any other needs the bearer token.
 */
export const AllowSignedLink = () => SetMetadata(ALLOWS_SIGNED_LINK, true);
