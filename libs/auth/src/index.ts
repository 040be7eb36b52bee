export { mintDevToken } from './dev-token';
export { resolveJwtSecret } from './jwt-secret';
export { OPS_ROLE, ORG_ADMIN_ROLE } from './principal';
export type { Principal } from './principal';
export { InvalidTokenError, TokenVerifier } from './token-verifier';
