import { allProjections, selectProjections } from '@invitations/read-models';
import { rebuildProjections } from '@invitations/runtime';
import { loadConfig } from '@invitations/runtime';
import { GatewayClient, type RebuildSummary } from '../cli/gateway-client';
import { RebuildProgressBar } from '../cli/rebuild-progress';
import { openProductionStores } from '../cli/stores';
import { chooseTarget, TARGET_OPTIONS, TARGET_USAGE } from '../cli/target';
import { UsageError } from '../cli/usage-error';
import { writeOut } from '../cli/stdout';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const NAMES = allProjections.map((projection) => projection.name).join(', ');

const usage = `npm run ops -- rebuild [--projection NAME ...] [--url URL] [--token TOKEN]
  Rebuilds read models from the whole log without downtime: each is built aside while the live one keeps
  answering, then switched in by renames; the previous version is kept as <name>__prev. Writes that arrive
  meanwhile are applied too. A progress bar shows on a terminal.
  Embedded stores: done by the running gateway (POST /ops/rebuild). EventStoreDB + MongoDB: done here, on the stores.
  --projection NAME  one of ${NAMES} (repeat for several; all by default)
${TARGET_USAGE}`;

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, { ...TARGET_OPTIONS, projection: { type: 'string', multiple: true } });
  const names = values.projection;
  try {
    selectProjections(names);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = loadConfig();
  const target = chooseTarget(config, values);
  const bar = new RebuildProgressBar();
  let summary: RebuildSummary;
  try {
    summary =
      target.kind === 'gateway'
        ? await new GatewayClient(target.url, await target.token()).rebuild(names, (progress) =>
            bar.update(progress),
          )
        : await rebuildOnStores(config, names, bar);
  } finally {
    bar.stop();
  }
  await writeOut(`${describe(summary)}\n`);
}

async function rebuildOnStores(
  config: ReturnType<typeof loadConfig>,
  names: string[] | undefined,
  bar: RebuildProgressBar,
): Promise<RebuildSummary> {
  const stores = await openProductionStores(config);
  try {
    const result = await rebuildProjections(stores.store, stores.readModels, names, {
      onProgress: (progress) => bar.update(progress),
    });
    return {
      projections: result.projections,
      events: result.events,
      position: result.position.toString(),
      previous: result.previous as Record<string, string>,
    };
  } finally {
    await stores.close();
  }
}

function describe(summary: RebuildSummary): string {
  const kept = Object.values(summary.previous);
  return [
    `rebuilt ${summary.projections.join(', ')} from ${summary.events} events, up to position ${summary.position}`,
    kept.length > 0
      ? `the previous versions are kept as ${kept.join(', ')}`
      : 'there were no previous versions',
  ].join('\n');
}

export const rebuildCommand: Command = {
  summary: 'rebuild read models from the log, without downtime',
  usage,
  run,
};
