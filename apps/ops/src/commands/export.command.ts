import { loadConfig } from '@invitations/runtime';
import { organisationAudit } from '@invitations/application';
import { optionalInstant } from '../cli/instant';
import { openLogForReading } from '../cli/stores';
import { UsageError } from '../cli/usage-error';
import { writeOut } from '../cli/stdout';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const usage = `npm run ops -- export --org ORG [--from INSTANT] [--to INSTANT] > audit.ndjson
  The audit log of an organisation for a period, streamed to stdout as NDJSON, one line per event in log order:
  {position, stream, type, at, actor, correlationId, data}. Reads the global log page by page (never whole);
  safe beside the running service. Token hashes are redacted.
  --org ORG         the organisation (the org claim of its admins' tokens)
  --from INSTANT    events at or after this instant (default: the beginning)
  --to INSTANT      events before this instant (default: no end), e.g. 2025-04-01 or 2025-04-01T00:00:00+10:00`;

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, {
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  if (!values.org) throw new UsageError(`--org is required\n\n${usage}`);
  const from = optionalInstant(values.from, '--from');
  const to = optionalInstant(values.to, '--to');
  if (from && to && from >= to) throw new UsageError('--from must be before --to');
  const log = await openLogForReading(loadConfig());
  try {
    for await (const record of organisationAudit(log, { organisationId: values.org, from, to })) {
      await writeOut(`${JSON.stringify(record)}\n`);
    }
  } finally {
    await log.close();
  }
}

export const exportCommand: Command = {
  summary: "an organisation's audit log for a period, as NDJSON",
  usage,
  run,
};
