// The action killed with SIGKILL at seeded random moments while it writes, then run again until
// it finishes: Leapsome must converge, with nobody created twice or wrongly deactivated. Real rate
// limits and latency stretch the writes over seconds so that the kills land inside them.
import { describe, expect, it } from 'vitest';
import { applyDayOfChanges } from '../../src/bench/day.js';
import { mulberry32 } from '../../src/sandbox/random.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { divergences } from '../support/converged.js';
import { NODE24_BIN } from '../support/paths.js';
import { expectConvergesCleanly, Invariants, sync, tail } from './support.js';

interface Kill {
  readonly day: string;
  readonly afterMs: number;
  /** Leapsome writes the killed run got in. */
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
    // Writes start a few hundred ms after spawn (Node start, reads, planning) and then run at
    // ~30/s: aim each kill at a random moment of the writes still to do.
    let startupMs = 300;
    for (const [day, expectedWrites] of [['first sync', 100], ['day of changes', 20]] as const) {
      if (day === 'day of changes') applyDayOfChanges(sandbox, 0.3, seed);
      let written = 0;
      for (let attempt = 0; ; attempt += 1) {
        // A rerun never follows a crash within a second: the rate-limit window is free again.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        invariants.resetLog();
        const remainingMs = Math.max(200, (expectedWrites - written) * 34);
        const killAfterMs = attempt < MAX_KILLS_PER_DAY ? Math.round(startupMs + rand() * 0.8 * remainingMs) : undefined;
        const spawnedAt = Date.now();
        const run = await sync(sandbox, { ...common, ...(killAfterMs === undefined ? {} : { killAfterMs }) });
        invariants.check(`seed ${seed} ${day} run ${attempt + 1}`, run);
        expect(invariants.violations).toEqual([]);
        const writes = sandbox.writes();
        if (writes[0] !== undefined) startupMs = writes[0].at - spawnedAt;
        if (run.signal === 'SIGKILL' && killAfterMs !== undefined) {
          written += writes.length;
          kills.push({ day, afterMs: killAfterMs, writes: writes.length });
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

describe.concurrent('chaos: SIGKILL at random points while writing', () => {
  it.each([1, 2, 3, 4])('seed %i: the next run converges, no duplicates', { timeout: 150_000 }, async (seed) => {
    const kills = await killScenario(seed);
    // At least one kill must land mid-write, or the test proves little. (Kill timing depends on
    // machine load: a run may finish before its kill time, which is not a failure of the sync.)
    expect(kills.filter((k) => k.writes > 0).length, JSON.stringify(kills)).toBeGreaterThanOrEqual(1);
  });

  it('seed 5 on Node 24', { timeout: 150_000 }, async () => {
    const kills = await killScenario(5, NODE24_BIN);
    expect(kills.filter((k) => k.writes > 0).length, JSON.stringify(kills)).toBeGreaterThanOrEqual(1);
  });
});
