// One company size: first sync, no-op sync, then a day with 1 % changes, each measured against
// the minimum traffic and the rate-limit lower bound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { divergences } from '../sandbox/oracle.js';
import { BENCH_EXPECTATIONS, fieldDivergences } from '../sandbox/field-oracle.js';
import { BENCH_FIELDS, startSandbox, type Sandbox } from '../sandbox/index.js';
import { runBundledAction } from './action.js';
import { lowerBoundMs } from './bound.js';
import { applyDayOfChanges } from './day.js';
import { measureTraffic, type Traffic } from './measure.js';
import { minimumFor, snapshotLeapsome, totalWrites, type Minimum } from './minimum.js';

export type RunKind = 'first sync' | 'no-op' | '1 % changes';
export const RUN_KINDS: readonly RunKind[] = ['first sync', 'no-op', '1 % changes'];

export interface RunResult {
  readonly size: number;
  readonly kind: RunKind;
  /** Fields mapped beyond the default five (BENCH_FIELDS), 0 without a config file. */
  readonly mappedFields: number;
  readonly exitCode: number | null;
  readonly traffic: Traffic;
  readonly minimum: Minimum;
  readonly wallMs: number;
  /** Spawn to the first request the sandbox saw: process start and module loading. */
  readonly startupMs: number;
  readonly boundMs: number;
  readonly maxRssKb: number | null;
  /** Every repeat of this run, by wall time (the row shows the median one). */
  readonly repeats?: readonly { readonly wallMs: number; readonly maxRssKb: number | null }[];
  /** Every run after the first restored the previous run's snapshot (and so did its work). */
  readonly snapshotRestored: boolean;
  /** Differences the independent oracle found afterwards (empty = converged). */
  readonly divergences: number;
  readonly firstDivergence: string | null;
}

export interface ScenarioOptions {
  readonly size: number;
  /** 0: no config file (the default fields); BENCH_EXTRA_FIELDS: BENCH_FIELDS mapped on top. */
  readonly mappedFields: number;
  readonly latencyMs: number;
  readonly actionPath: string;
  readonly node?: string;
  readonly log: (line: string) => void;
  /** The runs to measure (default all). Without the first sync, Leapsome is set up by an unmeasured one. */
  readonly runs?: readonly RunKind[];
  /** How often the no-op runs (default NO_OP_REPEATS); the median is reported. */
  readonly repeats?: number;
}

/** Five: the machine's noise (±50 ms between runs at 5,000 employees) moves a median of three too much. */
export const NO_OP_REPEATS = 5;

export async function runScenario(options: ScenarioOptions): Promise<RunResult[]> {
  const sandbox = await startSandbox({
    company: { size: options.size },
    logBodies: false,
    faults: { personio: { latencyMs: options.latencyMs }, leapsome: { latencyMs: options.latencyMs } },
  });
  // One snapshot history per company: each run restores the previous run's snapshot.
  const stateDir = mkdtempSync(join(tmpdir(), 'pls-bench-state-'));
  try {
    const results: RunResult[] = [];
    const measured = new Set(options.runs ?? RUN_KINDS);
    for (const kind of RUN_KINDS) {
      if (kind === 'first sync' && !measured.has(kind)) {
        await setUpLeapsome(sandbox, stateDir, options);
        continue;
      }
      if (!measured.has(kind)) continue;
      if (kind === '1 % changes') applyDayOfChanges(sandbox, 0.01, options.size, undefined, { profiles: options.mappedFields > 0 });
      // A no-op leaves everything as it was, so it is run several times and the median run (by
      // wall time) reported: a short run is at the mercy of the machine's other work.
      const runs: RunResult[] = [];
      for (let i = 0; i < (kind === 'no-op' ? (options.repeats ?? NO_OP_REPEATS) : 1); i++) {
        const result = await measuredRun(sandbox, kind, stateDir, options);
        options.log(describe(result));
        runs.push(result);
      }
      const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
      const median = byWall[Math.floor(byWall.length / 2)];
      if (median !== undefined) results.push({ ...median, repeats: byWall.map((r) => ({ wallMs: r.wallMs, maxRssKb: r.maxRssKb })) });
    }
    return results;
  } finally {
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * The first sync, unmeasured: it leaves Leapsome and the snapshot exactly as a measured one would
 * (it takes about as long: the action paces its writes under Leapsome's limits by itself).
 */
async function setUpLeapsome(sandbox: Sandbox, stateDir: string, options: ScenarioOptions): Promise<void> {
  sandbox.rateLimits.personio.set({ enabled: false });
  sandbox.rateLimits.leapsome.set({ enabled: false });
  sandbox.faults.personio.clear();
  sandbox.faults.leapsome.clear();
  const run = await runBundledAction(options.actionPath, sandbox, stateDir, options.node, options.mappedFields > 0 ? BENCH_FIELDS : null);
  sandbox.rateLimits.personio.set({ enabled: true });
  sandbox.rateLimits.leapsome.set({ enabled: true });
  sandbox.faults.personio.set({ latencyMs: options.latencyMs });
  sandbox.faults.leapsome.set({ latencyMs: options.latencyMs });
  if (run.code !== 0) throw new Error(`setting Leapsome up failed (exit ${run.code}):\n${run.log.split('\n').slice(-30).join('\n')}`);
  options.log(`  ${options.size} first sync: unmeasured set-up, ${(run.wallMs / 1000).toFixed(1)} s without rate limits or latency`);
}

async function measuredRun(sandbox: Sandbox, kind: RunKind, stateDir: string, options: ScenarioOptions): Promise<RunResult> {
  // Runs are a day apart: every rate-limit window starts empty.
  sandbox.rateLimits.personio.set({});
  sandbox.rateLimits.leapsome.set({});
  sandbox.resetLog();
  const before = snapshotLeapsome(sandbox);
  const spawnedAt = Date.now();
  const mapped = options.mappedFields > 0;
  const run = await runBundledAction(options.actionPath, sandbox, stateDir, options.node, mapped ? BENCH_FIELDS : null);
  const traffic = measureTraffic(sandbox.requests);
  const minimum = minimumFor(before, snapshotLeapsome(sandbox), sandbox.personio.list().length);
  const problems = [...divergences(sandbox), ...(mapped ? fieldDivergences(sandbox, BENCH_EXPECTATIONS) : [])];
  const w = minimum.writes;
  const writePhases = [w.postUsers, w.patchUsers - minimum.deactivations, w.postGroups, w.patchGroups, minimum.deactivations].filter(
    (n) => n > 0,
  ).length;
  const bound = lowerBoundMs({
    rttMs: options.latencyMs,
    personioPages: minimum.personioPages,
    scimUserPages: minimum.scimUserPages,
    scimGroupPages: minimum.scimGroupPages,
    writes: totalWrites(w),
    writePhases,
  });
  if (run.code !== 0) options.log(run.log.split('\n').slice(-30).join('\n'));
  return {
    size: options.size,
    kind,
    mappedFields: options.mappedFields,
    exitCode: run.code,
    traffic,
    minimum,
    wallMs: run.wallMs,
    startupMs: traffic.firstAt === null ? 0 : Math.max(0, traffic.firstAt - spawnedAt),
    boundMs: bound.totalMs,
    maxRssKb: run.maxRssKb,
    snapshotRestored: kind === 'first sync' || run.log.includes('Restored the previous snapshot'),
    divergences: problems.length,
    firstDivergence: problems[0] ?? null,
  };
}

function describe(r: RunResult): string {
  const s = (ms: number): string => (ms / 1000).toFixed(r.wallMs < 10_000 ? 2 : 1);
  const after = r.wallMs - r.startupMs - r.traffic.activeMs;
  return `  ${r.size} ${r.kind}${r.mappedFields > 0 ? ` (+${r.mappedFields} fields)` : ''}: exit ${r.exitCode}, writes ${totalWrites(r.traffic.writes)}/${totalWrites(r.minimum.writes)}, 429s ${r.traffic.rateLimited}, wall ${s(r.wallMs)} s (start-up ${s(r.startupMs)}, active ${s(r.traffic.activeMs)}, after ${s(after)}), bound ${s(r.boundMs)} s, wall/bound ${(r.wallMs / r.boundMs).toFixed(2)}, RSS ${r.maxRssKb === null ? '?' : Math.round(r.maxRssKb / 1024)} MB, ${r.divergences} divergences`;
}
