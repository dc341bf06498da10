// One seeded storm scenario: the first sync (or, for a large company, the first day after a calm
// first sync) and a day of changes run under a fault storm on both APIs; then, with faults off,
// the action must converge and a follow-up must write nothing. The invariants are checked after
// every run, including the ones that failed.
import { expect } from 'vitest';
import { applyDayOfChanges } from '../../src/bench/day.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { calm, expectConvergesCleanly, Invariants, storm, sync, tail } from './support.js';

export interface StormOptions {
  readonly node?: string;
  readonly hangs?: boolean;
  /** Employees (default 48: one Personio page, ~100 Leapsome writes for the first sync). */
  readonly size?: number;
  /** Run the first sync without faults; the storm then hits two days of changes. */
  readonly calmFirstSync?: boolean;
  /** Most Personio page requests fail; the deactivation brake is off, so a lost page would show. */
  readonly personioOutage?: boolean;
  /** Days of changes after a calm first sync (default 2). */
  readonly stormDays?: number;
  /**
   * Share of records each Personio list page loses (its metadata does not know). One active
   * employee is also left out of every storm listing altogether (totals included), so only a
   * lookup by id, itself in the storm, can tell that they are still there.
   */
  readonly dropRecords?: number;
  /** `max-deactivations: 100%`, so that only the lifecycle rules keep a lost record's user active. */
  readonly noDeactivationBrake?: boolean;
}

export interface StormOutcome {
  /** Exit codes of the storm runs. */
  readonly codes: readonly (number | null)[];
  /** Injected faults the action went through. */
  readonly faults: number;
  /** List pages that lost records. */
  readonly pagesWithDrops: number;
}

export async function stormScenario(seed: number, options: StormOptions = {}): Promise<StormOutcome> {
  const faults = storm(seed, options);
  const sandbox = await startSandbox({ company: { size: options.size ?? 48, seed }, rateLimits: false });
  try {
    const invariants = new Invariants(sandbox);
    const codes: (number | null)[] = [];
    let injected = 0;
    let pagesWithDrops = 0;
    const days =
      options.calmFirstSync === true
        ? ['calm first sync', ...Array.from({ length: options.stormDays ?? 2 }, (_, i) => `day ${i + 1}`)]
        : ['first sync', 'day 1'];
    for (const [index, day] of days.entries()) {
      if (day.startsWith('day')) applyDayOfChanges(sandbox, 0.06, seed * 10 + index, `2025-09-${String(2 + index).padStart(2, '0')}`);
      if (day === 'calm first sync') calm(sandbox);
      else {
        // A fresh fault sequence per day.
        sandbox.faults.personio.set({ ...faults.personio, seed: (faults.personio.seed ?? 0) + 1_000 * index });
        sandbox.faults.leapsome.set({ ...faults.leapsome, seed: (faults.leapsome.seed ?? 0) + 1_000 * index });
        if (options.dropRecords !== undefined) {
          const hidden = sandbox.personio
            .list()
            .find((e) => e.status === 'active' && sandbox.leapsome.getUser(String(e.id))?.active === true);
          if (hidden !== undefined) sandbox.personio.hideFromListings([hidden.id], 2); // a read and its re-read
        }
      }
      invariants.resetLog();
      const noBrake = options.personioOutage === true || options.noDeactivationBrake === true;
      const run = await sync(sandbox, { ...options, ...(noBrake ? { inputs: { 'max-deactivations': '100%' } } : {}) });
      injected += sandbox.requests.filter((e) => e.fault !== null).length;
      pagesWithDrops += sandbox.requests.filter((e) => e.fault === 'dropRecord').length;
      invariants.check(`seed ${seed} ${day}`, run);
      expect(invariants.violations).toEqual([]);
      expect(run.signal, `seed ${seed} ${day}: ${tail(run)}`).toBeNull();
      if (day === 'calm first sync') expect(run.code, `seed ${seed} ${day}: ${tail(run)}`).toBe(0);
      else codes.push(run.code);
      // A run that reports success must have converged, storm or not.
      if (run.code === 0) expect(divergences(sandbox), `seed ${seed} ${day} exited 0`).toEqual([]);
    }
    await expectConvergesCleanly(sandbox, invariants, `seed ${seed}`, { ...options, previousSucceeded: codes[codes.length - 1] === 0 });
    return { codes, faults: injected, pagesWithDrops };
  } finally {
    await sandbox.close();
  }
}
