import { UploadRejectedError } from './field-error';
import { TEMPLATE_HEADER_LINE } from './template';
import { uploadLimits } from './upload-limits';
import { validateInWorker } from './validate-in-worker';
import { validatedBatches, type ValidatedBatch } from './validate-rows';
import { ValidationWorkers } from './validation-workers';
import { parseUpload } from './parse-upload';

const RULES = { defaultRegion: 'AU', maxFieldLength: 256, today: '2025-06-30' };
const row = (i: number) =>
  `p${i}@example.com,1990-01-01,P,,N${i},,0412 345 ${String(i % 1000).padStart(3, '0')},\r\n`;

async function collect(batches: AsyncIterable<ValidatedBatch>): Promise<ValidatedBatch[]> {
  const all: ValidatedBatch[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describe('validateInWorker', () => {
  it('yields the same batches as validating in this thread', async () => {
    const file = () => [
      `${TEMPLATE_HEADER_LINE}\r\n`,
      ...Array.from({ length: 2500 }, (_, i) => row(i)),
      'nope,1990-13-01,,,,,,\r\n',
    ];
    async function* source() {
      yield* file().map((line) => Buffer.from(line));
    }
    const options = { batchRows: 1000 };
    const inWorker = await collect(validateInWorker(source(), RULES, uploadLimits(), options));
    const inline = await collect(validatedBatches(parseUpload(source(), uploadLimits()), RULES, options));
    expect(inWorker.map((b) => b.people.length)).toEqual([1000, 1000, 501]);
    expect(inWorker).toEqual(inline);
    expect(inWorker[2].errorCount).toBe(2);
  });

  it('throws the refusal of a file over a limit, having read only a little past it', async () => {
    let pulled = 0;
    async function* endless() {
      yield Buffer.from(`${TEMPLATE_HEADER_LINE}\r\n`);
      for (let i = 0; ; i += 1) {
        pulled += 1;
        yield Buffer.from(row(i).repeat(50));
      }
    }
    const refused = collect(validateInWorker(endless(), RULES, uploadLimits({ maxRows: 500 })));
    await expect(refused).rejects.toBeInstanceOf(UploadRejectedError);
    await expect(refused).rejects.toThrow('more than 500 rows');
    // 10 chunks hold the 500 rows; the worker is never sent more than 16 chunks ahead of its parser.
    expect(pulled).toBeLessThan(40);
  });

  it('fails with the error of a source that fails (a client that goes away)', async () => {
    async function* failing() {
      yield Buffer.from(`${TEMPLATE_HEADER_LINE}\r\n${row(1)}`);
      throw new Error('aborted');
    }
    await expect(collect(validateInWorker(failing(), RULES, uploadLimits()))).rejects.toThrow('aborted');
  });

  it('takes the spare worker started ahead, and has the next one started once the upload is done', async () => {
    const workers = new ValidationWorkers(10);
    try {
      expect(workers.hasSpare).toBe(true);
      const file = () =>
        (async function* () {
          yield Buffer.from(
            `${TEMPLATE_HEADER_LINE}\r\n${Array.from({ length: 1500 }, (_, i) => row(i)).join('')}`,
          );
        })();
      const inline = await collect(validatedBatches(parseUpload(file(), uploadLimits()), RULES));
      const batches = validateInWorker(file(), RULES, uploadLimits(), {}, workers);
      const first = await batches.next();
      // The upload holds the spare: one at the same time starts a worker of its own.
      expect(workers.hasSpare).toBe(false);
      const rest = await collect(batches);
      expect([first.value, ...rest]).toEqual(inline);
      expect(workers.hasSpare).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(workers.hasSpare).toBe(true);
      // The next upload takes the new spare.
      expect(await collect(validateInWorker(file(), RULES, uploadLimits(), {}, workers))).toEqual(inline);
    } finally {
      await workers.close();
    }
    expect(workers.hasSpare).toBe(false);
  });
});
