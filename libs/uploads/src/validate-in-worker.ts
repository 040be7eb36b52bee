import type { PersonRules } from '@invitations/domain';
import { UploadRejectedError } from './field-error';
import type { ParseUploadHooks, UploadSource } from './parse-upload';
import type { UploadLimits } from './upload-limits';
import type { FromValidationWorker, ToValidationWorker, ValidationJob } from './validation-messages';
import type { ValidatedBatch, ValidatedBatchesOptions } from './validate-rows';
import { startValidationWorker, type ValidationWorkers } from './validation-workers';

/** Chunks of the file sent to the worker and not yet taken by its parser: about a megabyte. */
const CHUNKS_IN_FLIGHT = 16;

/**
 * Parses and validates an upload in a worker thread (validation-worker.ts), yielding the same validated batches
 * as `validatedBatches(parseUpload(source))` would, and throwing the file's refusal (UploadRejectedError) the same
 * way. The calling thread only passes the bytes on and takes the batches: parsing and validating (most of a
 * preview's work: fast-csv, emails, phone numbers) run beside what it does with the batches (lookups,
 * classification), on another core, and their garbage stays in the worker's heap, which ends with it.
 *
 * The source is read as the worker takes the bytes (at most CHUNKS_IN_FLIGHT ahead). After a refusal the rest of
 * the source is left unread, as parseUpload leaves it: the caller answers, then closes the connection.
 *
 * `hooks.onWarning` is told the parser's warnings (ignored columns, the encoding) on this thread.
 *
 * The worker is the spare of `workers` when it has one (started and loaded ahead), else one started now; it ends
 * with the upload either way.
 */
export async function* validateInWorker(
  source: UploadSource,
  rules: PersonRules,
  limits: UploadLimits,
  options: ValidatedBatchesOptions = {},
  workers?: ValidationWorkers,
  hooks: ParseUploadHooks = {},
): AsyncGenerator<ValidatedBatch, void, undefined> {
  const job: ValidationJob = { rules, limits, options };
  const worker = workers?.take() ?? startValidationWorker();
  worker.postMessage({ type: 'job', job } satisfies ToValidationWorker);
  const inbox = new Inbox();
  worker.on('message', (message: FromValidationWorker) => inbox.put(message));
  worker.on('error', (error: Error) => inbox.fail(error));
  worker.on('exit', (code) =>
    inbox.fail(new Error(`the upload validation worker stopped (exit code ${code})`)),
  );

  const feeder = new Feeder(source, (message) =>
    worker.postMessage(message, message.type === 'bytes' ? [message.chunk.buffer as ArrayBuffer] : []),
  );
  feeder
    .start()
    .catch((error: unknown) => inbox.fail(error instanceof Error ? error : new Error(String(error))));
  try {
    for (;;) {
      const message = await inbox.take();
      switch (message.type) {
        case 'consumed':
          feeder.consumed();
          break;
        case 'batch':
          yield message.batch;
          break;
        case 'warning':
          hooks.onWarning?.(message.warning);
          break;
        case 'done':
          return;
        case 'rejected':
          throw new UploadRejectedError(message.errors);
        case 'failed':
          throw new Error(`Validating the upload failed: ${message.message}`);
      }
    }
  } finally {
    feeder.stop();
    await worker.terminate();
    workers?.done();
  }
}

/** Messages from the worker, taken in order; a failure is thrown to the taker once the messages before it are. */
class Inbox {
  private readonly messages: FromValidationWorker[] = [];
  private failure: Error | null = null;
  private waiting: (() => void) | null = null;

  put(message: FromValidationWorker): void {
    this.messages.push(message);
    this.wake();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  async take(): Promise<FromValidationWorker> {
    for (;;) {
      const message = this.messages.shift();
      if (message !== undefined) return message;
      if (this.failure !== null) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}

/**
 * Reads the source and posts its chunks, never more than CHUNKS_IN_FLIGHT ahead of the worker. It reads with the
 * iterator's `next` only (never `return`, which would destroy a request stream before it is answered).
 */
class Feeder {
  private credit = CHUNKS_IN_FLIGHT;
  private stopped = false;
  private resume: (() => void) | null = null;

  constructor(
    private readonly source: UploadSource,
    private readonly post: (message: ToValidationWorker) => void,
  ) {}

  async start(): Promise<void> {
    const input = this.source[Symbol.asyncIterator]();
    for (;;) {
      while (this.credit === 0 && !this.stopped)
        await new Promise<void>((resolve) => (this.resume = resolve));
      if (this.stopped) return;
      const next = await input.next();
      if (this.stopped) return;
      if (next.done) break;
      this.credit -= 1;
      // A copy of just these bytes (a request's chunks may be views of a shared pool), moved to the worker.
      const chunk =
        typeof next.value === 'string'
          ? new Uint8Array(Buffer.from(next.value, 'utf8'))
          : new Uint8Array(next.value);
      this.post({ type: 'bytes', chunk });
    }
    this.post({ type: 'end' });
  }

  consumed(): void {
    this.credit += 1;
    this.wakeUp();
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  private wakeUp(): void {
    const resume = this.resume;
    this.resume = null;
    resume?.();
  }
}
