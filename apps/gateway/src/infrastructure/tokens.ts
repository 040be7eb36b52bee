export { EVENT_STORE } from '@invitations/event-store';
export { READ_STORE } from '@invitations/read-store';
export { NOTIFIER } from '@invitations/notifications';
export { CLOCK } from '@invitations/kernel';
export { SERVICE_CONFIG } from '@invitations/runtime';
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
