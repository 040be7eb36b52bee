import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_MEMORY_ORGANISATION, InMemoryUploadLookups } from '@invitations/application';
import { UploadPreviewOutcome, previewUpload } from '@invitations/application';
import { collectGarbage } from './gateway-process';
import { rawParseRowsPerSec } from './raw-parse';
import { generateUploadData } from './upload-data';

export interface UploadsBenchFigures {
  /** fast-csv alone reading the same file: the floor the pipeline is measured against. */
  rawParseRowsPerSec: number;
  /** The whole preview: parse, validate, classify against 150,000 passports held in memory. */
  previewRowsPerSec: number;
  previewSeconds: number;
  /** The process's peak resident memory during the preview, passports and lookups included. */
  previewPeakRssMb: number;
  /** The process's resident memory just before the preview: the passports, the lookups, the code. */
  rssBeforePreviewMb: number;
  /** CPU time of the preview (user + system), which other processes on the machine do not inflate as they do wall time. */
  previewCpuSeconds: number;
}

export interface UploadsBenchOptions {
  rows?: number;
  passports?: number;
}

const POOL = 'bench-pool';
const RSS_SAMPLE_MS = 10;

/**
 * Benchmarks the bulk upload preview on a realistic 150,000-row file (see upload-data.ts). The preview runs
 * first, on a collected heap, so that its peak memory is its own; fast-csv alone then reads the same file.
 * Goals: preview under 10 s on 2 cores, peak RSS under 400 MB, at least a third of fast-csv's own rate.
 */
export async function benchUploads(options: UploadsBenchOptions = {}): Promise<UploadsBenchFigures> {
  const csvPath = join(tmpdir(), `uploads-bench-${process.pid}.csv`);
  try {
    const data = await generateUploadData(csvPath, { rows: options.rows, passports: options.passports });
    const lookups = new InMemoryUploadLookups(data.passports);
    for (const seat of data.poolSeats) lookups.takeSeat(POOL, seat.email, seat.mobile);
    collectGarbage();
    const rssBeforePreview = process.memoryUsage.rss();

    const preview = await measurePeakRss(() => timed(() => runPreview(csvPath, lookups)));
    assertPreviewed(preview.result.value, data.rows);
    return {
      rawParseRowsPerSec: await rawParseRowsPerSec(csvPath),
      previewRowsPerSec: Math.round(data.rows / preview.result.seconds),
      previewSeconds: round(preview.result.seconds, 2),
      previewPeakRssMb: megabytes(preview.peakRss),
      rssBeforePreviewMb: megabytes(rssBeforePreview),
      previewCpuSeconds: round(preview.result.cpuSeconds, 2),
    };
  } finally {
    await rm(csvPath, { force: true });
  }
}

function runPreview(csvPath: string, lookups: InMemoryUploadLookups): Promise<UploadPreviewOutcome> {
  return previewUpload(
    createReadStream(csvPath),
    {
      poolId: POOL,
      // The organisation whose pool seats the data takes: possible duplicates are looked up as a gateway does.
      organisationId: IN_MEMORY_ORGANISATION,
      rules: { defaultRegion: 'AU', today: new Date().toISOString().slice(0, 10) },
      cohort: { jobRole: 'Support Worker' },
    },
    lookups,
  );
}

function assertPreviewed(outcome: UploadPreviewOutcome, rows: number): void {
  if (!outcome.ok)
    throw new Error(`the benchmark file was refused: ${JSON.stringify(outcome.errors.slice(0, 5))}`);
  if (outcome.totalRows !== rows) throw new Error(`previewed ${outcome.totalRows} rows of ${rows}`);
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return {
    value,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** Samples the resident set size while `run` runs; the loop's sync stretches are short, so samples keep coming. */
async function measurePeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  try {
    const result = await run();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { result, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

if (require.main === module) {
  benchUploads().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
