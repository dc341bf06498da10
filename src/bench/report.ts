// bench/results.md: the tables, the formulas behind "minimum" and "bound", and where it ran.
import { cpus, totalmem } from 'node:os';
import { totalWrites, type WriteCounts } from './minimum.js';
import type { RunResult } from './scenario.js';
import { table } from '../report/markdown.js';

export interface ReportContext {
  readonly latencyMs: number;
  readonly date: Date;
  readonly node: string;
  readonly totalWallMs: number;
  /** Median wall time of `node -e 0` with the same binary: what any Node action pays before its first line. */
  readonly emptyNodeMs: number;
  /** Set when only these runs were measured (`--runs`). */
  readonly onlyRuns?: readonly string[];
}

const sec = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const ratio = (a: number, b: number): string => (b <= 0 ? '—' : (a / b).toFixed(2));
const vs = (actual: number, minimum: number): string => `${actual} / ${minimum}`;
/** The default five (title, location, start and end date, gender), plus the extra ones mapped. */
const mappedFieldsText = (extra: number): string => (extra === 0 ? '5' : `5 + ${extra}`);

export function renderTable(results: readonly RunResult[]): string {
  const rows = results.map((r) => {
    const t = r.traffic;
    const m = r.minimum;
    return [
      r.size.toLocaleString('en-US'),
      r.kind,
      mappedFieldsText(r.mappedFields),
      vs(t.personioPages + t.personioOverhead, m.personioPages + m.personioOverhead),
      vs(t.scimListPages + t.scimLookups, m.scimUserPages + m.scimGroupPages),
      vs(totalWrites(t.writes) + t.otherWrites, totalWrites(m.writes)),
      String(t.rateLimited),
      sec(r.wallMs),
      sec(r.startupMs),
      sec(t.activeMs),
      sec(r.boundMs),
      ratio(r.wallMs, r.boundMs),
      ratio(t.activeMs, r.boundMs),
      r.maxRssKb === null ? '?' : String(Math.round(r.maxRssKb / 1024)),
      r.exitCode === 0 && r.divergences === 0 && r.snapshotRestored
        ? 'yes'
        : `**no** (exit ${r.exitCode}, ${r.divergences} diffs${r.snapshotRestored ? '' : ', snapshot not restored'})`,
    ];
  });
  const head = [
    'Employees',
    'Run',
    'Mapped fields',
    'Personio requests (actual / min)',
    'SCIM reads (actual / API min)',
    'SCIM writes',
    '429s',
    'Wall s',
    'Start-up s',
    'Active s',
    'Bound s',
    'Wall ÷ bound',
    'Active ÷ bound',
    'Peak RSS MB',
    'Converged',
  ];
  return table(head, rows);
}

export function renderWritesTable(results: readonly RunResult[]): string {
  const kinds: readonly (keyof WriteCounts)[] = ['postUsers', 'patchUsers', 'postGroups', 'patchGroups'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en-US'),
    r.kind,
    mappedFieldsText(r.mappedFields),
    ...kinds.map((k) => vs(r.traffic.writes[k], r.minimum.writes[k])),
    String(r.traffic.scimLookups),
  ]);
  return table(
    ['Employees', 'Run', 'Mapped fields', 'POST /Users', 'PATCH /Users/:id', 'POST /Groups', 'PATCH /Groups/:id', 'SCIM lookups'],
    rows,
  );
}

export function renderReport(results: readonly RunResult[], context: ReportContext): string {
  const cpu = cpus();
  return `# Benchmark results

\`npm run bench\` (\`node dist/bench/index.js\`): the bundled action, spawned as GitHub runs it, against the
sandbox with the real rate limits (Personio GET employees 15/s + 300/min, /v1/auth 60/min; Leapsome 30/s)
and ${context.latencyMs} ms latency on every request. Per size: the first sync of an empty Leapsome, a no-op
sync straight after, and a day on which about 1 % of employees changed (titles, departments,
supervisors, a few leavers and hires, and with mapped fields levels and skills). Rate-limit windows
start empty before each run (a day passes). **Mapped fields**: the Leapsome profile fields the sync
owns: the default five (title, location, start and end date, gender) and, with "5 + 6", six more from
a config file (\`BENCH_FIELDS\` in src/sandbox/sample-fields.ts: birthday, a level through a map,
division, cost center, mentors as additional managers and a tags custom attribute), each read
from Personio, compared and written in the same PATCH as the rest.
The snapshot is on, as by default: each run restores the previous run's encrypted snapshot and saves
its own when something in it changed (a no-op saves none), in a local directory (on GitHub the
Actions cache moves the same file; loading
\`@actions/cache\` for that costs another ~0.06 s and ~20 MB of RSS, measured apart from this table).
${context.onlyRuns === undefined ? '' : `\n**Only some runs were measured: ${context.onlyRuns.join(', ')}**${context.onlyRuns.includes('first sync') ? '' : ' (an unmeasured first sync without rate limits or latency set Leapsome up)'}.\n`}
${renderTable(results)}

${renderRepeats(results)}Writes by kind (actual / minimum) and lookups (reads beyond the full listing, needed only after an unknown
outcome or Leapsome's \`201 {}\` for an existing user):

${renderWritesTable(results)}

## How to read it

- **Minimum** comes from the data, not from our planner: Leapsome is snapshotted before and after each
  run and the difference priced with the API's rules. A new user costs POST + PATCH (POST /Users
  ignores manager, location and the enterprise fields), a changed or deactivated user one PATCH, a new
  team one POST plus ⌈members/100⌉ PATCHes, a changed team one PATCH when it has ≤ 100 members,
  otherwise ⌈added/100⌉ (nobody left) or ⌈members/100⌉. So a first sync needs 2N + D + Σ⌈members/100⌉
  writes and a no-op none. Reads: Personio 1 auth + 1 attribute check + ⌈employees/100⌉ pages; SCIM
  ⌈users/5000⌉ + ⌈teams/1000⌉ list pages (the largest pages the API serves). We ask for 1,000 users
  per page on purpose: a 5,000-user page is ~30 MB of parsed JSON that outlives V8's young
  generation; in four 20k no-op runs each, peak RSS was 209–257 MB with 5,000-user pages and
  193–218 MB with 1,000. The extra list requests run while Personio's slower pages are read and
  cost no wall time.
- **Bound** is the fastest any client could send that minimum under the limits. Under a sliding window
  of m requests per w, request k (0-based) of a burst starts no earlier than ⌊k/m⌋·w after the first:
  S_P(k) = max(⌊k/15⌋·1 s, ⌊k/300⌋·60 s) for Personio pages, S_L(k) = ⌊k/30⌋·1 s for Leapsome.
  read = max(2·RTT + max(RTT, S_P(P)), SCIM list pages) ; write = S_L(W−1) + phases·RTT ; the
  attribute check and the first page are sent together after the auth, and the check counts under
  the employees windows as the sandbox counts it (request 0; the pages are 1..P).
  **bound = read + write**, because writes can only start once both sides are read and planned.
  "phases" counts the non-empty dependent write steps (create users → set attributes and managers →
  create teams → memberships → deactivations), each at least one round trip. RTT = ${context.latencyMs} ms.
- **Wall** is spawn to exit of the action process; **Start-up** is spawn to the first request the
  sandbox saw (Node start, loading the bundle, reading the settings); **Active** is the sandbox's view,
  from the first request's arrival to the last response. Wall − start-up − active is planning and
  report writing after the last response. An empty Node process (\`node -e 0\`) takes
  ${sec(context.emptyNodeMs)} s here, so a run whose bound is a few round trips (the 1k no-op) cannot
  come within 1.2× of it as a fresh process: there the fair comparison is active ÷ bound.
- **429s** counts answers from the sandbox's rate limiter: requests over a documented limit (target 0).
- **Peak RSS** is \`process.resourceUsage().maxRSS\` of the action process, reported by a preload module.
  Most of it above the live data is garbage V8 has not collected yet, so identical runs differ by tens
  of MB depending on when a full collection happens to run: the repeated no-op runs show the spread.
  The action asks V8 to grow its heap by at most half the live size between full collections
  (src/shared/heap.ts); with V8's default of up to four times, the 20k no-op peaked at 320–341 MB.
- **Converged**: exit code 0 and the independent oracles (\`src/sandbox/oracle.ts\`, and
  \`src/sandbox/field-oracle.ts\` for the mapped fields) find no difference between Leapsome and
  Personio afterwards.

Targets: wall ≤ 1.2 × bound for first and no-op syncs, writes equal to the minimum, peak RSS
≤ 256 MB at 20k employees.

## Machine

- Date: ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC
- Node: ${context.node} (runs the action; the benchmark itself ran on ${process.version})
- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB
- The sandbox (both fake APIs) ran in the benchmark process on the same machine. It renders each
  Personio record and SCIM user to JSON once and serves the cached text until the data changes, so
  that one thread serving both APIs answers a burst of pages about as fast as separate servers would.
- Empty Node process (\`node -e 0\`, median of 5): ${sec(context.emptyNodeMs)} s
- Whole benchmark: ${(context.totalWallMs / 60_000).toFixed(1)} min
`;
}

/** The spread behind each repeated run, so that a reader can judge the noise. */
function renderRepeats(results: readonly RunResult[]): string {
  const mb = (kb: number | null): string => (kb === null ? '?' : String(Math.round(kb / 1024)));
  const lines = results
    .filter((r) => (r.repeats?.length ?? 0) > 1)
    .map(
      (r) =>
        `${r.size.toLocaleString('en-US')} ${r.kind}: ${(r.repeats ?? []).map((x) => `${sec(x.wallMs)} s / ${mb(x.maxRssKb)} MB`).join(', ')}`,
    );
  return lines.length === 0
    ? ''
    : `Repeated runs, wall time / peak RSS (the table shows the median by wall time): ${lines.join('; ')}.\n\n`;
}
