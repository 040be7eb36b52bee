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
 *   generation of 8 MB semi-spaces instead of 16 (it can only be set on the command line).
 *
 * The upload validation worker is not held to these: it gets a young generation of its own (validate-in-worker.ts).
 */
export function tuneHeap(heapGrowingPercent: number): void {
  if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

/** The node flags the gateway is started with (keep package.json's start script and the Dockerfile in step). */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
