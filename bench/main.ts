import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchConfirm } from './confirm.bench';
import { benchEventStore } from './event-store.bench';
import { benchGraphQLBounds } from './graphql-bounds.bench';
import { benchNotifications } from './notifications.bench';
import { benchReadModels } from './read-models.bench';
import { benchRebuild } from './rebuild.bench';
import { benchService } from './service.bench';
import { benchSlowUploads } from './slow-uploads.bench';
import { benchTabQuery } from './tab-query.bench';
import { benchUploads } from './uploads.bench';

/**
 * `npm run bench`: every figure the issues ask for, each part in a process of its own so that one part's memory
 * does not weigh on the next. Prints each part's figures as it goes and, on its last line, one JSON object.
 */
const parts: Record<string, () => Promise<Record<string, number>>> = {
  eventStore: inTempDirectory('bench-events-', async (dir) => {
    const { appendEventsPerSec, rawFsyncAppendsPerSec, readAllEventsPerSec } = await benchEventStore(dir);
    return { appendEventsPerSec, rawFsyncAppendsPerSec, readAllEventsPerSec };
  }),
  rebuild: figures(inTempDirectory('bench-rebuild-', benchRebuild)),
  readModels: figures(benchReadModels),
  async uploads() {
    const library = await benchUploads();
    // The pipeline alone (parse, validate, classify against passports held in memory): the library's own figures.
    // (rawParseRowsPerSec comes from the service part, measured beside the service's preview.)
    return {
      libraryPreviewRowsPerSec: library.previewRowsPerSec,
      libraryPreviewSeconds: library.previewSeconds,
      libraryPreviewPeakRssMb: library.previewPeakRssMb,
    };
  },
  service: figures(benchService),
  notifications: figures(benchNotifications),
  tabQuery: figures(benchTabQuery),
  graphqlBounds: figures(benchGraphQLBounds),
  slowUploads: figures(benchSlowUploads),
  confirm: figures(benchConfirm),
};

/**
 * A part's figures as the one record of numbers the parts print (each benchmark's own interface names and
 * documents them, every one a number).
 */
function figures<Figures extends { [Name in keyof Figures]: number }>(
  bench: () => Promise<Figures>,
): () => Promise<Record<string, number>> {
  return async () => ({ ...(await bench()) }) as Record<string, number>;
}

/** A part that works in a directory of its own, removed afterwards. */
function inTempDirectory<Figures>(
  prefix: string,
  bench: (dir: string) => Promise<Figures>,
): () => Promise<Figures> {
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    try {
      return await bench(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

async function main(argv: string[]): Promise<void> {
  const only = argv.indexOf('--part');
  if (only >= 0) {
    const figures = await parts[argv[only + 1]]();
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const all: Record<string, number> = {};
  for (const name of Object.keys(parts)) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', __filename, '--part', name],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const figures = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    console.log(`${name}: ${JSON.stringify(figures)}`);
    Object.assign(all, figures);
  }
  all.appendToRawFsyncRatio = round(all.appendEventsPerSec / all.rawFsyncAppendsPerSec);
  all.previewToRawParseRatio = round(all.previewRowsPerSec / all.rawParseRowsPerSec);
  all.tabToTrivialQueryRatio = round(all.tabQueryReqPerSec / all.trivialQueryReqPerSec);
  console.log(JSON.stringify(all));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
