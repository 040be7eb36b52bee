import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The worker's entry beside this file: compiled JavaScript in dist, TypeScript when run from the sources. */
const ENTRY = join(__dirname, `validation-worker${extname(__filename)}`);
/** Run from the TypeScript sources (the tests), the worker first registers the same transpile-only hook. */
const TS_HOOK = join(__dirname, '../../../test/support/register-ts.js');
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsHook) require(workerData.tsHook);
require(workerData.entry);
`;

/**
 * Starts an upload validation worker (validation-worker.ts): a thread that has loaded the parser and the validators
 * and waits for its job (a `job` message, see validate-in-worker.ts).
 */
export function startValidationWorker(): Worker {
  const typescript = extname(ENTRY) === '.ts';
  if (typescript && !existsSync(TS_HOOK)) throw new Error(`cannot run ${ENTRY} without ${TS_HOOK}`);
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: ENTRY, tsHook: typescript ? TS_HOOK : null },
    // Its own flags: the calling process's (say, --cpu-prof) are not meant for it.
    execArgv: [],
    // Its own young generation, whatever the process's flags say (the gateway's is small, to save memory): nearly
    // everything it allocates dies young, and a small one would make it collect far more often.
    resourceLimits: { maxYoungGenerationSizeMb: 32 },
  });
}

/** See ValidationWorkers.done. */
const SPARE_DELAY_MS = 2000;

/**
 * Keeps one validation worker started ahead of the next upload, so that a preview does not wait for a thread to
 * start and load fast-csv, class-validator and the phone metadata (a fifth of a second on these machines) before
 * its first row. An upload takes the spare (then owns it, and ends it when done); the next spare is started a
 * little after that upload is done, off its path. Uploads at the same time as one that holds the spare start
 * workers of their own. The spare does not keep the process alive; `close` ends it.
 */
export class ValidationWorkers {
  private spare: Worker | null = null;
  private closed = false;
  private readonly dropSpare = () => {
    this.spare = null;
  };

  /** @param spareDelayMs How long after an upload's worker ends the next spare is started. */
  constructor(private readonly spareDelayMs = SPARE_DELAY_MS) {
    this.startSpare();
  }

  /** Whether a spare is started and waiting. */
  get hasSpare(): boolean {
    return this.spare !== null;
  }

  /** A worker for one upload, which ends it when done (then calls `done`). */
  take(): Worker {
    const worker = this.spare;
    this.spare = null;
    if (worker === null) return startValidationWorker();
    worker.off('error', this.dropSpare).off('exit', this.dropSpare);
    worker.ref();
    return worker;
  }

  /**
   * An upload's worker has ended: start the next spare a little later, not while that upload is still being recorded
   * and answered (a thread starting then would take memory and a core from it).
   */
  done(): void {
    if (this.closed || this.spare !== null) return;
    setTimeout(() => this.startSpare(), this.spareDelayMs).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = null;
    await spare?.terminate();
  }

  private startSpare(): void {
    if (this.closed || this.spare !== null) return;
    const worker = startValidationWorker();
    // A spare that fails before it is taken is let go; the next upload starts another.
    worker.on('error', this.dropSpare).on('exit', this.dropSpare);
    worker.unref();
    this.spare = worker;
  }
}
