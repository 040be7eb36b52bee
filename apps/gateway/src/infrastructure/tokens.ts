export { EVENT_STORE } from '@invitations/event-store';
export { NOTIFIER } from '@invitations/notifications';
export { CLOCK } from '@invitations/kernel';
export { READ_MODELS, SERVICE_CONFIG } from '@invitations/runtime';
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const INVITATION_TOKEN_SECRET = Symbol('INVITATION_TOKEN_SECRET');
export const KEY_STORE = Symbol('KEY_STORE');
