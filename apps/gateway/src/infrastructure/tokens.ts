export { EVENT_STORE } from '../../../../libs/event-store/src/event-store.port';
export { READ_STORE } from '../../../../libs/read-store/src/read-store.port';
export { NOTIFIER } from '../../../../libs/notifications/src/notifier.port';
export { CLOCK } from '../../../../libs/shared/src/clock';
export { SERVICE_CONFIG } from '../../../../libs/shared/src/config';
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
