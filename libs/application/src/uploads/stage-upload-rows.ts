import {
  invitationSchedule,
  inviteeDecider,
  inviteeStreamId,
  poolSeatDecider,
  poolSeatStreamId,
  type InviteeEvent,
  type InviteeState,
  type PoolSeatEvent,
  type UploadRow,
} from '@invitations/domain';
import {
  loadStream,
  toNewEvent,
  type EventStore,
  type NewEvent,
  type StreamAppend,
} from '@invitations/event-store';
import { deriveId, ServiceError } from '@invitations/kernel';
import { termsOfBatch } from '../invitations/invitation-terms';
import { newInvitation } from '../invitations/new-invitation';
import { classifiedAgainstPassports } from '../invitees/person-intake';
import { batchOfOrganisation } from '../tenancy/tenant-streams';
import { sendInvitations, type SendInvitationsDeps } from '../invitations/send-invitations';
import type { AdminContext } from '../ports';
import { seatKeysOf } from '../seats/pool-seats';
import { stagePerson } from '../staging/stage-person';

/** The rows of an upload to stage at once (a chunk), and what to do with them. */
export interface RowsToStage {
  uploadId: string;
  batch: { batchId: string; poolId: string; organisationId: string };
  rows: readonly UploadRow[];
  /** Invite them once staged, with this message; null to stage only. */
  invite: { message: string | null } | null;
  /** Who confirmed, and when these rows are staged. */
  context: AdminContext;
}

export interface StagedRows {
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  /** The log position the read models must reach to show them (-1n when nothing was written). */
  position: bigint;
}

/**
 * The rows of a chunk staged together (see stageUploadRows). Everything a slice holds while its appends commit (its
 * rows' plans, their events encoded, the promises awaiting them) outlives the young generation's collections, which
 * copy it at each: a whole chunk of 1,000 rows at once made a 150,000-row confirmation with invitations spend 125-130 s
 * of the gateway's CPU, slices of 100 85-86 s (measured in turns on 2026-12-06, `npm run bench -- --part confirm`),
 * for ten times as many appends, which the log commits together with the process manager's anyway.
 */
export const ROWS_PER_SLICE = 100;

/** Rows staged one by one (the path of a single person) at once, when they cannot go the batched way. */
const ONE_BY_ONE_PARALLELISM = 32;

/**
 * The ids a row of an upload is staged and invited with: the same however often the row is gone through.
 * `sendCommandId` is the upload's invitations' command id, deriveId(uploadId, 'send') (see sendCommandIdOf).
 */
export function rowIds(uploadId: string, row: UploadRow, sendCommandId = sendCommandIdOf(uploadId)) {
  const inviteeId = deriveId(uploadId, 'row', String(row.row));
  return {
    inviteeId,
    stageCommandId: deriveId(uploadId, 'stage', String(row.row)),
    /** As sendInvitations derives them from its command id (its invitation: newInvitation). */
    sendCommandId: deriveId(sendCommandId, inviteeId),
  };
}

/** The command id of the invitations a confirmation sends (as sendInvitations' for the rows staged one by one). */
export const sendCommandIdOf = (uploadId: string): string => deriveId(uploadId, 'send');

/** One row on its way: its ids, its seats and what is known of their streams. */
interface RowPlan {
  row: UploadRow;
  ids: ReturnType<typeof rowIds>;
  seats: { key: 'email' | 'mobile'; streamId: string; revision: bigint | null; reserve: boolean }[];
}

/**
 * Stages the rows of an upload, and invites them when asked, with the same rules as staging one person (a seat in
 * the pool per email and per mobile, reserved with the seat stream's exact revision; then the invitee's stream),
 * a slice of ROWS_PER_SLICE rows at a time: the seats of all its rows in one append to many streams, then every
 * invitee's stream (staged, and invited in the same decision) in another. On the embedded log that is two syncs for
 * a hundred rows, where one person at a time costs three or four each.
 *
 * Duplicates are skipped. A row whose seat is held by anyone else, whose invitee is already written (a chunk gone
 * through again after a restart), or whose append was refused, goes the one-by-one way (stagePerson, then
 * sendInvitations), which decides it again on what the streams hold: a person who took a seat in the pool since the
 * preview is skipped as a duplicate, and a row already staged (or invited) is found so, not written twice. Every id
 * derives from the upload and the row.
 */
export async function stageUploadRows(deps: SendInvitationsDeps, request: RowsToStage): Promise<StagedRows> {
  const outcome: StagedRows = { staged: 0, skippedDuplicates: 0, invited: 0, autoAccepted: 0, position: -1n };
  const wrote = (position: bigint) => {
    if (position > outcome.position) outcome.position = position;
  };
  const candidates = request.rows.filter((row) => row.duplicateReasons.length === 0);
  outcome.skippedDuplicates += request.rows.length - candidates.length;

  // Invited on the batch's terms (its own, else its organisation's), read once for the chunk.
  const schedule = request.invite ? await scheduleOf(deps, request) : null;
  const oneByOne: UploadRow[] = [];
  for (let from = 0; from < candidates.length; from += ROWS_PER_SLICE) {
    const slice = candidates.slice(from, from + ROWS_PER_SLICE);
    const { batched, oneByOne: aside } = await planRows(deps.store, request, slice);
    oneByOne.push(...aside);
    const seated = await reserveSeats(deps.store, request, batched, oneByOne, wrote);
    const written = await writeInvitees(deps, request, schedule, seated, oneByOne, wrote);
    outcome.staged += written.staged;
    outcome.invited += written.invited;
    outcome.autoAccepted += written.autoAccepted;
  }

  const alone = await stageOneByOne(deps, request, oneByOne, wrote);
  outcome.staged += alone.staged;
  outcome.skippedDuplicates += alone.skipped;
  outcome.invited += alone.invited;
  outcome.autoAccepted += alone.autoAccepted;
  return outcome;
}

/** Reads what the rows' streams hold, and sorts the rows: the batched way when nothing stands in it. */
async function planRows(store: EventStore, request: RowsToStage, rows: readonly UploadRow[]) {
  const { poolId } = request.batch;
  const sendCommandId = sendCommandIdOf(request.uploadId);
  const plans = await Promise.all(
    rows.map(async (row): Promise<RowPlan | UploadRow> => {
      const ids = rowIds(request.uploadId, row, sendCommandId);
      if ((await store.streamRevision(inviteeStreamId(ids.inviteeId))) !== null) return row;
      const seats: RowPlan['seats'] = [];
      for (const { key, value } of seatKeysOf(row.person)) {
        const streamId = poolSeatStreamId(poolId, key, value);
        // Nearly always a seat nobody took: no need to read a stream that is not there.
        if ((await store.streamRevision(streamId)) === null) {
          seats.push({ key, streamId, revision: null, reserve: true });
          continue;
        }
        const { state, revision } = await loadStream(store, streamId, poolSeatDecider);
        // Held by someone else: whether that holder still counts is the one-by-one way's question.
        if (state.holderInviteeId !== null && state.holderInviteeId !== ids.inviteeId) return row;
        seats.push({ key, streamId, revision, reserve: state.holderInviteeId === null });
      }
      return { row, ids, seats };
    }),
  );
  const batched: RowPlan[] = [];
  const oneByOne: UploadRow[] = [];
  const seatStreams = new Set<string>();
  for (const plan of plans) {
    if (!('ids' in plan)) oneByOne.push(plan);
    // Two rows of a slice on one seat cannot both win: the second decides on what the first left.
    else if (plan.seats.some((seat) => seatStreams.has(seat.streamId))) oneByOne.push(plan.row);
    else {
      for (const seat of plan.seats) seatStreams.add(seat.streamId);
      batched.push(plan);
    }
  }
  return { batched, oneByOne };
}

/** The seats of every row in one append to many streams; a row with a seat refused goes one by one. */
async function reserveSeats(
  store: EventStore,
  request: RowsToStage,
  plans: readonly RowPlan[],
  oneByOne: UploadRow[],
  wrote: (position: bigint) => void,
): Promise<RowPlan[]> {
  const { poolId } = request.batch;
  const appends: StreamAppend[] = [];
  const owners: RowPlan[] = [];
  for (const plan of plans) {
    const context = { ...request.context, commandId: plan.ids.stageCommandId };
    for (const seat of plan.seats) {
      if (!seat.reserve) continue;
      const events: PoolSeatEvent[] = poolSeatDecider.decide(
        { type: 'ReservePoolSeat', poolId, inviteeId: plan.ids.inviteeId, key: seat.key, holderIsLive: true },
        poolSeatDecider.initialState(),
      );
      const reserveContext = { ...context, commandId: deriveId(context.commandId, 'reserve', seat.key) };
      appends.push({
        streamId: seat.streamId,
        events: events.map((event, index) => toNewEvent(event, reserveContext, seat.streamId, index)),
        expected: seat.revision ?? 'no_stream',
      });
      owners.push(plan);
    }
  }
  const outcomes = await store.appendToStreams(appends);
  const refused = new Set<RowPlan>();
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) wrote(outcome.result.position);
    else refused.add(owners[index]);
  });
  for (const plan of refused) oneByOne.push(plan.row);
  return plans.filter((plan) => !refused.has(plan));
}

/**
 * Every seated row's invitee stream in one append to many streams: InviteeStaged, and, when inviting, what
 * inviting decides on the staged invitee (InvitationSent, or InvitationAccepted for a member of another pool of
 * the organisation), as the two commands would have written them one after the other.
 */
async function writeInvitees(
  deps: SendInvitationsDeps,
  request: RowsToStage,
  schedule: InvitationSchedule | null,
  seated: readonly RowPlan[],
  oneByOne: UploadRow[],
  wrote: (position: bigint) => void,
) {
  const { context, batch, invite } = request;
  let plans = seated;
  const now = context.now.toISOString();
  const sendCommandId = sendCommandIdOf(request.uploadId);
  // Sending compares each person with the passports as they are now: a row whose classification changed since
  // the preview goes the one-by-one way, where sendInvitations records the change (and skips one now INVALID).
  if (invite) plans = await classifiedAsPreviewed(deps, plans, oneByOne);
  const members = invite ? await membersElsewhere(deps, batch, plans) : new Map<RowPlan, string>();
  const counts = { staged: 0, invited: 0, autoAccepted: 0 };
  const kinds: ('invited' | 'autoAccepted' | null)[] = [];
  const appends: StreamAppend[] = plans.map((plan) => {
    const { row, ids } = plan;
    const streamId = inviteeStreamId(ids.inviteeId);
    const staged = inviteeDecider.decide(
      { type: 'StageInvitee', inviteeId: ids.inviteeId, ...stagingOf(request, row), now },
      inviteeDecider.initialState(),
    );
    const events: NewEvent[] = staged.map((event, index) =>
      toNewEvent(event, { ...context, commandId: ids.stageCommandId }, streamId, index),
    );
    let kind: 'invited' | 'autoAccepted' | null = null;
    if (invite) {
      const sent = invitation(staged, {
        type: 'SendInvitation',
        ...newInvitation(deps.settings, sendCommandId, ids.inviteeId),
        message: invite.message,
        now,
        ...schedule!,
        memberElsewhereWithPassportId: members.get(plan) ?? null,
      });
      sent.forEach((event, index) =>
        events.push(toNewEvent(event, { ...context, commandId: ids.sendCommandId }, streamId, index)),
      );
      if (sent.length > 0) kind = sent[0].type === 'InvitationAccepted' ? 'autoAccepted' : 'invited';
    }
    kinds.push(kind);
    return { streamId, events, expected: 'no_stream' };
  });
  const outcomes = await deps.store.appendToStreams(appends);
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) {
      oneByOne.push(plans[index].row);
      return;
    }
    wrote(outcome.result.position);
    counts.staged += 1;
    const kind = kinds[index];
    if (kind !== null) counts[kind] += 1;
  });
  return counts;
}

/** When the rows' invitations expire and are reminded: on the batch's terms (its own, else its organisation's). */
async function scheduleOf(deps: SendInvitationsDeps, { batch, context }: RowsToStage) {
  const terms = await termsOfBatch(
    deps,
    await batchOfOrganisation(deps.store, batch.organisationId, batch.batchId),
  );
  return invitationSchedule(context.now.toISOString(), terms);
}

type InvitationSchedule = ReturnType<typeof invitationSchedule>;

/** The rows whose person the passports classify now as the preview did; the others are put to go one by one. */
async function classifiedAsPreviewed(
  deps: SendInvitationsDeps,
  plans: readonly RowPlan[],
  oneByOne: UploadRow[],
): Promise<RowPlan[]> {
  const same = await Promise.all(
    plans.map(async ({ row }) => {
      const now = await classifiedAgainstPassports(row.person, deps.passports);
      return (
        now.uploadStatus === row.uploadStatus &&
        now.passportId === row.passportId &&
        now.discrepancies.length === row.discrepancies.length &&
        now.discrepancies.every((field, i) => field === row.discrepancies[i])
      );
    }),
  );
  plans.forEach((plan, index) => {
    if (!same[index]) oneByOne.push(plan.row);
  });
  return plans.filter((_, index) => same[index]);
}

/** What inviting decides on the person just staged: nothing when the domain refuses it (e.g. INVALID details). */
function invitation(staged: InviteeEvent[], command: Parameters<typeof inviteeDecider.decide>[0]) {
  let state: InviteeState = inviteeDecider.initialState();
  for (const event of staged) state = inviteeDecider.evolve(state, event);
  try {
    return inviteeDecider.decide(command, state);
  } catch (error) {
    if (error instanceof ServiceError) return [];
    throw error;
  }
}

/** The rows whose person is already a member of another pool of the organisation, with their passport. */
async function membersElsewhere(
  deps: SendInvitationsDeps,
  batch: RowsToStage['batch'],
  plans: readonly RowPlan[],
): Promise<Map<RowPlan, string>> {
  const members = new Map<RowPlan, string>();
  await Promise.all(
    plans.map(async (plan) => {
      const { row } = plan;
      // INVALID people are not invited: no need to look.
      if (row.uploadStatus === 'INVALID') return;
      const passportId =
        row.passportId ?? (await deps.passports.byEmail(row.person.email))?.passportId ?? null;
      if (passportId === null) return;
      const member = await deps.memberships.isMemberOfAnotherPool(
        batch.organisationId,
        passportId,
        batch.poolId,
      );
      if (member) members.set(plan, passportId);
    }),
  );
  return members;
}

/** What staging a row records, whichever way it goes: the person into the batch, classified as previewed. */
function stagingOf(request: RowsToStage, row: UploadRow) {
  return {
    batch: request.batch,
    person: row.person,
    classification: {
      uploadStatus: row.uploadStatus,
      discrepancies: row.discrepancies,
      passportId: row.passportId,
    },
    uploadId: request.uploadId,
  };
}

/**
 * The rows that cannot go the batched way, each as one person is staged (then invited): decided again on what the
 * streams hold, with the same ids, so a row staged or invited before is found so.
 */
async function stageOneByOne(
  deps: SendInvitationsDeps,
  request: RowsToStage,
  rows: readonly UploadRow[],
  wrote: (position: bigint) => void,
) {
  const counts = { staged: 0, skipped: 0, invited: 0, autoAccepted: 0 };
  const staged: string[] = [];
  const sendCommandId = sendCommandIdOf(request.uploadId);
  const stageRow = async (row: UploadRow) => {
    const ids = rowIds(request.uploadId, row, sendCommandId);
    try {
      wrote(
        await stagePerson(deps.store, {
          inviteeId: ids.inviteeId,
          ...stagingOf(request, row),
          context: { ...request.context, commandId: ids.stageCommandId },
        }),
      );
      staged.push(ids.inviteeId);
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === 'CONFLICT')) throw error;
      counts.skipped += 1;
    }
  };
  for (let i = 0; i < rows.length; i += ONE_BY_ONE_PARALLELISM) {
    await Promise.all(rows.slice(i, i + ONE_BY_ONE_PARALLELISM).map(stageRow));
  }
  counts.staged = staged.length;
  if (request.invite && staged.length > 0) {
    const sent = await sendInvitations(
      deps,
      { ...request.context, commandId: sendCommandId },
      { batchId: request.batch.batchId, inviteeIds: staged, all: false, message: request.invite.message },
    );
    counts.invited = sent.invited.length;
    counts.autoAccepted = sent.autoAccepted.length;
    wrote(sent.position);
  }
  return counts;
}
