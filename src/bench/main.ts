// `npm run bench`: first sync, no-op and a day of 1 % changes at 1k, 5k and 20k employees against
// the sandbox with real rate limits and latency. Writes bench/results.md and prints it.
//   node dist/bench/index.js [--sizes 1000,5000] [--latency 20] [--mapped-fields 6|0] [--out bench/results.md] [--node /path/to/node]
//                            [--runs no-op] [--repeats 5]
// By default six fields beyond the default five are mapped (BENCH_FIELDS: custom attributes, cost
// centers, mentors as additional managers); --mapped-fields 0 runs with the default fields only.
// The 20k first sync alone takes ~25 minutes: Leapsome allows 30 requests per second. `--runs`
// measures only some of first,no-op,changes (without `first`, an unmeasured first sync sets
// Leapsome up: it takes as long, since the action paces itself); `--repeats` is how often the
// no-op runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_EXTRA_FIELDS } from '../sandbox/index.js';
import { renderReport } from './report.js';
import { NO_OP_REPEATS, RUN_KINDS, runScenario, type RunKind, type RunResult } from './scenario.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** dist/bench/index.js -> dist/index.js and the repository's bench/ folder. */
const ACTION = join(HERE, '..', 'index.js');
const DEFAULT_OUT = join(HERE, '..', '..', 'bench', 'results.md');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000,20000' },
      latency: { type: 'string', default: '20' },
      'mapped-fields': { type: 'string', default: String(BENCH_EXTRA_FIELDS) },
      out: { type: 'string', default: DEFAULT_OUT },
      node: { type: 'string', default: process.execPath },
      runs: { type: 'string', default: 'first,no-op,changes' },
      repeats: { type: 'string', default: String(NO_OP_REPEATS) },
    },
  });
  const RUN_NAMES: Readonly<Record<string, RunKind>> = { first: 'first sync', 'no-op': 'no-op', changes: '1 % changes' };
  const runs = values.runs.split(',').map((name) => {
    const kind = RUN_NAMES[name.trim()];
    if (kind === undefined) throw new Error(`--runs takes any of first, no-op, changes; got ${name}`);
    return kind;
  });
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer, got ${values.repeats}`);
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers, got ${values.sizes}`);
  const latencyMs = Number(values.latency);
  if (!(latencyMs >= 0)) throw new Error(`--latency must be a number of ms, got ${values.latency}`);

  const mappedFields = Number(values['mapped-fields']);
  if (mappedFields !== 0 && mappedFields !== BENCH_EXTRA_FIELDS)
    throw new Error(`--mapped-fields must be 0 or ${BENCH_EXTRA_FIELDS}, got ${values['mapped-fields']}`);
  const emptyNodeMs = medianEmptyNodeMs(values.node);
  const started = performance.now();
  const results: RunResult[] = [];
  for (const size of sizes) {
    console.log(`${size} employees:`);
    results.push(
      ...(await runScenario({
        size,
        latencyMs,
        mappedFields,
        actionPath: ACTION,
        node: values.node,
        log: (line) => console.log(line),
        runs,
        repeats,
      })),
    );
  }
  const node = values.node === process.execPath ? process.version : values.node;
  const partial = runs.length < RUN_KINDS.length ? runs : null;
  const report = renderReport(results, {
    latencyMs,
    date: new Date(),
    node,
    totalWallMs: performance.now() - started,
    emptyNodeMs,
    ...(partial === null ? {} : { onlyRuns: partial }),
  });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`\n${report}\nWritten to ${out}`);
  if (results.some((r) => r.exitCode !== 0 || r.divergences > 0 || !r.snapshotRestored)) process.exitCode = 1;
}

/** What a fresh process of this Node binary costs before any of our code runs. */
function medianEmptyNodeMs(node: string): number {
  const times = Array.from({ length: 5 }, () => {
    const t = performance.now();
    spawnSync(node, ['-e', '0']);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  return times[2] ?? 0;
}

await main();
