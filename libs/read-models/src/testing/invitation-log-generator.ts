import type { EventStore, ExpectedRevision, NewEvent } from '@invitations/event-store';
import type { PersonDetails, ProfileField, UploadStatus } from '@invitations/domain';
import {
  batchStreamId,
  inviteeStreamId,
  passportKeyStreamId,
  passportStreamId,
  poolSeatStreamId,
  poolStreamId,
} from '@invitations/domain';

/**
 * Generates a realistic event log of the invitation workflow, deterministically (seeded): pools,
 * batches, people staged (some matching passports, some with discrepancies then corrected, a few
 * removed), invited, tokens issued, accepted (passports created for new people, automatic acceptance
 * for members of another pool of the organisation), resent, revoked or expired. The batches go through
 * in waves, so people accepted in one wave come back as existing passports in the next.
 */

export interface LogShape {
  organisations: number;
  poolsPerOrganisation: number;
  batchesPerPool: number;
  inviteesPerBatch: number;
  seed?: number;
  /**
   * Also the lifecycle past "sent": reminders scheduled and sent, declines, extensions (of expired invitations
   * too), people found INVALID against a passport created meanwhile, members removed, pools and batches renamed.
   * Off by default, so that the benchmark's log stays the one its figures were measured on.
   */
  lifecycle?: boolean;
  /**
   * Whether each invitation's messages are recorded too (their streams, queued then reported on). Off by default,
   * so the log the benchmark rebuilds stays the same as before messages were recorded.
   */
  deliveries?: boolean;
}

/** One append: one stream, its events, the stream's exact expected revision. */
export interface GeneratedAppend {
  streamId: string;
  expected: ExpectedRevision;
  events: NewEvent[];
}

export interface GeneratedLog {
  /** Appends in order, step by step; the appends of one step touch distinct streams, so they may run concurrently. */
  steps: GeneratedAppend[][];
  eventCount: number;
}

interface Person {
  details: PersonDetails;
  passportId: string | null;
  pools: Set<string>;
  /** Organisations with a pool this person is a member of. */
  memberOf: Set<string>;
}

interface Invitee {
  inviteeId: string;
  organisationId: string;
  poolId: string;
  batchId: string;
  person: Person;
  uploadStatus: UploadStatus;
  invitationId: string | null;
}

const FIRST_NAMES = [
  'Ada',
  'Zoë',
  'Chloé',
  'Noah',
  'Mia',
  'Liam',
  'Ava',
  'José',
  'Ngaio',
  'Sofia',
  'Oliver',
  'Léa',
];
const LAST_NAMES = [
  'Lovelace',
  'Brontë',
  'Nguyen',
  'Smith',
  "O'Brien",
  'Müller',
  'García',
  'Wang',
  'Tane',
  'Novak',
];
const JOB_ROLES = ['Nurse', 'Carer', 'Cleaner', 'Analyst', null];

/** Builds the whole log in memory. */
export function generateInvitationLog(shape: LogShape): GeneratedLog {
  return new LogGenerator(shape).generate();
}

/** Appends the log, each step's appends `concurrency` at a time (the store groups them into few commits). */
export async function appendGeneratedLog(
  store: EventStore,
  log: GeneratedLog,
  concurrency = 1000,
): Promise<void> {
  for (const step of log.steps) {
    for (let start = 0; start < step.length; start += concurrency) {
      const appends = step.slice(start, start + concurrency);
      await Promise.all(
        appends.map(({ streamId, events, expected }) => store.append(streamId, events, expected)),
      );
    }
  }
}

class LogGenerator {
  private readonly random: () => number;
  private readonly revisions = new Map<string, number>();
  private readonly steps: GeneratedAppend[][] = [];
  private readonly people: Person[] = [];
  private eventCount = 0;
  private idCounter = 0;
  private clock = Date.parse('2025-01-01T00:00:00.000Z');

  constructor(private readonly shape: LogShape) {
    this.random = mulberry32(shape.seed ?? 42);
  }

  generate(): GeneratedLog {
    const pools = this.createPools();
    for (let wave = 0; wave < this.shape.batchesPerPool; wave += 1) this.runWave(pools);
    return { steps: this.steps, eventCount: this.eventCount };
  }

  private createPools(): Array<{ poolId: string; organisationId: string }> {
    this.step();
    const pools: Array<{ poolId: string; organisationId: string }> = [];
    for (let org = 0; org < this.shape.organisations; org += 1) {
      const organisationId = this.id();
      for (let p = 0; p < this.shape.poolsPerOrganisation; p += 1) {
        const poolId = this.id();
        const createdAt = this.tick();
        const data = { poolId, organisationId, name: `Pool ${p + 1}`, createdAt };
        this.append(poolStreamId(poolId), organisationId, [{ type: 'ResourcePoolCreated', data }]);
        pools.push({ poolId, organisationId });
      }
    }
    return pools;
  }

  /** One batch in every pool, through the whole workflow. */
  private runWave(pools: Array<{ poolId: string; organisationId: string }>): void {
    this.step();
    const batches = pools.map(({ poolId, organisationId }) => {
      const batchId = this.id();
      const data = {
        batchId,
        poolId,
        organisationId,
        name: `Intake ${this.steps.length}`,
        createdAt: this.tick(),
      };
      this.append(batchStreamId(batchId), organisationId, [{ type: 'BatchCreated', data }]);
      return { batchId, poolId, organisationId };
    });
    this.step();
    const staged = batches.flatMap((batch) => this.stageBatch(batch));
    this.step();
    const kept = staged.filter((invitee) => this.amend(invitee));
    this.step();
    const invited = kept.filter((invitee) => this.random() < 0.85 && this.send(invitee));
    this.step();
    for (const invitee of invited) this.issueToken(invitee);
    const outcomes = invited.map((invitee) => ({ invitee, roll: this.random() }));
    this.step();
    for (const { invitee, roll } of outcomes) if (roll < 0.65) this.ensurePassport(invitee.person);
    this.step();
    const resent = outcomes
      .filter(({ invitee, roll }) => this.conclude(invitee, roll))
      .map(({ invitee }) => invitee);
    this.step();
    for (const invitee of resent) this.issueToken(invitee);
    if (!this.shape.lifecycle) return;
    this.step();
    for (const { invitee, roll } of outcomes) this.afterwards(invitee, roll);
    for (const { poolId, organisationId } of pools.slice(0, 1)) {
      const data = { poolId, name: `Pool renamed in wave ${this.steps.length}`, renamedAt: this.tick() };
      this.append(poolStreamId(poolId), organisationId, [{ type: 'ResourcePoolRenamed', data }]);
    }
    for (const { batchId, organisationId } of batches.slice(0, 2)) {
      const data = {
        batchId,
        name: `Renamed ${batchId.slice(-4)}`,
        invitationTtlDays: 7,
        reminderDaysBeforeExpiry: 2,
        updatedAt: this.tick(),
      };
      this.append(batchStreamId(batchId), organisationId, [{ type: 'BatchUpdated', data }]);
    }
  }

  /** What became of an invitation after its first outcome, in the lifecycle past "sent". */
  private afterwards(invitee: Invitee, roll: number): void {
    const { inviteeId, batchId, poolId, organisationId, person } = invitee;
    const stream = inviteeStreamId(inviteeId);
    const invitationId = invitee.invitationId ?? '';
    const next = this.random();
    if (roll < 0.65 && person.passportId !== null) {
      if (next >= 0.1) return;
      const data = { inviteeId, batchId, poolId, passportId: person.passportId, removedAt: this.tick() };
      this.append(stream, organisationId, [{ type: 'MemberRemoved', data }]);
      this.reserveSeats(invitee, 'PoolSeatReleased');
      person.pools.delete(poolId);
    } else if (roll >= 0.7 && roll < 0.75 && next < 0.5) {
      const at = this.tick();
      const data = {
        inviteeId,
        invitationId,
        previousExpiresAt: at,
        expiresAt: plusDays(at, 7),
        remindAt: plusDays(at, 5),
        extendedAt: at,
        reinstated: true,
      };
      this.append(stream, organisationId, [{ type: 'InvitationExtended', data }]);
    } else if (roll >= 0.83) {
      const at = this.tick();
      if (next < 0.3) {
        const data = { inviteeId, invitationId, remindedAt: at, automatic: true, message: null };
        this.append(stream, organisationId, [{ type: 'InviteeReminded', data }]);
      } else if (next < 0.5) {
        const data = { inviteeId, invitationId, declinedAt: at };
        this.append(stream, organisationId, [{ type: 'InvitationDeclined', data }]);
      } else if (next < 0.6) {
        const data = {
          inviteeId,
          invitationId,
          previousExpiresAt: plusDays(at, 1),
          expiresAt: plusDays(at, 8),
          remindAt: plusDays(at, 6),
          extendedAt: at,
          reinstated: false,
        };
        this.append(stream, organisationId, [{ type: 'InvitationExtended', data }]);
      } else if (next < 0.7 && invitee.uploadStatus === 'NEW') {
        const data = {
          inviteeId,
          uploadStatus: 'INVALID',
          discrepancies: ['DATE_OF_BIRTH'],
          passportId: this.id(),
        };
        this.append(stream, organisationId, [{ type: 'InviteeReclassified', data }]);
      }
    }
  }

  private stageBatch(batch: { batchId: string; poolId: string; organisationId: string }): Invitee[] {
    const invitees: Invitee[] = [];
    for (let i = 0; i < this.shape.inviteesPerBatch; i += 1) {
      const person = this.pickPerson(batch.poolId);
      person.pools.add(batch.poolId);
      const invitee: Invitee = {
        ...batch,
        inviteeId: this.id(),
        person,
        uploadStatus: 'NEW',
        invitationId: null,
      };
      let details = person.details;
      let discrepancies: ProfileField[] = [];
      if (person.passportId !== null) {
        invitee.uploadStatus = this.random() < 0.25 ? 'INVALID' : 'EXISTING';
        if (invitee.uploadStatus === 'INVALID') {
          details = { ...details, firstName: `${details.firstName}e` };
          discrepancies = ['FIRST_NAME'];
        }
      }
      this.reserveSeats(invitee, 'PoolSeatReserved');
      const data = {
        inviteeId: invitee.inviteeId,
        ...batch,
        stagedAt: this.tick(),
        person: details,
        uploadStatus: invitee.uploadStatus,
        discrepancies,
        passportId: person.passportId,
        uploadId: i % 2 === 0 ? null : `upload-of-${batch.batchId}`,
      };
      this.append(inviteeStreamId(invitee.inviteeId), batch.organisationId, [
        { type: 'InviteeStaged', data },
      ]);
      invitees.push(invitee);
    }
    return invitees;
  }

  /** Corrects the invalid and some others; removes a few. False when removed. */
  private amend(invitee: Invitee): boolean {
    const stream = inviteeStreamId(invitee.inviteeId);
    const roll = this.random();
    if (invitee.uploadStatus !== 'INVALID' && roll < 0.03) {
      this.append(stream, invitee.organisationId, [
        { type: 'InviteeRemoved', data: { inviteeId: invitee.inviteeId } },
      ]);
      this.reserveSeats(invitee, 'PoolSeatReleased');
      invitee.person.pools.delete(invitee.poolId);
      return false;
    }
    if (invitee.uploadStatus === 'INVALID' || roll < 0.12) {
      if (invitee.uploadStatus === 'INVALID') invitee.uploadStatus = 'EXISTING';
      const person = {
        ...invitee.person.details,
        jobRole: JOB_ROLES[Math.floor(this.random() * JOB_ROLES.length)],
      };
      const data = {
        inviteeId: invitee.inviteeId,
        person,
        uploadStatus: invitee.uploadStatus,
        discrepancies: [],
        passportId: invitee.person.passportId,
      };
      this.append(stream, invitee.organisationId, [{ type: 'InviteeCorrected', data }]);
    }
    return true;
  }

  /** Invites, or accepts at once a member of another pool of the organisation. False when accepted at once. */
  private send(invitee: Invitee): boolean {
    const { inviteeId, batchId, poolId, person, organisationId } = invitee;
    const stream = inviteeStreamId(inviteeId);
    if (person.passportId !== null && person.memberOf.has(organisationId)) {
      const data = {
        inviteeId,
        batchId,
        poolId,
        passportId: person.passportId,
        invitationId: null,
        acceptedAt: this.tick(),
        autoAccepted: true,
      };
      this.append(stream, organisationId, [{ type: 'InvitationAccepted', data }]);
      return false;
    }
    invitee.invitationId = this.id();
    const sentAt = this.tick();
    const data = {
      inviteeId,
      invitationId: invitee.invitationId,
      batchId,
      poolId,
      message: null,
      sentAt,
      expiresAt: plusDays(sentAt, 14),
      ...(this.shape.lifecycle ? { remindAt: plusDays(sentAt, 11) } : {}),
    };
    this.append(stream, organisationId, [{ type: 'InvitationSent', data }]);
    return true;
  }

  private issueToken(invitee: Invitee): void {
    const data = {
      inviteeId: invitee.inviteeId,
      invitationId: invitee.invitationId,
      tokenHash: (this.idCounter++).toString(16).padStart(64, 'f'),
      issuedAt: this.tick(),
    };
    this.append(inviteeStreamId(invitee.inviteeId), invitee.organisationId, [
      { type: 'InvitationTokenIssued', data },
    ]);
    if (this.shape.deliveries) this.sendMessages(invitee);
  }

  /** The invitation's email, and text message when a mobile is known, each with what its provider reported. */
  private sendMessages(invitee: Invitee): void {
    const channels = invitee.person.details.mobile ? ['EMAIL', 'SMS'] : ['EMAIL'];
    for (const channel of channels) {
      const messageId = this.id();
      const { inviteeId } = invitee;
      const events: Array<{ type: string; data: unknown }> = [
        {
          type: 'MessageQueued',
          data: {
            messageId,
            inviteeId,
            invitationId: invitee.invitationId,
            channel,
            kind: 'INVITATION',
            queuedAt: this.tick(),
          },
        },
      ];
      const roll = this.random();
      const [, reports] = MESSAGE_OUTCOMES.find(([upTo]) => roll < upTo)!;
      for (const [type, reason] of reports) {
        const data =
          type === 'MessageSent'
            ? { messageId, inviteeId, sentAt: this.tick(), providerReference: messageId, receiptId: null }
            : { messageId, inviteeId, at: this.tick(), reason, receiptId: this.id() };
        events.push({ type, data });
      }
      this.append(`message-${messageId}`, invitee.organisationId, events, null);
    }
  }

  /** A new person's passport is created as they accept. */
  private ensurePassport(person: Person): void {
    if (person.passportId !== null) return;
    const passportId = this.id();
    person.passportId = passportId;
    const { email, mobile, dateOfBirth, firstName, middleNames, lastName, preferredName } = person.details;
    this.append(passportKeyStreamId('email', email), null, [
      { type: 'PassportKeyClaimed', data: { passportId, key: 'email' } },
    ]);
    if (mobile) {
      this.append(passportKeyStreamId('mobile', mobile), null, [
        { type: 'PassportKeyClaimed', data: { passportId, key: 'mobile' } },
      ]);
    }
    const data = { passportId, email, mobile, dateOfBirth, firstName, middleNames, lastName, preferredName };
    this.append(passportStreamId(passportId), null, [{ type: 'PassportCreated', data }]);
  }

  /** Accepts, revokes, expires, resends or leaves pending. True when resent. */
  private conclude(invitee: Invitee, roll: number): boolean {
    const { inviteeId, batchId, poolId, organisationId, person } = invitee;
    const stream = inviteeStreamId(inviteeId);
    const invitationId = invitee.invitationId ?? '';
    if (roll < 0.65 && person.passportId !== null) {
      const acceptedAt = this.tick();
      const data = {
        inviteeId,
        batchId,
        poolId,
        passportId: person.passportId,
        invitationId,
        acceptedAt,
        autoAccepted: false,
      };
      this.append(stream, organisationId, [{ type: 'InvitationAccepted', data }], null);
      person.memberOf.add(organisationId);
    } else if (roll < 0.7) {
      this.append(stream, organisationId, [
        { type: 'InvitationRevoked', data: { inviteeId, invitationId, revokedAt: this.tick() } },
      ]);
    } else if (roll < 0.75) {
      this.append(stream, organisationId, [
        { type: 'InvitationExpired', data: { inviteeId, invitationId, expiredAt: this.tick() } },
      ]);
    } else if (roll < 0.83) {
      invitee.invitationId = this.id();
      const sentAt = this.tick();
      const data = {
        inviteeId,
        invitationId: invitee.invitationId,
        previousInvitationId: invitationId,
        batchId,
        poolId,
        message: 'A reminder',
        sentAt,
        expiresAt: plusDays(sentAt, 14),
      };
      this.append(stream, organisationId, [{ type: 'InvitationResent', data }]);
      return true;
    }
    return false;
  }

  private reserveSeats(invitee: Invitee, type: 'PoolSeatReserved' | 'PoolSeatReleased'): void {
    const { poolId, inviteeId, organisationId, person } = invitee;
    const { email, mobile } = person.details;
    this.append(poolSeatStreamId(poolId, 'email', email), organisationId, [
      { type, data: { poolId, inviteeId, key: 'email' } },
    ]);
    if (mobile) {
      this.append(poolSeatStreamId(poolId, 'mobile', mobile), organisationId, [
        { type, data: { poolId, inviteeId, key: 'mobile' } },
      ]);
    }
  }

  /** A passport holder not yet in the pool (a quarter of the time, once there are some), or a new person. */
  private pickPerson(poolId: string): Person {
    if (this.people.length > 0 && this.random() < 0.25) {
      const candidate = this.people[Math.floor(this.random() * this.people.length)];
      if (candidate.passportId !== null && !candidate.pools.has(poolId)) return candidate;
    }
    const person: Person = {
      details: this.newPersonDetails(),
      passportId: null,
      pools: new Set(),
      memberOf: new Set(),
    };
    this.people.push(person);
    return person;
  }

  private newPersonDetails(): PersonDetails {
    const n = this.people.length;
    const firstName = this.pick(FIRST_NAMES);
    const lastName = this.pick(LAST_NAMES);
    const year = 1960 + Math.floor(this.random() * 45);
    const month = String(1 + Math.floor(this.random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(this.random() * 28)).padStart(2, '0');
    return {
      email: `person.${n}@example.org`,
      dateOfBirth: `${year}-${month}-${day}`,
      firstName,
      middleNames: this.random() < 0.4 ? this.pick(FIRST_NAMES) : null,
      lastName,
      preferredName: this.random() < 0.2 ? firstName.slice(0, 3) : null,
      mobile: this.random() < 0.7 ? `+614${String(10_000_000 + n).slice(-8)}` : null,
      jobRole: this.pick(JOB_ROLES),
    };
  }

  private step(): void {
    this.steps.push([]);
  }

  private append(
    streamId: string,
    organisationId: string | null,
    events: Array<{ type: string; data: unknown }>,
    actor: string | null = organisationId && `admin-of-${organisationId}`,
  ): void {
    const revision = this.revisions.get(streamId);
    const expected: ExpectedRevision = revision === undefined ? 'no_stream' : BigInt(revision);
    this.revisions.set(streamId, (revision ?? -1) + events.length);
    const correlationId = this.id();
    const metadata = {
      organisationId,
      actor,
      correlationId,
      causationId: null,
      timestamp: '',
      schemaVersion: 1,
    };
    const recorded = events.map((event) => ({
      id: this.id(),
      ...event,
      metadata: { ...metadata, timestamp: new Date(this.clock).toISOString() },
    }));
    this.steps[this.steps.length - 1].push({ streamId, expected, events: recorded });
    this.eventCount += events.length;
  }

  private id(): string {
    const hex = (this.idCounter++).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  }

  /** Moves the clock on by up to a minute and gives the new instant. */
  private tick(): string {
    this.clock += 1000 + Math.floor(this.random() * 59_000);
    return new Date(this.clock).toISOString();
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
}

function plusDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString();
}

/** What became of a message, by share of messages (up to each bound): its reports in order, with reasons. */
const MESSAGE_OUTCOMES: Array<[number, Array<[string, string | null]>]> = [
  [
    0.5,
    [
      ['MessageSent', null],
      ['MessageDelivered', null],
    ],
  ],
  [0.65, [['MessageSent', null]]],
  [
    0.75,
    [
      ['MessageSent', null],
      ['MessageBounced', '550 5.1.1 mailbox unknown'],
    ],
  ],
  [0.8, [['MessageFailed', 'Twilio error 30003: unreachable destination handset']]],
  [
    0.82,
    [
      ['MessageSent', null],
      ['MessageDelivered', null],
      ['MessageComplained', 'abuse report'],
    ],
  ],
  [1, []],
];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same log. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
