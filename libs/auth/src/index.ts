export { DEV_TOKEN_LIFETIME, mintDevToken } from './dev-token';
export { resolveJwtSecret, resolveKeptSecret } from './jwt-secret';
export { linkRefusal, signLink, type LinkSignature } from './signed-link';
export { OPS_ROLE, ORG_ADMIN_ROLE } from './principal';
export type { Principal } from './principal';
export { InvalidTokenError, TokenVerifier } from './token-verifier';
export { namesSecondFactor, refusalOf, SECOND_FACTOR_METHODS } from './admin-access';
export type { AdminAccessRules } from './admin-access';
