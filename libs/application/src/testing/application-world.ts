import { fold } from '@invitations/kernel';
import {
  inviteeDecider,
  KEY_DESTROYING_EVENT_TYPES,
  PERSONAL_DATA_RULES,
  PERSONAL_KEYED_STREAM_PREFIXES,
  type InviteeEvent,
  type InviteeStatus,
  type Passport,
} from '@invitations/domain';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileKeyStore,
  PersonalDataStore,
  type EventStore,
  type RecordedEvent,
} from '@invitations/event-store';
import type { AdminContext, BatchInvitees, Memberships, PassportLookup, ServiceSettings } from '../ports';
import { UploadConfirmations } from '../uploads/upload-confirmations';
import { CapturingLogger } from '@invitations/kernel/testing';

/** The secret invitation tokens derive from in these tests (the notification process manager's too). */
export const TOKEN_SECRET: Uint8Array = Buffer.alloc(32, 7);

export const SETTINGS: ServiceSettings = {
  defaultPhoneRegion: 'AU',
  maxFieldLength: 256,
  invitationTtlDays: 14,
  reminderDaysBeforeExpiry: 3,
  invitationTokenSecret: TOKEN_SECRET,
  limits: { maxBytes: 35 * 1024 * 1024, maxRows: 150_000, maxFieldLength: 256 },
  previewTtlHours: 24,
};

let commands = 0;

/** An admin's command context; each call a new command id unless given. */
export function adminContext(overrides: Partial<AdminContext> = {}): AdminContext {
  commands += 1;
  return {
    organisationId: 'org-a',
    actor: 'alice',
    correlationId: `correlation-${commands}`,
    commandId: `00000000-0000-4000-8000-${String(commands).padStart(12, '0')}`,
    now: new Date('2025-03-02T09:00:00.000Z'),
    ...overrides,
  };
}

/**
 * The read models' answers, derived from the whole log at each question: always up to date, so a use case's test
 * asserts the use case, not a projection's lag.
 */
export class ReadSideFromLog implements PassportLookup, Memberships, BatchInvitees {
  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  async byEmail(email: string): Promise<Passport | null> {
    return (await this.passports()).find((passport) => passport.email === email) ?? null;
  }

  async byMobile(mobile: string): Promise<Passport | null> {
    return (await this.passports()).find((passport) => passport.mobile === mobile) ?? null;
  }

  async isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean> {
    for (const event of await this.log()) {
      if (event.type !== 'InvitationAccepted' || event.metadata.organisationId !== organisationId) continue;
      const data = event.data as { passportId: string; poolId: string };
      if (data.passportId === passportId && data.poolId !== poolId) return true;
    }
    return false;
  }

  async idsInStates(
    organisationId: string,
    batchId: string,
    states: readonly InviteeStatus[],
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const invitee of await this.invitees()) {
      if (
        invitee.status !== 'absent' &&
        (states as readonly string[]).includes(invitee.status) &&
        invitee.batchId === batchId &&
        invitee.organisationId === organisationId
      )
        ids.push(invitee.inviteeId);
    }
    return ids;
  }

  /** Every invitee with this email, not erased (an operator's erasure). */
  async withEmail(email: string): Promise<{ inviteeId: string; organisationId: string }[]> {
    return (await this.invitees()).flatMap((invitee) =>
      invitee.status !== 'absent' && !invitee.erased && invitee.person.email === email
        ? [{ inviteeId: invitee.inviteeId, organisationId: invitee.organisationId }]
        : [],
    );
  }

  /** Invited people whose reminder is due at `now` and not sent yet (what the reminder sweep asks). */
  async dueForReminder(now: string): Promise<{ inviteeId: string; organisationId: string }[]> {
    const due: { inviteeId: string; organisationId: string }[] = [];
    for (const invitee of await this.invitees()) {
      if (invitee.status !== 'INVITED') continue;
      const invitation = invitee.invitation;
      if (invitation?.remindAt && !invitation.remindedAt && invitation.remindAt <= now)
        due.push({ inviteeId: invitee.inviteeId, organisationId: invitee.organisationId });
    }
    return due;
  }

  private async invitees() {
    const streams = new Map<string, InviteeEvent[]>();
    for (const event of await this.log()) {
      if (!event.streamId.startsWith('invitee-')) continue;
      const events = streams.get(event.streamId) ?? [];
      events.push({ type: event.type, data: event.data } as InviteeEvent);
      streams.set(event.streamId, events);
    }
    return [...streams.values()].map((events) => fold(inviteeDecider, events));
  }

  private async passports(): Promise<Passport[]> {
    const log = await this.log();
    const erased = new Set(
      log.filter((event) => event.type === 'PassportErased').map((event) => event.streamId),
    );
    return log
      .filter((event) => event.type === 'PassportCreated' && !erased.has(event.streamId))
      .map((event) => event.data as Passport);
  }

  private async log(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll()) events.push(event);
    return events;
  }
}

/** An in-memory event store, and the ports the use cases take over it. */
export function applicationWorld() {
  return worldOn(new InMemoryEventStore());
}

function worldOn(store: EventStore) {
  const readSide = new ReadSideFromLog(store);
  return { store, passports: readSide, memberships: readSide, invitees: readSide, settings: SETTINGS };
}

/**
 * The world with its log as the service keeps it: personal data encrypted under keys in a temporary directory
 * (`keys`), readable `[erased]` once destroyed; `stored` is the log underneath, as written to disk.
 */
export async function privateWorld() {
  const stored = new InMemoryEventStore();
  const directory = await mkdtemp(join(tmpdir(), 'keys-'));
  const keys = await FileKeyStore.open(directory);
  const store = new PersonalDataStore(stored, {
    keys,
    rules: PERSONAL_DATA_RULES,
    keyDestroyingTypes: KEY_DESTROYING_EVENT_TYPES,
    streamIdSecret: Buffer.from('a test secret'),
    keyedStreamPrefixes: PERSONAL_KEYED_STREAM_PREFIXES,
  });
  return {
    ...worldOn(store),
    keys: store.keys,
    stored,
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}

export type ApplicationWorld = ReturnType<typeof applicationWorld>;
export type PrivateWorld = Awaited<ReturnType<typeof privateWorld>>;

/** What the log underneath holds as written (of one stream, or of all), as text: to look for a person's details. */
export async function storedText(world: PrivateWorld, streamId?: string): Promise<string> {
  const events: RecordedEvent[] = [];
  for await (const event of world.stored.readAll()) {
    if (streamId === undefined || event.streamId === streamId) events.push(event);
  }
  return JSON.stringify(events.map(({ streamId: stream, data }) => [stream, data]));
}

/** When the confirmation jobs of the tests stage and invite: just after the admins' commands (adminContext). */
export const JOB_CLOCK = { now: () => new Date('2025-03-02T09:05:00.000Z') };

/** The world, with the confirmation jobs run in this process (as a gateway runs a small file's in its request). */
export function withUploadConfirmations<World extends ApplicationWorld>(world: World, maxAttempts = 5) {
  const logger = new CapturingLogger();
  const confirmations = new UploadConfirmations(world, { clock: JOB_CLOCK, logger, maxAttempts });
  return { ...world, confirmations, logger };
}

/** The types of a stream's events, in order. */
export async function typesIn(store: Pick<EventStore, 'readStream'>, streamId: string): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(streamId)) types.push(event.type);
  return types;
}
