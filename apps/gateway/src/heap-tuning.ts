import { setFlagsFromString } from 'node:v8';

/**
 * How the gateway's JavaScript heap is kept close to what it holds. On the embedded stores the read models live in
 * the process (150,000 passports are about 100 MB), and V8's defaults let the heap grow to twice or more of what is
 * live before collecting: 500 MB of resident memory for 150 MB of data, 600+ MB during a large upload.
 *
 * - HEAP_GROWING_PERCENT (default 30): the heap may grow 30% over what was live after the last full collection
 *   before the next one, rather than V8's own factor (often 100-300%). It costs a few more collections (about
 *   10-15% on a 150,000-row upload preview) for about 40% less memory. 0 leaves it to V8.
 * - GATEWAY_NODE_FLAGS, which `npm start`, the Dockerfile and the benchmark start the gateway with: a young
 *   generation of 8 MB semi-spaces instead of 16 (it can only be set on the command line). A trade-off, measured in
 *   turns on 2026-12-05: 16 MB cut a 150,000-row confirmation with invitations from 169-182 s of the gateway's CPU
 *   to 150-153 s (a batch's objects in flight outlive a small young generation, and are copied and promoted), but
 *   served the admins' queries 15-25% slower (the tab page 1,429-1,510 req/s against 1,652-1,760; `{ __typename }`
 *   2,133-2,192 against 2,749-2,982) and took the 150,000-row preview's peak to 380-392 MB (goal < 400).
 *
 * The upload validation worker is not held to these: it gets a young generation of its own (validate-in-worker.ts).
 */
export function tuneHeap(heapGrowingPercent: number): void {
  if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

/** The node flags the gateway is started with (keep package.json's start script and the Dockerfile in step). */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
