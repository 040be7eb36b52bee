export { EmbeddedEventStore, logOpenReportOf } from './embedded/embedded-event-store';
export type { LogOpenReport } from './embedded/embedded-event-store';
export type { LogRepair, PreviousStop } from './embedded/log-recovery';
export { embeddedStoreHolder, verifyEmbeddedLog } from './embedded/log-verification';
export type { DamagedStretch, LogVerification } from './embedded/log-verification';
export { ReadOnlyLog } from './embedded/read-only-log';
export type { EventLogReader } from './embedded/read-only-log';
export { encodeRecord } from './embedded/record-format';
export type { EsdbEventStore, EsdbEventStoreOptions } from './esdb/esdb-event-store';
export { connectEventStoreDb } from './esdb/connect';
export { EVENT_STORE, WrongExpectedRevisionError } from './event-store.port';
export type {
  EventStore,
  ExpectedRevision,
  MultiStreamAppend,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendOutcome,
  SubscribeOptions,
  Subscription,
} from './event-store.port';
export { handleCommand, loadStream, toNewEvent } from './handle-command';
export {
  IDEMPOTENCY_KEY_CLAIMED,
  claimIdempotencyKey,
  idempotencyKeyStreamId,
  type IdempotencyClaim,
  type IdempotencyKeyClaimed,
} from './idempotency-keys';
export type { KeyStore } from './personal-data/key-store.port';
export { FileKeyStore } from './personal-data/file-key-store';
export {
  ErasedSubjectError,
  PersonalDataReader,
  PersonalDataStore,
  SEALED_FIELD,
  type PersonalDataOptions,
  type PersonalDataRule,
} from './personal-data/personal-data-store';
