import { loadConfig } from '@invitations/runtime';
import {
  replayBatch,
  replayInvitee,
  type AuditRecord,
  type BatchReplay,
  type InviteeReplay,
} from '@invitations/application';
import type { InviteeView } from '@invitations/domain';
import { optionalInstant } from '../cli/instant';
import { openLogForReading } from '../cli/stores';
import { formatRecord, formatTable } from '../cli/table';
import { UsageError } from '../cli/usage-error';
import { writeOut } from '../cli/stdout';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const usage = `npm run ops -- replay (--invitee ID | --batch ID) [--as-of INSTANT] [--json]
  The history of an invitee, or of a batch (its events and all its invitees', in log order), and the state as it
  stood at an instant, rebuilt from the log. Reads the log only: safe beside the running service (the embedded
  log is read from DATA_DIR/events without its lock).
  --invitee ID      one invitee
  --batch ID        a batch and everyone staged into it
  --as-of INSTANT   replay up to this instant, e.g. 2025-03-14T09:30:00Z (default: now)
  --json            the replay as one JSON document (events with their data) instead of tables`;

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, {
    invitee: { type: 'string' },
    batch: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (Boolean(values.invitee) === Boolean(values.batch))
    throw new UsageError(`give one of --invitee or --batch\n\n${usage}`);
  const asOf = optionalInstant(values['as-of'], '--as-of');
  const log = await openLogForReading(loadConfig());
  try {
    const replay = values.invitee
      ? await replayInvitee(log, values.invitee, asOf)
      : await replayBatch(log, values.batch!, asOf);
    const text = values.json
      ? JSON.stringify(replay, null, 2)
      : 'inviteeId' in replay
        ? inviteeText(replay)
        : batchText(replay);
    await writeOut(`${text}\n`);
  } finally {
    await log.close();
  }
}

function inviteeText(replay: InviteeReplay): string {
  return [
    `invitee ${replay.inviteeId} of organisation ${replay.organisationId ?? '-'}, as of ${replay.asOf ?? 'now'}`,
    '',
    eventsTable(replay.events, false),
    '',
    replay.state ? formatRecord(inviteeFields(replay.state)) : 'not staged yet at that instant',
  ].join('\n');
}

function batchText(replay: BatchReplay): string {
  const heading =
    replay.name === null ? 'not created yet at that instant' : `"${replay.name}" in pool ${replay.poolId}`;
  const invitees = replay.invitees.map((invitee) => [
    invitee.id,
    invitee.state,
    invitee.uploadStatus,
    invitee.email,
    invitee.invitedAt ?? '-',
    invitee.acceptedAt ?? '-',
  ]);
  return [
    `batch ${replay.batchId} of organisation ${replay.organisationId ?? '-'}, as of ${replay.asOf ?? 'now'}: ${heading}`,
    '',
    eventsTable(replay.events, true),
    '',
    `${replay.invitees.length} invitee(s): ${countsByState(replay.invitees)}`,
    ...(invitees.length > 0
      ? [
          '',
          formatTable(['INVITEE', 'STATE', 'UPLOAD STATUS', 'EMAIL', 'INVITED AT', 'ACCEPTED AT'], invitees),
        ]
      : []),
  ].join('\n');
}

function eventsTable(events: readonly AuditRecord[], withStream: boolean): string {
  const headers = ['POSITION', 'AT', ...(withStream ? ['STREAM'] : []), 'TYPE', 'ACTOR', 'CORRELATION'];
  const rows = events.map((event) => [
    event.position,
    event.at,
    ...(withStream ? [event.stream] : []),
    event.type,
    event.actor ?? '-',
    event.correlationId,
  ]);
  return formatTable(headers, rows);
}

function inviteeFields(invitee: InviteeView): [string, string][] {
  const shown = (value: unknown) =>
    value === null || value === undefined || value === '' ? '-' : String(value);
  return [
    ['state', invitee.state],
    ['uploadStatus', invitee.uploadStatus],
    ['discrepancies', invitee.discrepancies.join(', ') || '-'],
    ['batchId', invitee.batchId],
    ['email', invitee.email],
    ['dateOfBirth', invitee.dateOfBirth],
    ['firstName', shown(invitee.firstName)],
    ['middleNames', shown(invitee.middleNames)],
    ['lastName', shown(invitee.lastName)],
    ['preferredName', shown(invitee.preferredName)],
    ['mobile', shown(invitee.mobile)],
    ['jobRole', shown(invitee.jobRole)],
    ['invitedAt', shown(invitee.invitedAt)],
    ['expiresAt', shown(invitee.expiresAt)],
    ['acceptedAt', shown(invitee.acceptedAt)],
    ['autoAccepted', String(invitee.autoAccepted)],
  ];
}

function countsByState(invitees: readonly InviteeView[]): string {
  const counts = new Map<string, number>();
  for (const { state } of invitees) counts.set(state, (counts.get(state) ?? 0) + 1);
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ') || 'none';
}

export const replayCommand: Command = {
  summary: 'history of an invitee or a batch, and its state as of an instant',
  usage,
  run,
};
