import { setFlagsFromString } from 'node:v8';

/**
 * How the gateway's JavaScript heap is kept close to what it holds. On the embedded stores the read models live in
 * the process (150,000 passports are about 100 MB), and V8's defaults let the heap grow to twice or more of what is
 * live before collecting: 500 MB of resident memory for 150 MB of data, 600+ MB during a large upload.
 *
 * - HEAP_GROWING_PERCENT (default 100): the heap may grow 100% over what was live after the last full collection
 *   before the next one, rather than V8's own factor (up to 300%). A trade-off, measured in turns on 2026-12-06
 *   with a batch of 150,000 invitees held: 30% (the default until then) kept the heap 100 MB smaller under query
 *   load (448 MB of resident memory against 545), but collected it whole every few seconds, and each full
 *   collection's marking took the second core from the load and its pauses the first: the tab page's p99 was
 *   51-82 ms against 34-36 ms, a 150,000-row confirmation took 154 s of CPU against 124 s, and the 150,000-row
 *   preview peaked at 345-358 MB against 374-393 MB (goal < 400). 0 leaves it to V8 (500-600 MB at a preview's
 *   peak).
 * - GATEWAY_NODE_FLAGS, which `npm start`, the Dockerfile and the benchmark start the gateway with: a young
 *   generation of 8 MB semi-spaces instead of 16 (it can only be set on the command line). A trade-off, measured in
 *   turns on 2026-12-05: 16 MB cut a 150,000-row confirmation with invitations from 169-182 s of the gateway's CPU
 *   to 150-153 s (a batch's objects in flight outlive a small young generation, and are copied and promoted), but
 *   served the admins' queries 15-25% slower (the tab page 1,429-1,510 req/s against 1,652-1,760; `{ __typename }`
 *   2,133-2,192 against 2,749-2,982) and took the 150,000-row preview's peak to 380-392 MB (goal < 400). Measured
 *   again on 2026-12-06, once requests had got cheaper and a confirmation staged 100 rows at a time: the queries were
 *   no slower at 16 MB (the tab page 1,840-1,876 req/s against 1,482-1,766, in turns), a larger young generation no
 *   longer sped a confirmation (32 MB: 88 s of CPU against 81 s), and the preview peaked at 386-427 MB at 16 MB
 *   against 374-404 at 8. The preview's memory is what keeps 8 (docs/operations.md, Memory).
 *
 * The upload validation worker is not held to these: it gets a young generation of its own (validate-in-worker.ts).
 */
export function tuneHeap(heapGrowingPercent: number): void {
  if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

/** The node flags the gateway is started with (keep package.json's start script and the Dockerfile in step). */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
