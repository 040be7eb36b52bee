import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddedStoreHolder, verifyEmbeddedLog, type LogVerification } from '@invitations/event-store';
import { loadConfig } from '@invitations/runtime';
import { writeOut } from '../cli/stdout';
import { formatRecord } from '../cli/table';
import { UsageError } from '../cli/usage-error';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

/** Exit statuses of `verify`, beyond 0 (intact), 1 (could not check) and 2 (usage). */
export const VERIFY_EXIT = { intact: 0, 'torn-tail': 3, damaged: 4 } as const;

const usage = `npm run ops -- verify [--json]
  Checks every record of the embedded event log (DATA_DIR/events/events.log) against its checksum, and tells what
  the service's next start will do with it. Changes nothing. For a stopped store: refused while a process has it
  open. Exit status: 0 intact; 3 a torn last write, which the next start cuts off (never acknowledged);
  4 damage to acknowledged events: the next start refuses to open the log; 1 the log could not be checked.
  --json   the findings as JSON`;

async function run(argv: string[]): Promise<number> {
  const values = commandOptions(argv, { json: { type: 'boolean' } });
  const config = loadConfig();
  if (config.eventStore !== 'embedded') {
    throw new UsageError(
      'verify checks the embedded event log; EVENT_STORE names EventStoreDB, which checks its own',
    );
  }
  const directory = join(config.dataDir, 'events');
  try {
    await access(join(directory, 'events.log'));
  } catch {
    throw new Error(`no event log in ${directory}: set DATA_DIR to the service's`);
  }
  const holder = await embeddedStoreHolder(directory);
  if (holder !== null) {
    throw new Error(
      `the event store in ${directory} is open in process ${holder}: stop the service first (verify checks a ` +
        `stopped store, whose log is not being written)`,
    );
  }
  const verification = await verifyEmbeddedLog(directory);
  await writeOut(
    values.json ? `${JSON.stringify(verification, null, 2)}\n` : `${formatVerification(verification)}\n`,
  );
  return VERIFY_EXIT[verification.verdict];
}

export function formatVerification(v: LogVerification): string {
  const stop =
    v.previousStop === 'clean'
      ? `closed cleanly at ${v.cleanClose?.closedAt} (${v.cleanClose?.length} bytes, ${v.cleanClose?.events} events)`
      : v.previousStop === 'unclean'
        ? 'not closed cleanly (a crash or kill -9): a torn last write is possible'
        : 'a new, empty log';
  const lines = [
    formatRecord([
      ['log', v.file],
      ['bytes', String(v.bytes)],
      ['last stop', stop],
      ['valid records', String(v.validRecords)],
      ['damaged stretches', String(v.damage.length)],
      ['sound prefix', `${v.soundEvents} events, bytes 0 to ${v.soundBytes}`],
    ]),
  ];
  if (v.damage.length > 0) {
    lines.push('', 'Damage (bytes that are not a valid record):');
    for (const stretch of v.damage) {
      lines.push(
        `  bytes ${stretch.fromByte} to ${stretch.toByte} (${stretch.toByte - stretch.fromByte} bytes): ${stretch.problem}`,
      );
    }
  }
  lines.push('');
  if (v.verdict === 'intact') lines.push('verdict: intact. The next start opens the log as it is.');
  if (v.verdict === 'torn-tail' && v.repair) {
    lines.push(
      `verdict: a torn last write. The next start cuts ${v.repair.cutBytes} bytes from byte ${v.repair.fromByte} ` +
        `(${v.repair.cutEvents} whole events of a write never acknowledged) and keeps every acknowledged event.`,
    );
  }
  if (v.verdict === 'damaged') {
    lines.push(
      'verdict: acknowledged events are damaged. The next start refuses to open the log, saying:',
      `  ${v.message}`,
      `Restore ${v.file.replace(/\/[^/]+$/, '')} from a backup. Without one, see "When the event log refuses to ` +
        `open" in docs/operations.md for keeping the sound prefix (the events after byte ${v.soundBytes} are then lost).`,
    );
  }
  return lines.join('\n');
}

export const verifyCommand: Command = {
  summary: "check a stopped store's event log, changing nothing",
  usage,
  run,
};
