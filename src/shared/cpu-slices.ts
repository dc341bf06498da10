// Long CPU work in slices, with the event loop let through in between. While the APIs are read,
// answers arrive in bursts, and the pacer counts each request's slot from the moment its answer is
// seen: a page parsed (or a snapshot decoded) in one go holds every other answer back, so their
// slots count late and each later burst of requests leaves late. Slices of a few milliseconds
// keep the answers seen when they arrive.

// Every sliced job waits in one queue, and one slice runs per turn of the event loop: with a
// setImmediate per job, a burst of 15 pages being parsed at once ran 15 slices (and the snapshot's
// and Leapsome's) between two looks at the network, and the answers waited ~20 ms each time.
const waiting: (() => void)[] = [];
let turnScheduled = false;

function nextTurn(): void {
  const resume = waiting.shift();
  // Scheduled while the check phase runs, so it comes after the next poll phase: I/O first.
  if (waiting.length > 0) setImmediate(nextTurn);
  else turnScheduled = false;
  resume?.();
}

/** Lets pending I/O callbacks run (after the poll phase, unlike a microtask), then this job's next slice. */
export function letIoThrough(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(nextTurn);
    }
  });
}

/** `items.map(fn)`, `size` items at a time, letting I/O through between slices. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T) => U, size: number): Promise<U[]> {
  const out: U[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await letIoThrough();
    for (const item of items.slice(start, start + size)) out.push(fn(item));
  }
  return out;
}

/** Runs a generator that yields between slices of work to completion, letting I/O through at each yield. */
export async function runInSlices<R>(steps: Generator<void, R>): Promise<R> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) return step.value;
    await letIoThrough();
  }
}

/** Runs the same generator in one go (no I/O in between), for callers that are not async. */
export function runAtOnce<R>(steps: Generator<void, R>): R {
  for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
}
