import { Logger } from '@nestjs/common';
import {
  InMemoryPassportMatchBudget,
  type PassportMatchBudget,
  readSideOf,
  UploadConfirmations,
  type BatchInvitees,
  type MemberLookup,
  Memberships,
  PassportLookup,
  ServiceSettings,
  UploadLookups,
  type AuditLogPorts,
} from '@invitations/application';
import type { Clock } from '@invitations/kernel';
import type { EventStore, KeyStore, PersonalDataStore } from '@invitations/event-store';
import type { ReadModelStores, ServiceConfig } from '@invitations/runtime';
import type { ValidationWorkers } from '@invitations/uploads';

/** Injection token of the ports the application's use cases run on. */
export const APPLICATION_PORTS = Symbol('APPLICATION_PORTS');

/** What the gateway hands the use cases: the stores, the read models' answers, the settings. */
export interface ApplicationPorts {
  /** The keys personal data is encrypted under: erasure destroys them. */
  keys: KeyStore;
  store: EventStore;
  passports: PassportLookup;
  /** The audit log's entries, a page at a time (read by the audit log and its CSV). */
  audit: AuditLogPorts['audit'];
  memberships: Memberships;
  invitees: BatchInvitees;
  members: MemberLookup;
  lookups: UploadLookups;
  settings: ServiceSettings;
  workers: ValidationWorkers;
  lookupConcurrency: number | undefined;
  /**
   * Where upload confirmation jobs run in this process: a small file's, inside its request; and, when this process
   * runs the background work, every job from the log (the same instance, so a job never runs twice at once here).
   */
  confirmations: UploadConfirmations;
  /** PASSPORT_MATCHES_PER_DAY, counted in this gateway. */
  passportMatches: PassportMatchBudget;
}

export function applicationPorts(
  config: ServiceConfig,
  opened: {
    store: PersonalDataStore;
    readModels: ReadModelStores;
    workers: ValidationWorkers;
    /** The secret invitation tokens derive from (INVITATION_TOKEN_SECRET). */
    tokenSecret: Uint8Array;
  },
  clock: Clock,
): ApplicationPorts {
  const { store, readModels, workers, tokenSecret } = opened;
  const { maxBytes, maxRows, maxFieldLength, previewTtlHours } = config.uploads;
  const readSide = readSideOf(readModels.readModels);
  const settings: ServiceSettings = {
    defaultPhoneRegion: config.defaultPhoneRegion,
    maxFieldLength,
    invitationTtlDays: config.invitationTtlDays,
    reminderDaysBeforeExpiry: config.reminderDaysBeforeExpiry,
    invitationTokenSecret: tokenSecret,
    limits: { maxBytes, maxRows, maxFieldLength },
    previewTtlHours,
  };
  return {
    store,
    keys: store.keys,
    ...readSide,
    members: readModels.readModels.pools,
    audit: readModels.readModels.audit,
    settings,
    workers,
    passportMatches: new InMemoryPassportMatchBudget(config.passportMatchesPerDay),
    // The in-memory read models answer on this thread without waiting: looking batches up ahead of the one classified
    // would only keep more rows alive. MongoDB's round trips are hidden by looking a few batches up at once.
    lookupConcurrency: config.readStore === 'embedded' ? 1 : undefined,
    confirmations: new UploadConfirmations(
      { store, ...readSide, settings },
      { clock, logger: new Logger('UploadConfirmations') },
    ),
  };
}
