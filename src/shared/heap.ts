// A sync is a batch job: it reads every page of both APIs once, and most of what it allocates is
// garbage within milliseconds (each page's JSON text and tree). Pages arrive in bursts and
// outlive V8's young generation, so that garbage reaches the old generation, which V8 lets grow
// to up to four times its live size before collecting it on a machine with gigabytes of memory.
// At 20,000 employees that was over 100 MB of dead pages at the peak. Growing the heap by half
// its live size at most keeps the peak near what is actually live, for a few more collections.
// The flag is read at every full collection, so setting it at start-up is enough
// (https://nodejs.org/api/v8.html#v8setflagsfromstringflags; "--heap-growing-percent" in
// `node --v8-options`, present in Node 20 and 24).
import { setFlagsFromString } from 'node:v8';

/** Measured with `npm run bench` (docs/speed.md): 30 % and 50 % bound the peak equally; 100 % does not. */
const HEAP_GROWING_PERCENT = 50;

export function preferCompactHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
