import type { EventStore, LogOpenReport } from '@invitations/event-store';
import { allProjections } from '@invitations/read-models';
import { NO_POSITION } from '@invitations/runtime';
import { NOTIFICATIONS_SUBSCRIPTION } from '@invitations/application';
import { loadConfig } from '@invitations/runtime';
import { GatewayClient, type StatusReport } from '../cli/gateway-client';
import { openProductionStores, type ProductionStores } from '../cli/stores';
import { formatTable } from '../cli/table';
import { chooseTarget, TARGET_OPTIONS, TARGET_USAGE } from '../cli/target';
import { writeOut } from '../cli/stdout';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const usage = `npm run ops -- status [--json] [--url URL] [--token TOKEN]
  Each projection's checkpoint (the last log position its read model includes) and its lag behind the log's head,
  and the notification process manager's; for the embedded log, how the last start found it (closed cleanly or
  not) and what it repaired (a torn last write cut off). Embedded stores: asked of the running gateway (GET /ops/status);
  EventStoreDB + MongoDB: read from the stores (the lag is then counted in events, up to ${'10,000'}).
  --json         the report as JSON
${TARGET_USAGE}`;

/** How many events behind a checkpoint may be counted, at most (counting reads the log). */
const MAX_COUNTED_LAG = 10_000;

/** Every checkpoint the service keeps, shown even before it exists. */
const SUBSCRIBERS = [...allProjections.map((projection) => projection.name), NOTIFICATIONS_SUBSCRIPTION];

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, { ...TARGET_OPTIONS, json: { type: 'boolean' } });
  const config = loadConfig();
  const target = chooseTarget(config, values);
  const report =
    target.kind === 'gateway'
      ? withEverySubscriber(await new GatewayClient(target.url, await target.token()).status())
      : await fromStores(await openProductionStores(config));
  await writeOut(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatStatus(report)}\n`);
}

async function fromStores(stores: ProductionStores): Promise<StatusReport> {
  try {
    const head = await stores.store.headPosition();
    const checkpoints = await stores.readModels.checkpoints.list();
    const positions = new Map(checkpoints.map(({ name, position }) => [name, position]));
    // The projections usually share a checkpoint: count each distinct one once.
    const lags = new Map<bigint, string>();
    const projections = [];
    for (const name of SUBSCRIBERS) {
      const position = positions.get(name) ?? NO_POSITION;
      if (!lags.has(position)) lags.set(position, await eventsAfter(stores.store, position));
      projections.push({ name, position: position.toString(), lag: lags.get(position)! });
    }
    return { log: { head: head.toString() }, projections };
  } finally {
    await stores.close();
  }
}

/** EventStoreDB's positions are not event counts: count the events after the checkpoint, up to a bound. */
async function eventsAfter(store: EventStore, position: bigint): Promise<string> {
  let count = 0;
  const after = position === NO_POSITION ? undefined : position;
  for await (const _event of store.readAll({ after, maxCount: MAX_COUNTED_LAG + 1 })) count += 1;
  return count > MAX_COUNTED_LAG ? `>${MAX_COUNTED_LAG}` : String(count);
}

/** The gateway lists the checkpoints that exist; one not yet written has included nothing. */
function withEverySubscriber(report: StatusReport): StatusReport {
  const head = BigInt(report.log.head);
  const missing = SUBSCRIBERS.filter(
    (name) => !report.projections.some((projection) => projection.name === name),
  );
  const absent = missing.map((name) => ({
    name,
    position: NO_POSITION.toString(),
    lag: (head + 1n).toString(),
  }));
  return { ...report, projections: [...report.projections, ...absent] };
}

function formatStatus(report: StatusReport): string {
  const rows = report.projections.map(({ name, position, lag }) => [
    name,
    position === NO_POSITION.toString() ? 'none' : position,
    lag,
  ]);
  const opened = report.log.open ? `${formatLogOpen(report.log.open)}\n` : '';
  return `log head: ${report.log.head}\n${opened}\n${formatTable(['PROJECTION', 'POSITION', 'LAG'], rows)}`;
}

/** The embedded log's last open, in a line or two: how the service before stopped, and what was repaired. */
export function formatLogOpen(open: LogOpenReport): string {
  const stop = {
    clean: 'after a clean stop',
    unclean: 'after an unclean stop (a crash or kill -9)',
    none: 'new',
  }[open.previousStop];
  const repair = open.repair
    ? `cut off a torn last write: ${open.repair.cutBytes} bytes from byte ${open.repair.fromByte}, ` +
      `${open.repair.cutEvents} whole events never acknowledged`
    : 'nothing repaired';
  return `log opened: ${open.openedAt}, ${stop}; ${repair}`;
}

export const statusCommand: Command = { summary: "projections' checkpoints and lag", usage, run };
