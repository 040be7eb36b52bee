import { isMainThread, parentPort } from 'node:worker_threads';
import { UploadRejectedError } from './field-error';
import { parseUpload } from './parse-upload';
import type { FromValidationWorker, ToValidationWorker, ValidationJob } from './validation-messages';
import { validatedBatches } from './validate-rows';

/**
 * The worker thread's side of `validateInWorker`: loads the parser and the validators, waits for its job, then
 * parses and validates the bytes it is sent and sends the rows back in validated batches. Loaded only as a worker's
 * entry (see validation-workers.ts).
 */
if (!isMainThread && parentPort) {
  const port = parentPort;
  const send = (message: FromValidationWorker) => port.postMessage(message);

  const chunks: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  port.on('message', (message: ToValidationWorker) => {
    if (message.type === 'job') void run(message.job);
    else if (message.type === 'bytes') chunks.push(message.chunk);
    else ended = true;
    wake?.();
  });

  /** The bytes as they arrive; each chunk taken is acknowledged, so that the sender sends more. */
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk !== undefined) {
        send({ type: 'consumed' });
        yield chunk;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    }
  }

  const run = async (job: ValidationJob) => {
    try {
      const rows = parseUpload(bytes(), job.limits, {
        onWarning: (warning) => send({ type: 'warning', warning }),
      });
      for await (const batch of validatedBatches(rows, job.rules, job.options))
        send({ type: 'batch', batch });
      send({ type: 'done' });
    } catch (error) {
      if (error instanceof UploadRejectedError) send({ type: 'rejected', errors: [...error.errors] });
      else
        send({
          type: 'failed',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
    }
  };
}
