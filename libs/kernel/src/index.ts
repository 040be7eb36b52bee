export { CLOCK, systemClock } from './clock';
export type { Clock } from './clock';
export type { CommandContext } from './command-context';
export { fold } from './decider';
export type { Decider, Event } from './decider';
export { deriveId, newId } from './ids';
export { ServiceError, type ErrorCode, type FieldError } from './service-error';
export type { Logger } from './logger';
export { backoffDelayMs, type Backoff } from './backoff';
