import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
  async eventStore() {
    const dir = await mkdtemp(join(tmpdir(), 'bench-events-'));
    try {
      const { appendEventsPerSec, rawFsyncAppendsPerSec, readAllEventsPerSec } = await benchEventStore(dir);
      return { appendEventsPerSec, rawFsyncAppendsPerSec, readAllEventsPerSec };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  async rebuild() {
    const dir = await mkdtemp(join(tmpdir(), 'bench-rebuild-'));
    try {
      return { ...(await benchRebuild(dir)) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  async readModels() {
    return { ...(await benchReadModels()) };
  },
  async uploads() {
    const figures = await benchUploads();
    // The pipeline alone (parse, validate, classify against passports held in memory): the library's own figures.
    // (rawParseRowsPerSec comes from the service part, measured beside the service's preview.)
    return {
      libraryPreviewRowsPerSec: figures.previewRowsPerSec,
      libraryPreviewSeconds: figures.previewSeconds,
      libraryPreviewPeakRssMb: figures.previewPeakRssMb,
    };
  },
  async service() {
    return { ...(await benchService()) };
  },
  async notifications() {
    return { ...(await benchNotifications()) };
  },
  async tabQuery() {
    return { ...(await benchTabQuery()) };
  },
  async graphqlBounds() {
    return { ...(await benchGraphQLBounds()) };
  },
  async slowUploads() {
    return { ...(await benchSlowUploads()) };
  },
};

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
