import { describe, expect, it } from 'vitest';
import { mapInSlices, runAtOnce, runInSlices } from '../../../src/shared/cpu-slices.js';

describe('CPU work in slices', () => {
  it('maps in slices, in order, and lets pending callbacks run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('callback'));
    const out = await mapInSlices(
      [1, 2, 3, 4, 5],
      (n) => {
        order.push(`item ${n}`);
        return n * 10;
      },
      2,
    );
    expect(out).toEqual([10, 20, 30, 40, 50]);
    // The callback waiting since before the work ran after the first slice, not after all of it.
    expect(order).toEqual(['item 1', 'item 2', 'callback', 'item 3', 'item 4', 'item 5']);
  });

  it('runs one slice per turn of the event loop however many jobs are sliced, so callbacks wait one slice at most', async () => {
    const order: string[] = [];
    const job = (name: string): Promise<void[]> => mapInSlices([1, 2, 3], (n) => void order.push(`${name}${n}`), 1);
    const done = Promise.all([job('a'), job('b')]);
    setImmediate(() => order.push('callback'));
    await done;
    // With a turn per job, both jobs' second slices ran before the callback.
    expect(order).toEqual(['a1', 'b1', 'a2', 'callback', 'b2', 'a3', 'b3']);
  });

  it('runs a generator in slices or at once, with the same result', async () => {
    function* steps(): Generator<void, number> {
      let sum = 0;
      for (let i = 1; i <= 4; i++) {
        sum += i;
        yield;
      }
      return sum;
    }
    const order: string[] = [];
    setImmediate(() => order.push('callback'));
    const sliced = runInSlices(steps()).then((v) => order.push(`sliced ${v}`));
    expect(runAtOnce(steps())).toBe(10);
    await sliced;
    expect(order).toEqual(['callback', 'sliced 10']);
  });
});
