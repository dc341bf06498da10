// Fault storms on both APIs over many seeds. The seeds run concurrently: each has its own sandbox
// and action process, and most of a run is spent waiting (pacing, backoff), not computing.
import { describe, expect, it } from 'vitest';
import { NODE24_BIN } from '../support/paths.js';
import { stormScenario } from './storm-scenario.js';

const SMALL = Array.from({ length: 14 }, (_, i) => i + 1);

describe.concurrent('chaos: 429 and 5xx storms on Personio and Leapsome', () => {
  it.each(SMALL)('seed %i: converges, never duplicates, never deactivates the wrong person', { timeout: 150_000 }, async (seed) => {
    // Odd seeds add requests that never get an answer (the client's timeout must end them).
    const outcome = await stormScenario(seed, { hangs: seed % 2 === 1 });
    expect(outcome.faults).toBeGreaterThan(10);
  });

  // Three Personio pages read under the storm: a lost page must fail the run, never deactivate.
  it.each([201, 202])('seed %i, 260 employees: days of changes in the storm', { timeout: 150_000 }, async (seed) => {
    const outcome = await stormScenario(seed, { size: 260, calmFirstSync: true, hangs: seed === 202 });
    expect(outcome.faults).toBeGreaterThan(10);
  });

  // Four pages: losing one of the middle two would drop employees without a trace in the metadata.
  it.each([301, 302, 303])('seed %i, 360 employees: Personio outage with no deactivation brake', { timeout: 150_000 }, async (seed) => {
    const outcome = await stormScenario(seed, { size: 360, calmFirstSync: true, personioOutage: true, stormDays: 3 });
    expect(outcome.faults).toBeGreaterThan(10);
  });

  // Three pages that lose records at random, under the storm: a listing that misses someone must
  // never cost them their account (the brake is off, so only the lifecycle rules stand in the way).
  it.each([
    [401, 0.01],
    [402, 0.003],
    [403, 0.02],
  ])(
    'seed %i, 260 employees: list pages that drop %f of their records never deactivate anyone in scope',
    { timeout: 150_000 },
    async (seed, rate) => {
      const outcome = await stormScenario(seed, {
        size: 260,
        calmFirstSync: true,
        dropRecords: rate,
        stormDays: 2,
        noDeactivationBrake: true,
      });
      expect(outcome.pagesWithDrops).toBeGreaterThan(0);
      expect(outcome.faults).toBeGreaterThan(10);
    },
  );

  it.each([101, 102])('seed %i on Node 24 (the runtime GitHub uses)', { timeout: 150_000 }, async (seed) => {
    const outcome = await stormScenario(seed, { node: NODE24_BIN, hangs: true });
    expect(outcome.faults).toBeGreaterThan(10);
  });
});
