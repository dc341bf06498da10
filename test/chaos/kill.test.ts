// The action killed with SIGKILL at seeded random points while it writes, then run again until
// it finishes: Leapsome must converge, with nobody created twice or wrongly deactivated. Each kill
// is aimed at a write count, not a time, so it lands mid-write however loaded the machine is; real
// rate limits and latency keep several writes in flight when it does.
import { describe, expect, it } from 'vitest';
import { applyDayOfChanges } from '../../src/bench/day.js';
import { mulberry32 } from '../../src/sandbox/random.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { NODE24_BIN } from '../support/paths.js';
import { expectConvergesCleanly, Invariants, sync, tail } from './support.js';

interface Kill {
  readonly day: string;
  /** The kill was sent once the sandbox had seen this many writes of the run. */
  readonly atWrite: number;
  /** Leapsome writes the killed run got in (in flight ones included). */
  readonly writes: number;
}

const MAX_KILLS_PER_DAY = 3;

async function killScenario(seed: number, node?: string): Promise<Kill[]> {
  const sandbox = await startSandbox({
    company: { size: 48, seed },
    // A few writes are applied but answered 502/504, so kills also meet unresolved outcomes.
    faults: { personio: { latencyMs: 15, seed }, leapsome: { latencyMs: 15, latencyJitterMs: 10, p5xxAfterWrite: 0.05, seed } },
  });
  try {
    const invariants = new Invariants(sandbox);
    const rand = mulberry32(seed * 31 + 7);
    const kills: Kill[] = [];
    // Our real retry timing: a fresh process after a kill may meet a rate-limit window its
    // predecessor filled, and must wait it out as in production.
    const common = { env: {}, ...(node === undefined ? {} : { node }) };
    // Fewer writes than each day needs (a first sync of 48 people takes ~100, the day ~20), so
    // that the first kill of a day always lands and later ones usually do.
    for (const [day, expectedWrites] of [
      ['first sync', 100],
      ['day of changes', 20],
    ] as const) {
      if (day === 'day of changes') applyDayOfChanges(sandbox, 0.3, seed);
      let written = 0;
      for (let attempt = 0; ; attempt += 1) {
        // A rerun never follows a crash within a second: the rate-limit window is free again.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        invariants.resetLog();
        const remaining = Math.max(2, expectedWrites - written);
        const atWrite = attempt < MAX_KILLS_PER_DAY ? 1 + Math.floor(rand() * 0.5 * remaining) : undefined;
        const killWhen = atWrite === undefined ? undefined : () => sandbox.writes().length >= atWrite;
        const run = await sync(sandbox, { ...common, ...(killWhen === undefined ? {} : { killWhen }) });
        invariants.check(`seed ${seed} ${day} run ${attempt + 1}`, run);
        expect(invariants.violations).toEqual([]);
        if (run.signal === 'SIGKILL' && atWrite !== undefined) {
          const writes = sandbox.writes().length;
          written += writes;
          kills.push({ day, atWrite, writes });
          continue;
        }
        expect(run.code, `seed ${seed} ${day}: ${tail(run)}`).toBe(0);
        expect(divergences(sandbox), `seed ${seed} ${day}`).toEqual([]);
        break;
      }
    }
    await expectConvergesCleanly(sandbox, invariants, `seed ${seed}`, { ...common, previousSucceeded: true });
    return kills;
  } finally {
    await sandbox.close();
  }
}

function expectKilledMidWrite(kills: readonly Kill[]): void {
  // The first sync's first run is always killed after at least one write; so is every kill.
  expect(kills[0]?.day, JSON.stringify(kills)).toBe('first sync');
  for (const kill of kills) expect(kill.writes, JSON.stringify(kills)).toBeGreaterThanOrEqual(kill.atWrite);
}

describe.concurrent('chaos: SIGKILL at random points while writing', () => {
  it.each([1, 2, 3, 4])('seed %i: the next run converges, no duplicates', { timeout: 150_000 }, async (seed) => {
    expectKilledMidWrite(await killScenario(seed));
  });

  it('seed 5 on Node 24', { timeout: 150_000 }, async () => {
    expectKilledMidWrite(await killScenario(5, NODE24_BIN));
  });
});
