import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 281:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _sandbox_index_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(481);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(860);
/* harmony import */ var _scenario_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(341);
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








const HERE = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
/** dist/bench/index.js -> dist/index.js and the repository's bench/ folder. */
const ACTION = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(HERE, '..', 'index.js');
const DEFAULT_OUT = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(HERE, '..', '..', 'bench', 'results.md');
async function main() {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_4__.parseArgs)({
        options: {
            sizes: { type: 'string', default: '1000,5000,20000' },
            latency: { type: 'string', default: '20' },
            'mapped-fields': { type: 'string', default: String(_sandbox_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BENCH_EXTRA_FIELDS */ .oD) },
            out: { type: 'string', default: DEFAULT_OUT },
            node: { type: 'string', default: process.execPath },
            runs: { type: 'string', default: 'first,no-op,changes' },
            repeats: { type: 'string', default: String(_scenario_js__WEBPACK_IMPORTED_MODULE_7__/* .NO_OP_REPEATS */ .nI) },
        },
    });
    const RUN_NAMES = { first: 'first sync', 'no-op': 'no-op', changes: '1 % changes' };
    const runs = values.runs.split(',').map((name) => {
        const kind = RUN_NAMES[name.trim()];
        if (kind === undefined)
            throw new Error(`--runs takes any of first, no-op, changes; got ${name}`);
        return kind;
    });
    const repeats = Number(values.repeats);
    if (!Number.isInteger(repeats) || repeats < 1)
        throw new Error(`--repeats must be a positive integer, got ${values.repeats}`);
    const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
    if (sizes.some((n) => !Number.isInteger(n) || n < 1))
        throw new Error(`--sizes must be positive integers, got ${values.sizes}`);
    const latencyMs = Number(values.latency);
    if (!(latencyMs >= 0))
        throw new Error(`--latency must be a number of ms, got ${values.latency}`);
    const mappedFields = Number(values['mapped-fields']);
    if (mappedFields !== 0 && mappedFields !== _sandbox_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BENCH_EXTRA_FIELDS */ .oD)
        throw new Error(`--mapped-fields must be 0 or ${_sandbox_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BENCH_EXTRA_FIELDS */ .oD}, got ${values['mapped-fields']}`);
    const emptyNodeMs = medianEmptyNodeMs(values.node);
    const started = performance.now();
    const results = [];
    for (const size of sizes) {
        console.log(`${size} employees:`);
        results.push(...(await (0,_scenario_js__WEBPACK_IMPORTED_MODULE_7__/* .runScenario */ .Ge)({
            size,
            latencyMs,
            mappedFields,
            actionPath: ACTION,
            node: values.node,
            log: (line) => console.log(line),
            runs,
            repeats,
        })));
    }
    const node = values.node === process.execPath ? process.version : values.node;
    const partial = runs.length < _scenario_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_KINDS */ .ab.length ? runs : null;
    const report = (0,_report_js__WEBPACK_IMPORTED_MODULE_6__/* .renderReport */ .B1)(results, {
        latencyMs,
        date: new Date(),
        node,
        totalWallMs: performance.now() - started,
        emptyNodeMs,
        ...(partial === null ? {} : { onlyRuns: partial }),
    });
    const out = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(values.out);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(out), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(out, report);
    console.log(`\n${report}\nWritten to ${out}`);
    if (results.some((r) => r.exitCode !== 0 || r.divergences > 0 || !r.snapshotRestored))
        process.exitCode = 1;
}
/** What a fresh process of this Node binary costs before any of our code runs. */
function medianEmptyNodeMs(node) {
    const times = Array.from({ length: 5 }, () => {
        const t = performance.now();
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(node, ['-e', '0']);
        return performance.now() - t;
    }).sort((a, b) => a - b);
    return times[2] ?? 0;
}
await main();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 830:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dl: () => (/* binding */ totalWrites),
/* harmony export */   GH: () => (/* binding */ minimumFor),
/* harmony export */   Ps: () => (/* binding */ snapshotLeapsome)
/* harmony export */ });
const PAGE = 100;
const SCIM_USERS_PAGE = 5_000;
const SCIM_GROUPS_PAGE = 1_000;
const MEMBERS_PER_PATCH = 100;
function snapshotLeapsome(sandbox) {
    const users = new Map();
    for (const user of sandbox.leapsome.listUsers()) {
        users.set(user.id, { state: comparable(user), needsPatchAfterPost: needsPatchAfterPost(user), active: user.active });
    }
    const teams = new Map();
    for (const team of sandbox.leapsome.listTeams())
        teams.set(team.id, { name: team.displayName, members: new Set(team.memberIds) });
    return { users, teams };
}
function minimumFor(before, after, personioEmployees) {
    const writes = { postUsers: 0, patchUsers: 0, postGroups: 0, patchGroups: 0 };
    let deactivations = 0;
    for (const [id, now] of after.users) {
        const was = before.users.get(id);
        if (was === undefined) {
            writes.postUsers++;
            if (now.needsPatchAfterPost)
                writes.patchUsers++;
        }
        else if (was.state !== now.state) {
            writes.patchUsers++;
            if (was.active && !now.active)
                deactivations++;
        }
    }
    for (const [id, now] of after.teams) {
        const was = before.teams.get(id);
        if (was === undefined) {
            writes.postGroups++;
            writes.patchGroups += Math.ceil(now.members.size / MEMBERS_PER_PATCH);
            continue;
        }
        const added = [...now.members].filter((m) => !was.members.has(m)).length;
        const removed = [...was.members].some((m) => !now.members.has(m));
        if (added === 0 && !removed)
            writes.patchGroups += was.name === now.name ? 0 : 1;
        else if (now.members.size <= MEMBERS_PER_PATCH)
            writes.patchGroups += 1;
        else
            writes.patchGroups += removed ? Math.ceil(now.members.size / MEMBERS_PER_PATCH) : Math.ceil(added / MEMBERS_PER_PATCH);
    }
    return {
        writes,
        deactivations,
        personioPages: Math.max(1, Math.ceil(personioEmployees / PAGE)),
        personioOverhead: 2,
        scimUserPages: Math.max(1, Math.ceil(before.users.size / SCIM_USERS_PAGE)),
        scimGroupPages: Math.max(1, Math.ceil(before.teams.size / SCIM_GROUPS_PAGE)),
    };
}
function totalWrites(w) {
    return w.postUsers + w.patchUsers + w.postGroups + w.patchGroups;
}
/** Everything a PATCH /Users can change, as one string; ids, timestamps and teams left out. */
function comparable(user) {
    const { created: _c, lastModified: _m, version: _v, teamIds: _t, ...state } = user;
    return JSON.stringify(state);
}
/** Fields POST /Users ignores (manager, location, the enterprise extension with custom attributes). */
function needsPatchAfterPost(user) {
    const extension = [
        user.managerId,
        user.location,
        user.department,
        user.costCenter,
        user.division,
        user.level,
        user.startDate,
        user.endDate,
        user.birthday,
        user.gender,
    ];
    return extension.some((value) => value !== null) || user.additionalManagerIds.length > 0 || Object.keys(user.custom).length > 0;
}


/***/ }),

/***/ 860:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B1: () => (/* binding */ renderReport)
});

// UNUSED EXPORTS: renderTable, renderWritesTable

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: ./src/bench/minimum.ts
var minimum = __nccwpck_require__(830);
;// CONCATENATED MODULE: ./src/report/markdown.ts
// The Markdown the job summary and the pull-request comment are built from: tables, and blocks
// folded into <details> (GitHub renders the HTML tag; a folded block starts closed). Cell text must
// already be escaped (escape.ts): these helpers add structure, never escape.
/** Tables longer than this many rows are folded. */
const FOLD_AFTER_ROWS = 15;
function table(header, rows) {
    const line = (row) => `| ${row.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** `content` behind a closed <details>, `summary` (inline HTML) showing. */
function folded(summary, content) {
    return `<details><summary>${summary}</summary>\n\n${content}\n</details>\n`;
}
/** A heading and its table, folded when long, with the rows beyond `maxRows` counted. */
function tableSection(heading, header, rows, options) {
    const shown = rows.slice(0, options.maxRows);
    const more = rows.length - shown.length;
    const body = table(header, shown) +
        (more > 0 ? `\n\n… and ${more} more${options.restIn === undefined ? '' : `, listed in ${options.restIn}`}.` : '');
    if (rows.length <= FOLD_AFTER_ROWS)
        return `${heading}\n\n${body}\n`;
    return `${heading}\n\n${folded(`Show ${rows.length} rows`, `${body}\n`)}`;
}

;// CONCATENATED MODULE: ./src/bench/report.ts
// bench/results.md: the tables, the formulas behind "minimum" and "bound", and where it ran.



const sec = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const ratio = (a, b) => (b <= 0 ? '—' : (a / b).toFixed(2));
const vs = (actual, minimum) => `${actual} / ${minimum}`;
/** The default five (title, location, start and end date, gender), plus the extra ones mapped. */
const mappedFieldsText = (extra) => (extra === 0 ? '5' : `5 + ${extra}`);
function renderTable(results) {
    const rows = results.map((r) => {
        const t = r.traffic;
        const m = r.minimum;
        return [
            r.size.toLocaleString('en-US'),
            r.kind,
            mappedFieldsText(r.mappedFields),
            vs(t.personioPages + t.personioOverhead, m.personioPages + m.personioOverhead),
            vs(t.scimListPages + t.scimLookups, m.scimUserPages + m.scimGroupPages),
            vs((0,minimum/* totalWrites */.Dl)(t.writes) + t.otherWrites, (0,minimum/* totalWrites */.Dl)(m.writes)),
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
function renderWritesTable(results) {
    const kinds = ['postUsers', 'patchUsers', 'postGroups', 'patchGroups'];
    const rows = results.map((r) => [
        r.size.toLocaleString('en-US'),
        r.kind,
        mappedFieldsText(r.mappedFields),
        ...kinds.map((k) => vs(r.traffic.writes[k], r.minimum.writes[k])),
        String(r.traffic.scimLookups),
    ]);
    return table(['Employees', 'Run', 'Mapped fields', 'POST /Users', 'PATCH /Users/:id', 'POST /Groups', 'PATCH /Groups/:id', 'SCIM lookups'], rows);
}
function renderReport(results, context) {
    const cpu = (0,external_node_os_.cpus)();
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
- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; memory ${((0,external_node_os_.totalmem)() / 2 ** 30).toFixed(1)} GiB
- The sandbox (both fake APIs) ran in the benchmark process on the same machine. It renders each
  Personio record and SCIM user to JSON once and serves the cached text until the data changes, so
  that one thread serving both APIs answers a burst of pages about as fast as separate servers would.
- Empty Node process (\`node -e 0\`, median of 5): ${sec(context.emptyNodeMs)} s
- Whole benchmark: ${(context.totalWallMs / 60_000).toFixed(1)} min
`;
}
/** The spread behind each repeated run, so that a reader can judge the noise. */
function renderRepeats(results) {
    const mb = (kb) => (kb === null ? '?' : String(Math.round(kb / 1024)));
    const lines = results
        .filter((r) => (r.repeats?.length ?? 0) > 1)
        .map((r) => `${r.size.toLocaleString('en-US')} ${r.kind}: ${(r.repeats ?? []).map((x) => `${sec(x.wallMs)} s / ${mb(x.maxRssKb)} MB`).join(', ')}`);
    return lines.length === 0
        ? ''
        : `Repeated runs, wall time / peak RSS (the table shows the median by wall time): ${lines.join('; ')}.\n\n`;
}


/***/ }),

/***/ 341:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nI: () => (/* binding */ NO_OP_REPEATS),
  ab: () => (/* binding */ RUN_KINDS),
  Ge: () => (/* binding */ runScenario)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/sandbox/oracle.ts
function divergences(sandbox, options = {}) {
    const statuses = new Set(options.statuses ?? ['active', 'leave']);
    const ignore = options.ignore ?? new Set();
    const problems = [];
    const employees = sandbox.personio.list();
    const users = sandbox.leapsome.listUsers();
    const byExternalId = new Map();
    for (const user of users) {
        if (user.externalId === null)
            continue;
        byExternalId.set(user.externalId, [...(byExternalId.get(user.externalId) ?? []), user]);
    }
    const byEmail = new Map();
    for (const user of users)
        byEmail.set(user.userName.toLowerCase(), (byEmail.get(user.userName.toLowerCase()) ?? 0) + 1);
    for (const [email, n] of byEmail)
        if (n > 1)
            problems.push(`${n} Leapsome users share ${email}`);
    const employeesById = new Map(employees.map((e) => [e.id, e]));
    const inScope = (id) => {
        if (id === null || ignore.has(id))
            return false;
        const e = employeesById.get(id);
        return e !== undefined && statuses.has(e.status) && e.email !== null && e.email !== '';
    };
    const teamsByExternalId = new Map(sandbox.leapsome.listTeams().map((t) => [t.externalId, t]));
    const expectedMembers = new Map();
    for (const e of employees) {
        if (ignore.has(e.id))
            continue;
        const matches = byExternalId.get(String(e.id)) ?? [];
        if (matches.length > 1)
            problems.push(`employee ${e.id} has ${matches.length} Leapsome users`);
        const user = matches[0];
        if (!inScope(e.id)) {
            if (user?.active)
                problems.push(`employee ${e.id} (${e.status}) still has an active Leapsome user`);
            continue;
        }
        if (user === undefined) {
            problems.push(`employee ${e.id} has no Leapsome user`);
            continue;
        }
        const expect = (field, actual, wanted) => {
            if ((actual ?? null) !== (wanted ?? null))
                problems.push(`employee ${e.id}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
        };
        expect('active', user.active, true);
        expect('userName', user.userName.toLowerCase(), e.email?.toLowerCase());
        expect('givenName', user.givenName, e.firstName);
        expect('familyName', user.familyName, e.lastName);
        expect('displayName', user.displayName, e.preferredName !== '' ? e.preferredName : `${e.firstName} ${e.lastName}`);
        expect('title', user.title ?? 'Colleague', e.position === '' ? 'Colleague' : e.position);
        expect('startDate', user.startDate, e.hireDate);
        expect('endDate', user.endDate, e.terminationDate);
        expect('location', user.location, e.office?.name ?? null);
        const supervisorUser = inScope(e.supervisorId) ? byExternalId.get(String(e.supervisorId))?.[0] : undefined;
        expect('manager', user.managerId, supervisorUser?.id ?? null);
        if (e.department !== null) {
            const key = `personio:department:${e.department.id}`;
            const team = teamsByExternalId.get(key);
            if (team === undefined)
                problems.push(`no team for department ${e.department.name}`);
            else {
                expect(`team name of ${key}`, team.displayName, e.department.name);
                const set = expectedMembers.get(team.id) ?? new Set();
                set.add(user.id);
                expectedMembers.set(team.id, set);
            }
        }
    }
    // Members the sync must leave alone (ignored records) may stay in its teams.
    const frozen = new Set([...ignore].flatMap((id) => (byExternalId.get(String(id)) ?? []).map((u) => u.id)));
    for (const team of sandbox.leapsome.listTeams()) {
        if (team.externalId === null || !team.externalId.startsWith('personio:department:'))
            continue;
        const actual = new Set(sandbox.leapsome.teamMembers(team.id));
        const wanted = expectedMembers.get(team.id) ?? new Set();
        for (const id of actual)
            if (!wanted.has(id) && !frozen.has(id))
                problems.push(`team ${team.displayName} has extra member ${id}`);
        for (const id of wanted)
            if (!actual.has(id))
                problems.push(`team ${team.displayName} lacks member ${id}`);
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/sandbox/field-oracle.ts
const SKILLS_ID = '6140868326541a4da586db0b';
const CONTRACT_ID = '6140868326541a4da586db0c';
const REMOTE_DAYS_ID = '6140868326541a4da586db0d';
/** The cost center with the highest percentage, the first on a tie. */
const mainCostCenter = (e) => e.costCenters.reduce((best, c) => (best === null || c.percentage > best.percentage ? c : best), null)?.name ?? null;
/** Mentors as the sandbox stores them (ids and emails) -> the in-scope employees they name, without the person and their supervisor. */
function mentors(e, company, inScope, key = 'dynamic_1146710') {
    const raw = e.dynamic[key];
    if (typeof raw !== 'string')
        return [];
    const byEmail = new Map([...company.values()].map((x) => [x.email?.toLowerCase() ?? '', x.id]));
    const ids = raw
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((t) => (/^\d+$/.test(t) ? Number(t) : (byEmail.get(t.toLowerCase()) ?? -1)));
    return [...new Set(ids)].filter((id) => id !== e.id && id !== e.supervisorId && inScope(id)).sort((a, b) => a - b);
}
/** Differences between Leapsome and the expectations, for every in-scope employee. */
function fieldDivergences(sandbox, expectations, statuses = ['active', 'leave']) {
    const employees = sandbox.personio.list();
    const company = new Map(employees.map((e) => [e.id, e]));
    const wanted = new Set(statuses);
    const inScope = (id) => {
        const e = company.get(id);
        return e !== undefined && wanted.has(e.status) && e.email !== null && e.email !== '';
    };
    const users = sandbox.leapsome.listUsers();
    const byExternalId = new Map(users.flatMap((u) => (u.externalId === null ? [] : [[u.externalId, u]])));
    const personioIdOf = new Map(users.map((u) => [u.id, Number(u.externalId ?? -1)]));
    const problems = [];
    for (const e of employees) {
        if (!inScope(e.id))
            continue;
        const user = byExternalId.get(String(e.id));
        if (user === undefined) {
            problems.push(`employee ${e.id} has no Leapsome user`);
            continue;
        }
        for (const [field, expectation] of Object.entries(expectations)) {
            const wantedValue = expectation(e, company, inScope);
            let actual;
            if (field === 'additional-managers') {
                actual = user.additionalManagerIds.map((id) => personioIdOf.get(id) ?? -1).sort((a, b) => a - b);
            }
            else if (field.startsWith('custom.'))
                actual = user.custom[field.slice(7)] ?? null;
            else {
                const key = {
                    level: 'level',
                    birthday: 'birthday',
                    division: 'division',
                    'cost-center': 'costCenter',
                    gender: 'gender',
                    location: 'location',
                    'start-date': 'startDate',
                    'end-date': 'endDate',
                }[field];
                actual = key === undefined ? null : (user[key] ?? null);
            }
            if (JSON.stringify(actual) !== JSON.stringify(wantedValue))
                problems.push(`employee ${e.id}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wantedValue)}`);
        }
    }
    return problems;
}
/** What the benchmark's six extra fields (BENCH_FIELDS) should hold. */
const BENCH_EXPECTATIONS = {
    birthday: (e) => (typeof e.dynamic.dynamic_180883 === 'string' ? e.dynamic.dynamic_180883 : null),
    level: (e) => ({ L1: 'Junior', L2: 'Intermediate', L3: 'Senior', L4: 'Lead', L5: 'Principal' })[String(e.dynamic.dynamic_1146703)] ?? 'Unassigned',
    division: (e) => e.subcompany?.name ?? null,
    'cost-center': mainCostCenter,
    'additional-managers': mentors,
    [`custom.${SKILLS_ID}`]: (e) => Array.isArray(e.dynamic.dynamic_1146704) && e.dynamic.dynamic_1146704.length > 0 ? e.dynamic.dynamic_1146704.join(', ') : null,
};

// EXTERNAL MODULE: ./src/sandbox/index.ts + 17 modules
var src_sandbox = __nccwpck_require__(481);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(136);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(421);
;// CONCATENATED MODULE: ./src/sandbox/action-process.ts
// Runs the bundled action as the runner does: a fresh `node dist/index.js` process whose inputs are
// INPUT_* variables (hyphens kept), with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files and nothing
// else from our environment. Shared by the demo, the benchmark and the tests.




/** The inputs that point the action at a sandbox: its URLs and credentials. */
function sandboxInputs(sandbox) {
    return {
        'personio-client-id': sandbox.credentials.personioClientId,
        'personio-client-secret': sandbox.credentials.personioClientSecret,
        'leapsome-scim-token': sandbox.credentials.leapsomeToken,
        'personio-base-url': sandbox.personioUrl,
        'leapsome-base-url': sandbox.leapsomeUrl,
    };
}
async function runActionProcess(options) {
    const workDir = options.workDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pls-action-'));
    const summaryFile = (0,external_node_path_.join)(workDir, 'summary.md');
    const outputFile = (0,external_node_path_.join)(workDir, 'output.txt');
    (0,external_node_fs_.writeFileSync)(summaryFile, '');
    (0,external_node_fs_.writeFileSync)(outputFile, '');
    const env = {
        PATH: process.env.PATH ?? '',
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
        ...options.env,
    };
    for (const [name, value] of Object.entries(options.inputs))
        env[`INPUT_${name.toUpperCase()}`] = value;
    const started = performance.now();
    const child = (0,external_node_child_process_.spawn)(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.entry], {
        env,
        cwd: options.cwd ?? workDir,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    const { killWhen } = options;
    const watcher = killWhen === undefined ? undefined : setInterval(() => killWhen() && child.kill('SIGKILL'), 2);
    const [code, signal] = await new Promise((resolve) => child.on('close', (c, s) => resolve([c, s])));
    clearTimeout(timer);
    clearInterval(watcher);
    return {
        code,
        signal,
        stdout,
        stderr,
        summary: (0,external_node_fs_.readFileSync)(summaryFile, 'utf8'),
        outputs: (0,external_node_fs_.existsSync)(outputFile) ? parseOutputFile((0,external_node_fs_.readFileSync)(outputFile, 'utf8')) : {},
        wallMs: performance.now() - started,
        workDir,
    };
}
/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, the value's lines, `delimiter`. */
function parseOutputFile(text) {
    const outputs = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
        if (!m)
            continue;
        const [, name, delimiter] = m;
        const value = [];
        for (i++; i < lines.length && lines[i] !== delimiter; i++)
            value.push(lines[i] ?? '');
        outputs[name] = value.join('\n');
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/bench/action.ts
// Runs the bundled action (dist/index.js) as the runner does, against the sandbox. A preload module
// reports the process's peak RSS when it exits.





const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PLS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;
/**
 * The snapshot is on, as by default: restored and saved encrypted in `stateDir` (the local store;
 * on GitHub the Actions cache moves the same file), so its cost is measured too.
 */
async function runBundledAction(actionPath, sandbox, stateDir, node = process.execPath, config = null) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pls-bench-'));
    try {
        // The config file, where a workflow that checked out the repository has it.
        if (config !== null) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, '.github'));
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, '.github', 'personio-leapsome.yml'), config);
        }
        const rssFile = (0,external_node_path_.join)(dir, 'rss.txt');
        const preload = (0,external_node_path_.join)(dir, 'rss.mjs');
        (0,external_node_fs_.writeFileSync)(preload, PRELOAD);
        const run = await runActionProcess({
            entry: actionPath,
            node,
            nodeArgs: ['--import', (0,external_node_url_.pathToFileURL)(preload).href],
            inputs: { ...sandboxInputs(sandbox), cache: 'true' },
            workDir: dir,
            env: {
                GITHUB_ACTIONS: 'true',
                GITHUB_WORKSPACE: dir,
                RUNNER_TEMP: dir,
                PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir,
                PLS_BENCH_RSS_FILE: rssFile,
            },
        });
        let maxRssKb = null;
        try {
            maxRssKb = Number((0,external_node_fs_.readFileSync)(rssFile, 'utf8'));
        }
        catch {
            maxRssKb = null;
        }
        return { code: run.code, wallMs: run.wallMs, maxRssKb, log: run.stdout + run.stderr };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/bench/bound.ts
// The fastest any client could do a run's minimum traffic under the documented rate limits.
//
// Under a sliding window of `max` requests per `w` ms, the k-th request (0-based) of a burst can
// start no earlier than ⌊k/max⌋·w after the first. Personio pages sit under two windows (15/s and
// 300/min), so S_P(k) = max(⌊k/15⌋·1 s, ⌊k/300⌋·60 s); Leapsome has one, S_L(k) = ⌊k/30⌋·1 s.
//
//   read  = max( Personio: auth → the attribute check and the first page together → the other pages:
//                2·RTT + max(RTT, S_P(P)) when P > 1, else 2·RTT (the attribute check is request 0
//                under the employees windows, as the sandbox counts it; the pages are 1..P),
//                Leapsome: first user/group page → the other pages: RTT, or 2·RTT with more pages )
//   write = S_L(W−1) + phases·RTT   (0 when W = 0)
//   bound = read + write
//
// Reads and writes are sequential phases (the plan needs both sides read first). Within the write
// phase each dependent step that has work (create users → patch users → create teams → patch
// teams → deactivate) costs at least one round trip. RTT is the sandbox's injected latency; CPU
// time (process start, parsing, planning) is not part of the bound.
function personioSchedule(k) {
    return Math.max(Math.floor(k / 15) * 1_000, Math.floor(k / 300) * 60_000);
}
function leapsomeSchedule(k) {
    return Math.floor(k / 30) * 1_000;
}
function lowerBoundMs(input) {
    const rtt = input.rttMs;
    const personio = input.personioPages > 1 ? 2 * rtt + Math.max(rtt, personioSchedule(input.personioPages)) : 2 * rtt;
    const morePages = input.scimUserPages > 1 || input.scimGroupPages > 1;
    const leapsome = (morePages ? 2 : 1) * rtt + leapsomeSchedule(Math.max(0, input.scimUserPages + input.scimGroupPages - 1));
    const readMs = Math.max(personio, leapsome);
    const writeMs = input.writes === 0 ? 0 : leapsomeSchedule(input.writes - 1) + input.writePhases * rtt;
    return { readMs, writeMs, totalMs: readMs + writeMs };
}

// EXTERNAL MODULE: ./src/sandbox/random.ts
var random = __nccwpck_require__(304);
;// CONCATENATED MODULE: ./src/bench/day.ts
// "A day in Personio": about `share` of the employees change (titles, departments, supervisors,
// a few leavers and hires), chosen by a seeded PRNG so every run of the benchmark sees the same
// day. Used by the benchmark and the chaos tests.

/** Mutates Personio in the sandbox; returns the Personio ids touched, by kind. */
function applyDayOfChanges(sandbox, share, seed, today = '2025-09-02', options = {}) {
    const rand = (0,random/* mulberry32 */.sK)(seed);
    const everyone = sandbox.personio.list();
    const current = everyone.filter((e) => (e.status === 'active' || e.status === 'leave') && e.email !== null && e.email !== '');
    const total = Math.max(5, Math.round(everyone.length * share));
    const leaverCount = Math.max(1, Math.round(total * 0.1));
    const hireCount = Math.max(1, Math.round(total * 0.1));
    const departmentCount = Math.round(total * 0.2);
    const supervisorCount = Math.round(total * 0.2);
    const otherCount = Math.max(0, total - leaverCount - hireCount - departmentCount - supervisorCount);
    const profileCount = options.profiles === true ? Math.round(otherCount / 2) : 0;
    const titleCount = otherCount - profileCount;
    // Each changed employee is picked once (a shuffled prefix), so the counts are exact.
    const order = current
        .map((e) => ({ e, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.e);
    let next = 0;
    const take = (count) => order.slice(next, (next += count));
    const departments = uniqueUnits(everyone.map((e) => e.department));
    // Supervisors always have a lower id than their reports (the generator builds top-down), so
    // picking a new supervisor among lower ids can never create a cycle.
    const byIdAsc = [...current].sort((a, b) => a.id - b.id);
    const lowerThan = (id) => byIdAsc.filter((e) => e.id < id);
    const changes = {
        titles: take(titleCount).map((e) => {
            sandbox.personio.update(e.id, { position: e.position.startsWith('Senior ') ? e.position.slice(7) : `Senior ${e.position}` });
            return e.id;
        }),
        profiles: take(profileCount).map((e, i) => {
            // Alternately a promotion (the next level) and a new skill.
            const level = String(e.dynamic.dynamic_1146703 ?? 'L1');
            const skills = Array.isArray(e.dynamic.dynamic_1146704) ? e.dynamic.dynamic_1146704 : [];
            const next = level === 'L5' ? 'L1' : `L${Number(level.slice(1)) + 1}`;
            const dynamic = i % 2 === 0
                ? { ...e.dynamic, dynamic_1146703: next }
                : { ...e.dynamic, dynamic_1146704: skills.includes('Rust') ? skills.filter((x) => x !== 'Rust') : [...skills, 'Rust'] };
            sandbox.personio.update(e.id, { dynamic });
            return e.id;
        }),
        departments: take(departmentCount).flatMap((e) => {
            const others = departments.filter((d) => d.id !== e.department?.id);
            if (others.length === 0)
                return [];
            sandbox.personio.update(e.id, { department: (0,random/* pick */.Up)(rand, others) });
            return [e.id];
        }),
        supervisors: take(supervisorCount).flatMap((e) => {
            const candidates = lowerThan(e.id).filter((s) => s.id !== e.supervisorId);
            if (candidates.length === 0)
                return [];
            sandbox.personio.update(e.id, { supervisorId: (0,random/* pick */.Up)(rand, candidates).id });
            return [e.id];
        }),
        leavers: take(leaverCount).map((e) => {
            sandbox.personio.update(e.id, { status: 'inactive', terminationDate: today, lastWorkingDay: today, terminationType: 'employee' });
            return e.id;
        }),
        hires: Array.from({ length: hireCount }, (_, i) => {
            const supervisor = (0,random/* pick */.Up)(rand, current);
            return sandbox.personio.add({
                firstName: 'Hire',
                lastName: `Day${seed}x${i}`,
                status: 'active',
                position: 'Software Engineer',
                department: supervisor.department,
                office: supervisor.office,
                supervisorId: supervisor.id,
                hireDate: today,
            }).id;
        }),
    };
    return changes;
}
function uniqueUnits(units) {
    const byId = new Map();
    for (const unit of units)
        if (unit !== null)
            byId.set(unit.id, unit);
    return [...byId.values()];
}

;// CONCATENATED MODULE: ./src/bench/measure.ts
function measureTraffic(entries) {
    const writes = { postUsers: 0, patchUsers: 0, postGroups: 0, patchGroups: 0 };
    let personioPages = 0;
    let personioOverhead = 0;
    let scimListPages = 0;
    let scimLookups = 0;
    let otherWrites = 0;
    let rateLimited = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of entries) {
        first = Math.min(first, e.at);
        last = Math.max(last, e.at + e.durationMs);
        if (e.fault === 'rateLimit')
            rateLimited++;
        const key = `${e.method} ${e.route}`;
        if (e.api === 'personio') {
            if (key === 'GET /v1/company/employees')
                personioPages++;
            else
                personioOverhead++;
            continue;
        }
        switch (key) {
            case 'GET /Users':
            case 'GET /Groups':
                if (e.query.filter === undefined)
                    scimListPages++;
                else
                    scimLookups++;
                break;
            case 'GET /Users/:id':
            case 'GET /Groups/:id':
                scimLookups++;
                break;
            case 'POST /Users':
                writes.postUsers++;
                break;
            case 'PATCH /Users/:id':
                writes.patchUsers++;
                break;
            case 'POST /Groups':
                writes.postGroups++;
                break;
            case 'PATCH /Groups/:id':
                writes.patchGroups++;
                break;
            default:
                otherWrites++;
        }
    }
    const any = entries.length > 0;
    return {
        personioPages,
        personioOverhead,
        scimListPages,
        scimLookups,
        writes,
        otherWrites,
        rateLimited,
        activeMs: any ? Math.round(last - first) : 0,
        firstAt: any ? first : null,
    };
}

// EXTERNAL MODULE: ./src/bench/minimum.ts
var bench_minimum = __nccwpck_require__(830);
;// CONCATENATED MODULE: ./src/bench/scenario.ts
// One company size: first sync, no-op sync, then a day with 1 % changes, each measured against
// the minimum traffic and the rate-limit lower bound.











const RUN_KINDS = ['first sync', 'no-op', '1 % changes'];
/** Five: the machine's noise (±50 ms between runs at 5,000 employees) moves a median of three too much. */
const NO_OP_REPEATS = 5;
async function runScenario(options) {
    const sandbox = await (0,src_sandbox/* startSandbox */.OT)({
        company: { size: options.size },
        logBodies: false,
        faults: { personio: { latencyMs: options.latencyMs }, leapsome: { latencyMs: options.latencyMs } },
    });
    // One snapshot history per company: each run restores the previous run's snapshot.
    const stateDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pls-bench-state-'));
    try {
        const results = [];
        const measured = new Set(options.runs ?? RUN_KINDS);
        for (const kind of RUN_KINDS) {
            if (kind === 'first sync' && !measured.has(kind)) {
                await setUpLeapsome(sandbox, stateDir, options);
                continue;
            }
            if (!measured.has(kind))
                continue;
            if (kind === '1 % changes')
                applyDayOfChanges(sandbox, 0.01, options.size, undefined, { profiles: options.mappedFields > 0 });
            // A no-op leaves everything as it was, so it is run several times and the median run (by
            // wall time) reported: a short run is at the mercy of the machine's other work.
            const runs = [];
            for (let i = 0; i < (kind === 'no-op' ? (options.repeats ?? NO_OP_REPEATS) : 1); i++) {
                const result = await measuredRun(sandbox, kind, stateDir, options);
                options.log(describe(result));
                runs.push(result);
            }
            const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
            const median = byWall[Math.floor(byWall.length / 2)];
            if (median !== undefined)
                results.push({ ...median, repeats: byWall.map((r) => ({ wallMs: r.wallMs, maxRssKb: r.maxRssKb })) });
        }
        return results;
    }
    finally {
        await sandbox.close();
        (0,external_node_fs_.rmSync)(stateDir, { recursive: true, force: true });
    }
}
/**
 * The first sync, unmeasured: it leaves Leapsome and the snapshot exactly as a measured one would
 * (it takes about as long: the action paces its writes under Leapsome's limits by itself).
 */
async function setUpLeapsome(sandbox, stateDir, options) {
    sandbox.rateLimits.personio.set({ enabled: false });
    sandbox.rateLimits.leapsome.set({ enabled: false });
    sandbox.faults.personio.clear();
    sandbox.faults.leapsome.clear();
    const run = await runBundledAction(options.actionPath, sandbox, stateDir, options.node, options.mappedFields > 0 ? src_sandbox/* BENCH_FIELDS */.RB : null);
    sandbox.rateLimits.personio.set({ enabled: true });
    sandbox.rateLimits.leapsome.set({ enabled: true });
    sandbox.faults.personio.set({ latencyMs: options.latencyMs });
    sandbox.faults.leapsome.set({ latencyMs: options.latencyMs });
    if (run.code !== 0)
        throw new Error(`setting Leapsome up failed (exit ${run.code}):\n${run.log.split('\n').slice(-30).join('\n')}`);
    options.log(`  ${options.size} first sync: unmeasured set-up, ${(run.wallMs / 1000).toFixed(1)} s without rate limits or latency`);
}
async function measuredRun(sandbox, kind, stateDir, options) {
    // Runs are a day apart: every rate-limit window starts empty.
    sandbox.rateLimits.personio.set({});
    sandbox.rateLimits.leapsome.set({});
    sandbox.resetLog();
    const before = (0,bench_minimum/* snapshotLeapsome */.Ps)(sandbox);
    const spawnedAt = Date.now();
    const mapped = options.mappedFields > 0;
    const run = await runBundledAction(options.actionPath, sandbox, stateDir, options.node, mapped ? src_sandbox/* BENCH_FIELDS */.RB : null);
    const traffic = measureTraffic(sandbox.requests);
    const minimum = (0,bench_minimum/* minimumFor */.GH)(before, (0,bench_minimum/* snapshotLeapsome */.Ps)(sandbox), sandbox.personio.list().length);
    const problems = [...divergences(sandbox), ...(mapped ? fieldDivergences(sandbox, BENCH_EXPECTATIONS) : [])];
    const w = minimum.writes;
    const writePhases = [w.postUsers, w.patchUsers - minimum.deactivations, w.postGroups, w.patchGroups, minimum.deactivations].filter((n) => n > 0).length;
    const bound = lowerBoundMs({
        rttMs: options.latencyMs,
        personioPages: minimum.personioPages,
        scimUserPages: minimum.scimUserPages,
        scimGroupPages: minimum.scimGroupPages,
        writes: (0,bench_minimum/* totalWrites */.Dl)(w),
        writePhases,
    });
    if (run.code !== 0)
        options.log(run.log.split('\n').slice(-30).join('\n'));
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
function describe(r) {
    const s = (ms) => (ms / 1000).toFixed(r.wallMs < 10_000 ? 2 : 1);
    const after = r.wallMs - r.startupMs - r.traffic.activeMs;
    return `  ${r.size} ${r.kind}${r.mappedFields > 0 ? ` (+${r.mappedFields} fields)` : ''}: exit ${r.exitCode}, writes ${(0,bench_minimum/* totalWrites */.Dl)(r.traffic.writes)}/${(0,bench_minimum/* totalWrites */.Dl)(r.minimum.writes)}, 429s ${r.traffic.rateLimited}, wall ${s(r.wallMs)} s (start-up ${s(r.startupMs)}, active ${s(r.traffic.activeMs)}, after ${s(after)}), bound ${s(r.boundMs)} s, wall/bound ${(r.wallMs / r.boundMs).toFixed(2)}, RSS ${r.maxRssKb === null ? '?' : Math.round(r.maxRssKb / 1024)} MB, ${r.divergences} divergences`;
}


/***/ }),

/***/ 481:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oD: () => (/* reexport */ BENCH_EXTRA_FIELDS),
  RB: () => (/* reexport */ BENCH_FIELDS),
  OT: () => (/* binding */ startSandbox)
});

// UNUSED EXPORTS: COST_CENTER_CODE_KEY, DEFAULT_CREDENTIALS, DEFAULT_CUSTOM_ATTRIBUTES, DEFAULT_DOMAIN, DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES, DEFAULT_TODAY, ENTERPRISE, EXAMPLE_FIELDS, ScimError, berlinMidnight, builtinTeamMark, connectorUserMark, sampleCompany, seedPreviousIntegration

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/sandbox/http-util.ts
// Plumbing shared by both fake APIs: a request/response value pair (so a handler's answer can be
// swapped for a fault after the change was applied), body reading, and a server that can be
// closed even while requests are deliberately left hanging.

/**
 * Records rendered to JSON text, kept until `key` changes (the store's revision and whatever else
 * the rendering depends on). One thread serves both fake APIs and a real pair of servers renders a
 * burst of pages in parallel; rendering every record afresh made the fake's own delays show up in
 * the client's pacing (docs/speed.md).
 */
class JsonCache {
    key = null;
    texts = new Map();
    text(key, id, render) {
        if (key !== this.key) {
            this.texts.clear();
            this.key = key;
        }
        let text = this.texts.get(id);
        if (text === undefined) {
            text = JSON.stringify(render());
            this.texts.set(id, text);
        }
        return text;
    }
}
function jsonResponse(status, value, headers = {}) {
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}
const REASONS = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Temporarily Unavailable',
    504: 'Gateway Time-out',
};
/** The page a reverse proxy (nginx) sends when the upstream fails: HTML, not the API's JSON. */
function gatewayErrorPage(status) {
    const title = `${status} ${REASONS[status] ?? 'Error'}`;
    const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return { status, headers: { 'content-type': 'text/html' }, body };
}
/** Reads a JSON value, or undefined when the text is not JSON. */
function tryParseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function header(headers, name) {
    const value = headers[name.toLowerCase()];
    if (value === undefined)
        return null;
    return Array.isArray(value) ? (value[0] ?? null) : value;
}
/** The bearer token of an Authorization header; null when absent or not a Bearer header. */
function bearerToken(headers) {
    const auth = header(headers, 'authorization');
    if (auth === null)
        return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match?.[1] ?? null;
}
const MAX_BODY_BYTES = 10 * 1024 * 1024;
class BodyTooLargeError extends Error {
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new BodyTooLargeError('request body too large'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function writeResponse(res, response) {
    if (res.writableEnded || res.destroyed)
        return;
    const body = response.body ?? '';
    res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
}
/** Listens on host:port (port 0 = random) and tracks sockets and timers so close() ends everything. */
async function listen(host, port, onRequest) {
    const sockets = new Set();
    const timers = new Set();
    const server = (0,external_node_http_namespaceObject.createServer)(onRequest);
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    let closing = null;
    return {
        server,
        port: address.port,
        delay(ms) {
            return new Promise((resolve) => {
                const timer = setTimeout(() => {
                    timers.delete(timer);
                    resolve();
                }, ms);
                timers.add(timer);
            });
        },
        close() {
            closing ??= new Promise((resolve) => {
                for (const timer of timers)
                    clearTimeout(timer);
                timers.clear();
                server.close(() => resolve());
                // Hung requests and idle keep-alive connections would otherwise hold close() open.
                for (const socket of sockets)
                    socket.destroy();
                server.closeAllConnections();
            });
            return closing;
        },
    };
}

;// CONCATENATED MODULE: ./src/sandbox/rate-limit.ts
// Sliding-window rate limits (a log of the last `limit` accepted requests in a ring buffer), the
// shape both vendors document: "15 req/s and 300 req/min", "30 req/s". O(1) per request.
class SlidingWindow {
    limit;
    windowMs;
    stamps;
    head = 0;
    size = 0;
    constructor(limit, windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`rate limit must be a positive integer, got ${limit}`);
        this.stamps = new Float64Array(limit);
    }
    /** Ms until a request would be accepted; 0 when one is accepted now. */
    waitMs(now) {
        if (this.size < this.limit)
            return 0;
        const freeAt = (this.stamps[this.head] ?? 0) + this.windowMs;
        return freeAt > now ? freeAt - now : 0;
    }
    record(now) {
        if (this.size < this.limit) {
            this.stamps[(this.head + this.size) % this.limit] = now;
            this.size += 1;
        }
        else {
            // Full and the oldest has expired (checked by waitMs): the oldest slot is reused.
            this.stamps[this.head] = now;
            this.head = (this.head + 1) % this.limit;
        }
    }
    reset() {
        this.head = 0;
        this.size = 0;
    }
}
/**
 * Admits a request only if every window has room, and then counts it in all of them (a request
 * rejected by one limit must not use up another). Returns 0 when admitted, else ms to wait.
 */
function admit(windows, now) {
    let wait = 0;
    for (const w of windows)
        wait = Math.max(wait, w.waitMs(now));
    if (wait > 0)
        return wait;
    for (const w of windows)
        w.record(now);
    return 0;
}
/** Seconds for a Retry-After header: whole seconds, at least 1. */
function retryAfterSeconds(waitMs) {
    return Math.max(1, Math.ceil(waitMs / 1000));
}

;// CONCATENATED MODULE: ./src/sandbox/request-log.ts
// What every request to the sandbox looked like and how it was answered, so tests can assert on
// traffic (e.g. "no DELETE was ever sent", "the client sent X-Personio-App-ID").
class RequestLog {
    list = [];
    seq = 0;
    /** Live view: the same array keeps growing, and `reset()` empties it in place. */
    get entries() {
        return this.list;
    }
    nextSeq() {
        this.seq += 1;
        return this.seq;
    }
    add(entry) {
        this.list.push(entry);
    }
    reset() {
        this.list.length = 0;
    }
    /** Counts by `"METHOD route"`, e.g. `{"POST /Users": 40, "PATCH /Users/:id": 40}`. */
    counts(filter = {}) {
        const out = {};
        for (const e of this.list) {
            if (filter.api !== undefined && e.api !== filter.api)
                continue;
            const key = `${e.method} ${e.route}`;
            out[key] = (out[key] ?? 0) + 1;
        }
        return out;
    }
    /** Every non-GET request sent to Leapsome, including rejected ones (e.g. a 405 DELETE). */
    leapsomeWrites() {
        return this.list.filter((e) => e.api === 'leapsome' && e.method !== 'GET' && e.method !== 'HEAD');
    }
}
/** URLSearchParams -> plain object; repeated keys (e.g. `attributes[]`) become arrays. */
function queryToObject(query) {
    const out = {};
    for (const [key, value] of query) {
        const prev = out[key];
        if (prev === undefined)
            out[key] = value;
        else if (Array.isArray(prev))
            prev.push(value);
        else
            out[key] = [prev, value];
    }
    return out;
}

;// CONCATENATED MODULE: ./src/shared/errors.ts
// Helpers every adapter uses, with no knowledge of Personio, Leapsome or the sync.
/** The message of whatever was thrown: an Error's message, anything else as text. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/sandbox/api-server.ts
// One request pipeline for both fake APIs: latency -> rate limit -> injected faults -> API logic ->
// (maybe) "applied but answered 5xx" -> request log. The APIs only supply routing and logic.




function defaultLogBody(req) {
    if (req.body === '')
        return undefined;
    return tryParseJson(req.body) ?? req.body;
}
async function startApiServer(def, deps, host, port) {
    let running = null;
    const handle = async (req, res) => {
        const at = deps.now();
        const started = performance.now();
        const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
        const method = (req.method ?? 'GET').toUpperCase();
        let body = '';
        let tooLarge = false;
        try {
            body = await readBody(req);
        }
        catch (err) {
            if (!(err instanceof BodyTooLargeError))
                return; // client went away
            tooLarge = true;
        }
        const sreq = {
            method,
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body,
            remoteAddress: req.socket.remoteAddress ?? 'unknown',
        };
        const route = def.route(method, url.pathname);
        const seq = deps.log.nextSeq();
        const record = (status, fault) => {
            const logged = deps.logBodies && method !== 'GET' && method !== 'HEAD' ? def.logBody(sreq, route) : undefined;
            deps.log.add({
                seq,
                api: def.api,
                method,
                path: url.pathname,
                route,
                query: queryToObject(url.searchParams),
                status,
                at,
                durationMs: Math.round((performance.now() - started) * 100) / 100,
                appId: header(req.headers, 'x-personio-app-id'),
                partnerId: header(req.headers, 'x-personio-partner-id'),
                fault,
                ...(logged === undefined ? {} : { body: logged }),
            });
        };
        const send = (response, fault) => {
            writeResponse(res, response);
            record(response.status, fault);
        };
        if (tooLarge)
            return send(def.errorResponse(413, 'Request body too large'), null);
        const decision = deps.faults.decide(method, route);
        if (decision.latencyMs > 0 && running !== null)
            await running.delay(decision.latencyMs);
        if (decision.kind === 'hang') {
            record(0, 'hang'); // never answered; close() destroys the socket
            return;
        }
        const admission = def.admit(sreq, route, deps.now());
        if (admission.waitMs > 0) {
            const headers = admission.retryAfter ? { 'retry-after': String(retryAfterSeconds(admission.waitMs)) } : {};
            return send(def.errorResponse(429, 'Too Many Requests', headers), 'rateLimit');
        }
        switch (decision.kind) {
            case '429': {
                const headers = decision.retryAfter === null ? {} : { 'retry-after': String(decision.retryAfter) };
                return send(def.errorResponse(429, 'Too Many Requests', headers), '429');
            }
            case '5xx':
                return send(gatewayErrorPage(decision.status), '5xx');
            case '500':
                return send(def.errorResponse(500, 'Something went wrong'), '500');
            default:
                break;
        }
        let response;
        try {
            response = def.handle(sreq, route);
        }
        catch (err) {
            // A bug in the sandbox itself: answer loudly instead of crashing the test process.
            const message = errorMessage(err);
            return send(def.errorResponse(500, `sandbox error: ${message}`), null);
        }
        if (decision.kind === '5xxAfterWrite')
            return send(gatewayErrorPage(decision.status), '5xxAfterWrite');
        send(response, response.fault ?? null);
    };
    running = await listen(host, port, (req, res) => {
        void handle(req, res);
    });
    return running;
}

// EXTERNAL MODULE: ./src/sandbox/random.ts
var random = __nccwpck_require__(304);
;// CONCATENATED MODULE: ./src/sandbox/company.ts
// The sandbox's internal employee record and a deterministic sample company generator. The
// generator is linear in `size`, so 20k employees take milliseconds (benchmarks use it).

const DEFAULT_DOMAIN = 'example.com';
const DEFAULT_TODAY = '2025-09-01';
/** The custom attributes the sample company fills in, one of each type Personio has. */
const COST_CENTER_CODE_KEY = 'dynamic_1146702';
/** list (single choice): L1 … L5. */
const LEVEL_KEY = 'dynamic_1146703';
/** tags (multi-valued). */
const SKILLS_KEY = 'dynamic_1146704';
/** integer. */
const REMOTE_DAYS_KEY = 'dynamic_1146705';
/** text: Personio ids and work emails, separated by commas or semicolons. */
const MENTORS_KEY = 'dynamic_1146710';
/** date, universal id date_of_birth (the key Personio's own example uses). */
const BIRTHDAY_KEY = 'dynamic_180883';
const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'];
const SKILLS = [
    'TypeScript',
    'Go',
    'SQL',
    'Kotlin',
    'Figma',
    'Negotiation',
    'Public speaking',
    'Excel',
    'Recruiting',
    'Kubernetes',
];
const DEPARTMENTS = [
    {
        name: 'Engineering',
        weight: 34,
        head: 'VP Engineering',
        lead: 'Engineering Manager',
        core: true,
        teams: ['Platform', 'Backend', 'Frontend', 'Mobile', 'Data', 'Infrastructure', 'Security', 'QA', 'Payments', 'Search'],
        roles: ['Backend Engineer', 'Frontend Engineer', 'Software Engineer', 'Data Engineer', 'Site Reliability Engineer', 'QA Engineer'],
    },
    {
        name: 'Sales',
        weight: 18,
        head: 'VP Sales',
        lead: 'Sales Team Lead',
        core: true,
        teams: ['DACH Sales', 'UK Sales', 'Nordics Sales', 'Enterprise Sales', 'Inside Sales', 'Partnerships'],
        roles: ['Account Executive', 'Sales Development Representative', 'Sales Manager'],
    },
    {
        name: 'Customer Success',
        weight: 12,
        head: 'Head of Customer Success',
        lead: 'Customer Success Lead',
        core: false,
        teams: ['Onboarding', 'Support', 'Account Management'],
        roles: ['Customer Success Manager', 'Support Specialist', 'Implementation Consultant'],
    },
    {
        name: 'Product',
        weight: 9,
        head: 'Head of Product',
        lead: 'Group Product Manager',
        core: true,
        teams: ['Product Management', 'Design', 'User Research'],
        roles: ['Product Manager', 'Product Designer', 'UX Researcher'],
    },
    {
        name: 'Marketing',
        weight: 9,
        head: 'Head of Marketing',
        lead: 'Marketing Team Lead',
        core: true,
        teams: ['Brand', 'Content', 'Performance Marketing', 'Product Marketing'],
        roles: ['Marketing Manager', 'Content Writer', 'Performance Marketer'],
    },
    {
        name: 'Operations',
        weight: 6,
        head: 'Head of Operations',
        lead: 'Operations Lead',
        core: false,
        teams: ['IT', 'Workplace', 'Legal'],
        roles: ['IT Administrator', 'Office Manager', 'Legal Counsel'],
    },
    {
        name: 'People',
        weight: 6,
        head: 'Head of People',
        lead: 'People Team Lead',
        core: true,
        teams: ['Recruiting', 'People Operations', 'Learning & Development'],
        roles: ['Recruiter', 'People Partner', 'HR Generalist'],
    },
    {
        name: 'Finance',
        weight: 6,
        head: 'Chief Financial Officer',
        lead: 'Finance Team Lead',
        core: true,
        teams: ['Accounting', 'Controlling', 'Payroll'],
        roles: ['Accountant', 'Financial Analyst', 'Payroll Specialist'],
    },
];
const FEMALE = [
    'Anna',
    'Maria',
    'Katharina',
    'Laura',
    'Julia',
    'Sophie',
    'Lena',
    'Hannah',
    'Emma',
    'Mia',
    'Clara',
    'Lea',
    'Sarah',
    'Elisabeth',
    'Franziska',
    'Johanna',
    'Nina',
    'Paula',
    'Charlotte',
    'Amelie',
    'Jennifer',
    'Daniela',
    'Olivia',
    'Isabel',
    'Fatima',
    'Aylin',
    'Priya',
    'Chloe',
    'Ingrid',
    'Zoe',
];
const MALE = [
    'Jonas',
    'Lukas',
    'Maximilian',
    'Alexander',
    'Felix',
    'Paul',
    'Leon',
    'Tom',
    'Johannes',
    'David',
    'Moritz',
    'Benjamin',
    'Christopher',
    'Daniel',
    'Simon',
    'Jan',
    'Tobias',
    'Matthias',
    'Nikolaus',
    'Theodor',
    'Oliver',
    'Samuel',
    'Mehmet',
    'Arjun',
    'Lars',
    'Mateo',
    'Kenji',
    'Omar',
    'Henrik',
    'Noah',
];
const NEUTRAL = ['Alex', 'Kim', 'Robin', 'Sascha', 'Charlie', 'Luca', 'Jules', 'Sam', 'Toni', 'Maxi'];
const LAST = [
    'Schneider',
    'Weber',
    'Becker',
    'Mueller',
    'Schmidt',
    'Fischer',
    'Wagner',
    'Hoffmann',
    'Schulz',
    'Koch',
    'Richter',
    'Klein',
    'Wolf',
    'Neumann',
    'Schwarz',
    'Braun',
    'Zimmermann',
    'Krueger',
    'Hartmann',
    'Lange',
    'Werner',
    'Krause',
    'Meier',
    'Lehmann',
    'Schmid',
    'Schulze',
    'Maier',
    'Koehler',
    'Herrmann',
    'Walter',
    'Smith',
    'Jones',
    'Brown',
    'Taylor',
    'Wilson',
    'Nielsen',
    'Jensen',
    'Rossi',
    'Garcia',
    'Kowalski',
    'Yilmaz',
    'Nguyen',
    'Sharma',
    'Tanaka',
    'Silva',
    'Novak',
    'Dubois',
    'Andersson',
    'OBrien',
    'Costa',
];
const NICKNAMES = {
    Alexander: 'Alex',
    Katharina: 'Kathi',
    Maximilian: 'Max',
    Johannes: 'Hannes',
    Elisabeth: 'Lisa',
    Christopher: 'Chris',
    Benjamin: 'Ben',
    Daniela: 'Dani',
    Nikolaus: 'Niko',
    Jennifer: 'Jenny',
    Franziska: 'Franzi',
    Theodor: 'Theo',
    Maria: 'Mia',
    Samuel: 'Sam',
    Charlotte: 'Lotte',
    Tobias: 'Tobi',
};
const SENIORITY = ['Junior ', '', '', 'Senior '];
/** Team size the generator aims at, and how many reports a director gets before another layer appears. */
const TEAM_SIZE = 9;
const SPAN = 6;
const DAY_MS = 86_400_000;
function sampleCompany(options = {}) {
    const size = options.size ?? 40;
    if (!Number.isInteger(size) || size < 1)
        throw new Error(`sampleCompany: size must be a positive integer, got ${size}`);
    const domain = (options.domain ?? DEFAULT_DOMAIN).toLowerCase();
    const today = Date.parse(`${options.today ?? DEFAULT_TODAY}T00:00:00Z`);
    if (Number.isNaN(today))
        throw new Error(`sampleCompany: today must be YYYY-MM-DD, got ${options.today}`);
    const rand = (0,random/* mulberry32 */.sK)(options.seed ?? 42);
    const companyName = capitalize(domain.split('.')[0] ?? 'Example');
    const offices = [
        { id: 131014, name: 'Berlin' },
        { id: 131015, name: 'Munich' },
        { id: 131016, name: 'London' },
    ];
    const gmbh = { id: 7033, name: `${companyName} GmbH` };
    const ltd = { id: 7034, name: `${companyName} Ltd` };
    const emails = new Set();
    const employees = [];
    let nextTeamId = 59026;
    const person = (role) => {
        const id = 1000 + employees.length;
        const g = rand();
        const gender = g < 0.47 ? 'female' : g < 0.94 ? 'male' : 'diverse';
        const firstName = (0,random/* pick */.Up)(rand, gender === 'female' ? FEMALE : gender === 'male' ? MALE : NEUTRAL);
        const lastName = (0,random/* pick */.Up)(rand, LAST);
        const nick = NICKNAMES[firstName];
        const preferredName = nick !== undefined && rand() < 0.5 ? `${nick} ${lastName}` : '';
        const email = uniqueEmail(emails, firstName, lastName, domain);
        const o = rand();
        const office = (o < 0.5 ? offices[0] : o < 0.8 ? offices[1] : offices[2]) ?? null;
        const hire = role.hireFrom + Math.floor((rand() * Math.max(DAY_MS, today - 30 * DAY_MS - role.hireFrom)) / DAY_MS) * DAY_MS;
        const created = hire - 21 * DAY_MS + (0,random/* randInt */.XU)(rand, 8, 17) * 3_600_000 + (0,random/* randInt */.XU)(rand, 0, 3599) * 1000;
        const modified = created + Math.floor(rand() * Math.max(1, today - created));
        const e = {
            id,
            email,
            firstName,
            lastName,
            preferredName,
            gender,
            status: 'active',
            position: role.position,
            department: role.department,
            team: role.team,
            office,
            subcompany: office?.name === 'London' ? ltd : gmbh,
            supervisorId: role.supervisorId,
            hireDate: isoDate(hire),
            contractEndDate: null,
            probationPeriodEnd: isoDate(hire + 182 * DAY_MS),
            terminationDate: null,
            lastWorkingDay: null,
            terminationType: null,
            terminationReason: null,
            employmentType: rand() < 0.95 ? 'internal' : 'external',
            weeklyWorkingHours: rand() < 0.85 ? '40' : rand() < 0.5 ? '32' : '20',
            createdAt: berlinDateTime(created),
            lastModifiedAt: berlinDateTime(modified),
            costCenters: [],
            dynamic: {},
        };
        employees.push(e);
        return e;
    };
    const ceo = person({
        position: 'Chief Executive Officer',
        department: { id: 281520, name: 'Management' },
        team: null,
        supervisorId: null,
        hireFrom: Date.parse('2015-03-01T00:00:00Z'),
    });
    ceo.hireDate = '2015-03-01';
    const leaves = [];
    const specs = size - 1 >= 60 ? DEPARTMENTS : DEPARTMENTS.filter((d) => d.core);
    const sizes = allocate(size - 1, specs.map((d) => d.weight));
    specs.forEach((spec, index) => {
        const deptSize = sizes[index] ?? 0;
        if (deptSize === 0)
            return;
        const department = { id: 281521 + index, name: spec.name };
        const costCenter = `CC-${100 + 10 * index}`;
        const start = employees.length;
        const head = person({
            position: spec.head,
            department,
            team: null,
            supervisorId: ceo.id,
            hireFrom: Date.parse('2015-06-01T00:00:00Z'),
        });
        const rest = deptSize - 1;
        // Teams of ~TEAM_SIZE (lead + members); above SPAN teams, directors form extra layers.
        const teamCount = rest === 0 ? 0 : Math.max(1, Math.round(rest / TEAM_SIZE));
        const layers = [];
        for (let n = teamCount; n > SPAN + 2;) {
            n = Math.ceil(n / SPAN);
            layers.unshift(n);
        }
        let managers = [head];
        for (const count of layers) {
            const layer = [];
            for (let i = 0; i < count; i += 1) {
                const boss = managers[Math.floor((i * managers.length) / count)] ?? head;
                layer.push(person({
                    position: `Director ${spec.name}`,
                    department,
                    team: null,
                    supervisorId: boss.id,
                    hireFrom: Date.parse('2016-01-01T00:00:00Z'),
                }));
            }
            managers = layer;
        }
        const memberCount = rest - teamCount - layers.reduce((a, b) => a + b, 0);
        const weights = Array.from({ length: teamCount }, () => 0.6 + rand() * 0.8);
        const teamSizes = allocate(Math.max(0, memberCount), weights);
        for (let t = 0; t < teamCount; t += 1) {
            const base = spec.teams[t % spec.teams.length] ?? spec.name;
            const round = Math.floor(t / spec.teams.length);
            const team = { id: nextTeamId, name: round === 0 ? base : `${base} ${round + 1}` };
            nextTeamId += 1;
            const boss = managers[Math.floor((t * managers.length) / teamCount)] ?? head;
            const lead = person({ position: spec.lead, department, team, supervisorId: boss.id, hireFrom: Date.parse('2016-06-01T00:00:00Z') });
            for (let m = 0; m < (teamSizes[t] ?? 0); m += 1) {
                const position = `${(0,random/* pick */.Up)(rand, SENIORITY)}${(0,random/* pick */.Up)(rand, spec.roles)}`;
                leaves.push(person({ position, department, team, supervisorId: lead.id, hireFrom: Date.parse('2017-01-01T00:00:00Z') }));
            }
        }
        for (let i = start; i < employees.length; i += 1) {
            const e = employees[i];
            if (e !== undefined)
                e.dynamic[COST_CENTER_CODE_KEY] = costCenter;
        }
    });
    ceo.dynamic[COST_CENTER_CODE_KEY] = 'CC-000';
    assignStatuses(leaves, rand, today);
    addProfileAttributes(employees, options.seed ?? 42);
    return employees;
}
/**
 * Level, skills, remote days, birthday, mentors and cost centers. Drawn from a generator of their
 * own (seeded per employee), so the rest of the company is the same as before they existed.
 */
function addProfileAttributes(employees, seed) {
    const byDepartment = new Map();
    for (const e of employees) {
        if (e.department === null)
            continue;
        const list = byDepartment.get(e.department.id);
        if (list === undefined)
            byDepartment.set(e.department.id, [e]);
        else
            list.push(e);
    }
    for (const e of employees) {
        const rand = (0,random/* mulberry32 */.sK)((seed * 7919 + e.id * 104_729) >>> 0);
        e.dynamic[LEVEL_KEY] = levelOf(e.position);
        const skills = SKILLS.filter(() => rand() < 0.25);
        e.dynamic[SKILLS_KEY] = skills.length === 0 ? null : skills;
        e.dynamic[REMOTE_DAYS_KEY] = (0,random/* randInt */.XU)(rand, 0, 5);
        e.dynamic[BIRTHDAY_KEY] = isoDate(Date.UTC((0,random/* randInt */.XU)(rand, 1962, 2002), (0,random/* randInt */.XU)(rand, 0, 11), (0,random/* randInt */.XU)(rand, 1, 28)));
        const code = e.dynamic[COST_CENTER_CODE_KEY];
        const centre = (name, percentage) => ({
            id: 82_000 + Number(name.replace(/\D/g, '')),
            name,
            percentage,
        });
        if (typeof code === 'string')
            e.costCenters = rand() < 0.1 ? [centre('CC-000', 40), centre(code, 60)] : [centre(code, 100)];
        // Every eighth person has two mentors in their department: one by work email, one by Personio id.
        const department = e.department === null ? [] : (byDepartment.get(e.department.id) ?? []);
        const first = rand() < 0.125 ? mentorFor(e, department, rand, null) : null;
        const second = first === null ? null : mentorFor(e, department, rand, first);
        e.dynamic[MENTORS_KEY] = first === null || second === null ? null : `${first.email ?? first.id}; ${second.id}`;
    }
}
/** A colleague who is not the person, their supervisor or `other`; null after a few misses (tiny departments). */
function mentorFor(e, department, rand, other) {
    for (let attempt = 0; attempt < 8 && department.length > 0; attempt++) {
        const candidate = (0,random/* pick */.Up)(rand, department);
        if (candidate.id !== e.id && candidate.id !== e.supervisorId && candidate !== other)
            return candidate;
    }
    return null;
}
function levelOf(position) {
    if (/^(Chief|VP|Head|Director)\b/.test(position))
        return 'L5';
    if (/\b(Lead|Manager)\b/.test(position) && !position.startsWith('Junior'))
        return 'L4';
    if (position.startsWith('Senior'))
        return 'L3';
    if (position.startsWith('Junior'))
        return 'L1';
    return 'L2';
}
/** Deterministic counts so even the 40-person company has a few of each non-active status. */
function assignStatuses(leaves, rand, today) {
    const n = leaves.length;
    const want = (share) => (n >= 10 ? Math.max(1, Math.round(n * share)) : 0);
    const order = leaves
        .map((e) => ({ e, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.e);
    let i = 0;
    const take = (count, apply) => {
        for (let k = 0; k < count && i < order.length; k += 1, i += 1) {
            const e = order[i];
            if (e !== undefined)
                apply(e);
        }
    };
    take(want(0.06), (e) => {
        const end = today - (0,random/* randInt */.XU)(rand, 10, 400) * DAY_MS;
        const hire = Date.parse(`${e.hireDate ?? '2017-01-01'}T00:00:00Z`);
        if (hire >= end)
            e.hireDate = isoDate(end - (0,random/* randInt */.XU)(rand, 200, 900) * DAY_MS);
        e.status = 'inactive';
        e.terminationDate = isoDate(end);
        e.lastWorkingDay = isoDate(end);
        e.terminationType = rand() < 0.7 ? 'employee' : 'mutual agreement';
        e.terminationReason = (0,random/* pick */.Up)(rand, ['New job', 'Relocation', 'Career change', 'Personal reasons']);
    });
    take(want(0.04), (e) => {
        e.status = 'leave';
    });
    take(want(0.04), (e) => {
        const hire = today + (0,random/* randInt */.XU)(rand, 7, 60) * DAY_MS;
        e.status = 'onboarding';
        e.hireDate = isoDate(hire);
        e.probationPeriodEnd = isoDate(hire + 182 * DAY_MS);
        e.createdAt = berlinDateTime(today - (0,random/* randInt */.XU)(rand, 5, 20) * DAY_MS + 10 * 3_600_000);
        e.lastModifiedAt = e.createdAt;
    });
    // One active leaver with a termination date ahead (serving notice).
    take(n >= 20 ? 1 : 0, (e) => {
        const end = today + (0,random/* randInt */.XU)(rand, 14, 90) * DAY_MS;
        e.terminationDate = isoDate(end);
        e.lastWorkingDay = isoDate(end);
        e.terminationType = 'employee';
        e.terminationReason = 'New job';
    });
}
/** Splits `total` into parts proportional to `weights` (largest remainder). */
function allocate(total, weights) {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (total <= 0 || sum <= 0)
        return weights.map(() => 0);
    const exact = weights.map((w) => (total * w) / sum);
    const parts = exact.map((x) => Math.floor(x));
    let left = total - parts.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (const { i } of order) {
        if (left === 0)
            break;
        parts[i] = (parts[i] ?? 0) + 1;
        left -= 1;
    }
    return parts;
}
function uniqueEmail(taken, first, last, domain) {
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');
    let candidate = `${local}@${domain}`;
    for (let k = 2; taken.has(candidate); k += 1)
        candidate = `${local}${k}@${domain}`;
    taken.add(candidate);
    return candidate;
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
function isoDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}
/** Central European offset (+01:00 / +02:00) for a UTC instant, per the EU DST rule. */
function berlinOffsetHours(utcMs) {
    const year = new Date(utcMs).getUTCFullYear();
    const lastSunday = (month) => {
        const d = new Date(Date.UTC(year, month + 1, 0)); // last day of month
        return Date.UTC(year, month, d.getUTCDate() - d.getUTCDay());
    };
    const start = lastSunday(2) + 3_600_000; // 01:00 UTC, last Sunday of March
    const end = lastSunday(9) + 3_600_000; // 01:00 UTC, last Sunday of October
    return utcMs >= start && utcMs < end ? 2 : 1;
}
/** `2025-03-02T10:15:44+01:00` for a UTC instant, in Berlin local time. */
function berlinDateTime(utcMs) {
    const offset = berlinOffsetHours(utcMs);
    const local = new Date(Math.floor(utcMs / 1000) * 1000 + offset * 3_600_000).toISOString().slice(0, 19);
    return `${local}+0${offset}:00`;
}
/** A local calendar date as Personio sends it: midnight in Berlin with the offset of that day. */
function berlinMidnight(date) {
    // Midnight local = 22:00/23:00 UTC the day before; DST is decided by that instant.
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    const offset = berlinOffsetHours(utcMidnight - 3_600_000);
    return `${date}T00:00:00+0${offset}:00`;
}

;// CONCATENATED MODULE: ./src/sandbox/faults.ts
// Fault injection: latency, 429s, HTML 5xx pages, "applied but answered 5xx" writes and requests that
// never get an answer. Decisions come from a seeded PRNG so a failing run can be replayed.

const NO_FAULT = { latencyMs: 0, kind: null, status: 0, retryAfter: null };
class FaultInjector {
    config = {};
    rand = (0,random/* mulberry32 */.sK)(1);
    dropRand = (0,random/* mulberry32 */.sK)(10);
    /** Replaces the whole configuration and restarts the PRNG. */
    set(config) {
        for (const key of ['p429', 'p429NoRetryAfter', 'p5xx', 'p500', 'p5xxAfterWrite', 'pHang', 'pDropRecord']) {
            const p = config[key];
            if (p !== undefined && !(p >= 0 && p <= 1))
                throw new Error(`faults.${key} must be within 0..1, got ${p}`);
        }
        this.config = { ...config };
        this.rand = (0,random/* mulberry32 */.sK)(config.seed ?? 1);
        this.dropRand = (0,random/* mulberry32 */.sK)((config.seed ?? 1) * 7 + 3);
    }
    /** Merges into the current configuration; the PRNG restarts only when `seed` is given. */
    update(partial) {
        const [rand, dropRand] = [this.rand, this.dropRand];
        this.set({ ...this.config, ...partial });
        if (partial.seed === undefined)
            [this.rand, this.dropRand] = [rand, dropRand];
    }
    clear() {
        this.set({});
    }
    get() {
        return { ...this.config };
    }
    decide(method, route) {
        const c = this.config;
        if (!this.applies(method, route))
            return NO_FAULT;
        // Always draw the same number of values, so which branch fires never shifts later decisions.
        const [rHang, r429, rNoRetry, r5xx, rStatus, r500, rAfter, rJitter] = Array.from({ length: 8 }, () => this.rand());
        const latencyMs = (c.latencyMs ?? 0) + (c.latencyJitterMs ?? 0) * rJitter;
        const write = method !== 'GET' && method !== 'HEAD';
        if (rHang < (c.pHang ?? 0))
            return { latencyMs, kind: 'hang', status: 0, retryAfter: null };
        if (r429 < (c.p429 ?? 0)) {
            const retryAfter = rNoRetry < (c.p429NoRetryAfter ?? 0) ? null : (c.retryAfterSeconds ?? 1);
            return { latencyMs, kind: '429', status: 429, retryAfter };
        }
        if (r5xx < (c.p5xx ?? 0)) {
            const statuses = c.statuses5xx ?? [502, 503, 504];
            const status = statuses[Math.floor(rStatus * statuses.length)] ?? 502;
            return { latencyMs, kind: '5xx', status, retryAfter: null };
        }
        if (r500 < (c.p500 ?? 0))
            return { latencyMs, kind: '500', status: 500, retryAfter: null };
        if (write && rAfter < (c.p5xxAfterWrite ?? 0)) {
            return { latencyMs, kind: '5xxAfterWrite', status: rStatus < 0.5 ? 502 : 504, retryAfter: null };
        }
        return latencyMs > 0 ? { ...NO_FAULT, latencyMs } : NO_FAULT;
    }
    /** Whether to leave one record out of a listing page (`pDropRecord`). */
    dropRecord(method, route) {
        const p = this.config.pDropRecord ?? 0;
        return p > 0 && this.applies(method, route) && this.dropRand() < p;
    }
    applies(method, route) {
        const matches = (patterns) => patterns.some((p) => p === route || p === `${method} ${route}`);
        if (this.config.only !== undefined && !matches(this.config.only))
            return false;
        if (this.config.exclude !== undefined && matches(this.config.exclude))
            return false;
        return true;
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/sandbox/personio-wire.ts
// Personio v1 wire format: the attribute catalogue and the rendering of an employee into
// `{type:"Employee", attributes:{key:{label,value,type,universal_id}}}`, as in Personio's OpenAPI file
// (https://github.com/personio/api-docs, personio-personnel-data-api-oa3.yaml).

const date = (v) => (v === null || v === '' ? null : berlinMidnight(v));
const org = (type, unit) => unit === null ? null : { type, attributes: { id: unit.id, name: unit.name } };
const STANDARD = [
    { key: 'id', label: 'ID', type: 'integer', universal_id: 'id', get: (e) => e.id },
    { key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', get: (e) => e.firstName },
    { key: 'last_name', label: 'Last name', type: 'standard', universal_id: 'last_name', get: (e) => e.lastName },
    { key: 'preferred_name', label: 'Name (preferred)', type: 'standard', universal_id: 'preferred_name', get: (e) => e.preferredName },
    { key: 'email', label: 'Email', type: 'standard', universal_id: 'email', get: (e) => e.email },
    { key: 'gender', label: 'Gender', type: 'standard', universal_id: 'gender', get: (e) => e.gender },
    { key: 'status', label: 'Status', type: 'standard', universal_id: 'status', get: (e) => e.status },
    { key: 'position', label: 'Position', type: 'standard', universal_id: 'position', get: (e) => e.position },
    { key: 'employment_type', label: 'Employment type', type: 'standard', universal_id: 'employment_type', get: (e) => e.employmentType },
    {
        key: 'weekly_working_hours',
        label: 'Weekly hours',
        type: 'standard',
        universal_id: 'weekly_working_hours',
        get: (e) => e.weeklyWorkingHours,
    },
    { key: 'department', label: 'Department', type: 'standard', universal_id: 'department', get: (e) => org('Department', e.department) },
    { key: 'team', label: 'Team', type: 'standard', universal_id: 'team', get: (e) => org('Team', e.team) },
    { key: 'office', label: 'Office', type: 'standard', universal_id: 'office', get: (e) => org('Office', e.office) },
    { key: 'subcompany', label: 'Subcompany', type: 'standard', universal_id: 'subcompany', get: (e) => org('Subcompany', e.subcompany) },
    {
        key: 'supervisor',
        label: 'Supervisor',
        type: 'standard',
        universal_id: 'supervisor',
        get: (e, lookup, shape) => supervisor(e, lookup, shape),
    },
    { key: 'hire_date', label: 'Hire date', type: 'date', universal_id: 'hire_date', get: (e) => date(e.hireDate) },
    {
        key: 'contract_end_date',
        label: 'Contract ends',
        type: 'date',
        universal_id: 'contract_end_date',
        get: (e) => date(e.contractEndDate),
    },
    {
        key: 'probation_period_end',
        label: 'Probation period end',
        type: 'date',
        universal_id: 'probation_period_end',
        get: (e) => date(e.probationPeriodEnd),
    },
    {
        key: 'termination_date',
        label: 'Termination date',
        type: 'date',
        universal_id: 'termination_date',
        get: (e) => date(e.terminationDate),
    },
    {
        key: 'last_working_day',
        label: 'Last day of work',
        type: 'date',
        universal_id: 'last_working_day',
        get: (e) => date(e.lastWorkingDay),
    },
    { key: 'termination_type', label: 'Termination type', type: 'standard', universal_id: 'termination_type', get: (e) => e.terminationType },
    {
        key: 'termination_reason',
        label: 'Termination reason',
        type: 'standard',
        universal_id: 'termination_reason',
        get: (e) => e.terminationReason,
    },
    {
        key: 'cost_centers',
        label: 'Cost center',
        type: 'standard',
        universal_id: 'cost_centers',
        get: (e) => e.costCenters.map((c) => ({ type: 'CostCenter', attributes: { id: c.id, name: c.name, percentage: c.percentage } })),
    },
    { key: 'created_at', label: 'Created at', type: 'date', universal_id: 'created_at', get: (e) => e.createdAt },
    { key: 'last_modified_at', label: 'Last modified', type: 'date', universal_id: 'last_modified_at', get: (e) => e.lastModifiedAt },
];
/** Custom attributes known to the sandbox account (`dynamic_<n>`), one of each type. */
const DEFAULT_CUSTOM_ATTRIBUTES = [
    { key: COST_CENTER_CODE_KEY, label: 'Kostenstelle Code', type: 'standard', universal_id: null },
    { key: LEVEL_KEY, label: 'Level', type: 'list', universal_id: null, options: LEVELS },
    { key: SKILLS_KEY, label: 'Skills', type: 'tags', universal_id: null, options: SKILLS },
    { key: REMOTE_DAYS_KEY, label: 'Remote days per week', type: 'integer', universal_id: null },
    { key: MENTORS_KEY, label: 'Mentors', type: 'standard', universal_id: null },
    { key: BIRTHDAY_KEY, label: 'Birthday', type: 'date', universal_id: 'date_of_birth' },
];
class PersonioCatalogue {
    getters = new Map();
    definitions;
    constructor(custom = DEFAULT_CUSTOM_ATTRIBUTES) {
        const defs = [];
        for (const { get, ...def } of STANDARD) {
            defs.push(def);
            this.getters.set(def.key, get);
        }
        for (const def of custom) {
            defs.push(def);
            this.getters.set(def.key, (e) => customValue(def.type, e.dynamic[def.key] ?? null));
        }
        this.definitions = defs;
    }
    has(key) {
        return this.getters.has(key);
    }
    /** The full record for the given attribute keys (already whitelisted and projected). */
    render(e, keys, lookup, shape) {
        const attributes = {};
        for (const def of keys) {
            const get = this.getters.get(def.key);
            if (get === undefined)
                continue;
            attributes[def.key] = attribute(def, get(e, lookup, shape));
        }
        return { type: 'Employee', attributes };
    }
}
/**
 * Tags as one comma-separated string (the v1 wire form of tags is UNCONFIRMED: our client reads
 * this and a JSON list alike). Custom dates are plain YYYY-MM-DD, as in the spec's examples.
 */
function customValue(type, value) {
    return Array.isArray(value) && type === 'tags' ? value.join(',') : value;
}
function attribute(def, value) {
    return { label: def.label, value, type: def.type, universal_id: def.universal_id };
}
/** The nested supervisor: an Employee whose attributes are attribute objects again. */
function supervisor(e, lookup, shape) {
    if (e.supervisorId === null)
        return null;
    const attributes = {
        id: attribute({ key: 'id', label: 'ID', type: 'integer', universal_id: 'id' }, e.supervisorId),
    };
    const boss = lookup(e.supervisorId);
    if (shape === 'full' && boss !== undefined) {
        attributes.first_name = attribute({ key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name' }, boss.firstName);
        attributes.last_name = attribute({ key: 'last_name', label: 'Last name', type: 'standard', universal_id: 'last_name' }, boss.lastName);
        attributes.email = attribute({ key: 'email', label: 'Email', type: 'standard', universal_id: 'email' }, boss.email);
    }
    return { type: 'Employee', attributes };
}
/** `{success:false, error:{code, message}}` — the v1 error envelope. */
function personioError(code, message) {
    return { success: false, error: { code, message } };
}

;// CONCATENATED MODULE: ./src/sandbox/personio-server.ts
// Fake Personio API v1: POST /v1/auth and the employees endpoints, with the documented auth rules,
// paging limits, whitelist, error envelope and rate limits, as Personio documents them:
// https://developer.personio.de/reference/auth, https://github.com/personio/api-docs
// (personio-personnel-data-api-oa3.yaml) and
// https://developer.personio.de/changelog/rate-limits-on-get-employees-endpoint-may-6-2024.





const DEFAULT_PERSONIO_RATE_LIMITS = {
    enabled: true,
    employeesPerSecond: 15,
    employeesPerMinute: 300,
    perIpPerMinute: 2000,
    authPerMinute: 60,
    authCooldownMs: 60_000,
    retryAfter: false,
};
const TOKEN_TTL_MS = 86_400_000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const EMPLOYEES = '/v1/company/employees';
class PersonioApi {
    store;
    settings;
    now;
    faults;
    api = 'personio';
    catalogue;
    whitelist;
    tokens = new Map();
    current = null;
    limits = DEFAULT_PERSONIO_RATE_LIMITS;
    perIp = new Map();
    employeeWindows = [];
    authWindow = new SlidingWindow(60, 60_000);
    authBlockedUntil = 0;
    /** Full listings begun (an unfiltered request at offset 0 begins one). */
    listingCount = 0;
    hidden = [];
    midRead = [];
    rendered = new JsonCache();
    constructor(store, settings, now, faults = null) {
        this.store = store;
        this.settings = settings;
        this.now = now;
        this.faults = faults;
        this.catalogue = new PersonioCatalogue(settings.customAttributes);
        this.whitelist = settings.whitelist === null ? null : new Set(settings.whitelist);
        this.setRateLimits({});
    }
    // ---- control ---------------------------------------------------------------------------------
    setWhitelist(keys) {
        this.whitelist = keys === null ? null : new Set(keys);
    }
    getWhitelist() {
        return this.allowed().map((d) => d.key);
    }
    /** Makes every issued token expired: the next API call answers 401 and a new /auth gives a new token. */
    expireTokens() {
        for (const t of this.tokens.values())
            t.expiresAt = 0;
        this.current = null;
    }
    setRateLimits(partial) {
        this.limits = { ...this.limits, ...partial };
        this.employeeWindows = [
            new SlidingWindow(this.limits.employeesPerSecond, 1000),
            new SlidingWindow(this.limits.employeesPerMinute, 60_000),
        ];
        this.authWindow = new SlidingWindow(this.limits.authPerMinute, 60_000);
        this.perIp.clear();
        this.authBlockedUntil = 0;
    }
    getRateLimits() {
        return { ...this.limits };
    }
    /** Full listings begun so far. */
    listings() {
        return this.listingCount;
    }
    /** Leaves these employees out of the next `count` full listings, totals included. */
    hideFromListings(ids, count) {
        const listings = new Set(Array.from({ length: count }, (_, i) => this.listingCount + 1 + i));
        this.hidden.push({ ids: new Set(ids), listings });
    }
    /** Runs `change` right after the first page of each of the next `count` full listings is built. */
    duringListings(change, count) {
        for (let i = 1; i <= count; i += 1)
            this.midRead.push({ listing: this.listingCount + i, change });
    }
    // ---- ApiDefinition ---------------------------------------------------------------------------
    route(_method, path) {
        if (/^\/v1\/company\/employees\/\d+$/.test(path))
            return `${EMPLOYEES}/:id`;
        return path;
    }
    admit(req, route, now) {
        const l = this.limits;
        if (!l.enabled)
            return { waitMs: 0, retryAfter: false };
        let ip = this.perIp.get(req.remoteAddress);
        if (ip === undefined) {
            ip = new SlidingWindow(l.perIpPerMinute, 60_000);
            this.perIp.set(req.remoteAddress, ip);
        }
        const windows = [ip];
        if (route === '/v1/auth') {
            // Past the auth limit Personio documents a 60 s cool-down, not just a sliding window.
            if (now < this.authBlockedUntil)
                return { waitMs: this.authBlockedUntil - now, retryAfter: l.retryAfter };
            if (this.authWindow.waitMs(now) > 0) {
                this.authBlockedUntil = now + l.authCooldownMs;
                return { waitMs: l.authCooldownMs, retryAfter: l.retryAfter };
            }
            windows.push(this.authWindow);
        }
        else if (route.startsWith(EMPLOYEES)) {
            windows.push(...this.employeeWindows);
        }
        return { waitMs: admit(windows, now), retryAfter: l.retryAfter };
    }
    errorResponse(status, message, headers = {}) {
        return jsonResponse(status, personioError(status, message), headers);
    }
    logBody(req, route) {
        const body = defaultLogBody(req);
        if (route !== '/v1/auth')
            return body;
        const fields = isRecord(body) ? body : Object.fromEntries(new URLSearchParams(req.body));
        return { ...fields, ...('client_secret' in fields ? { client_secret: '[redacted]' } : {}) };
    }
    handle(req, route) {
        if (route === '/v1/auth') {
            return req.method === 'POST' ? this.auth(req) : this.errorResponse(405, 'Method not allowed', { allow: 'POST' });
        }
        const known = route === EMPLOYEES ||
            route === `${EMPLOYEES}/:id` ||
            route === `${EMPLOYEES}/attributes` ||
            route === `${EMPLOYEES}/custom-attributes`;
        if (!known)
            return this.errorResponse(404, 'Es ist ein Problem aufgetreten');
        if (req.method !== 'GET')
            return this.errorResponse(405, 'Method not allowed', { allow: 'GET' });
        const auth = this.authenticate(req);
        if ('status' in auth)
            return auth;
        const headers = { authorization: `Bearer ${auth.token}` }; // the same token comes back
        if (route === EMPLOYEES)
            return this.listEmployees(req, headers);
        if (route === `${EMPLOYEES}/:id`)
            return this.oneEmployee(req, headers);
        const data = this.allowed().map((d) => ({
            key: d.key,
            label: d.label,
            type: d.type,
            universal_id: d.universal_id,
            options: d.options ?? [],
        }));
        return jsonResponse(200, { success: true, data }, headers);
    }
    // ---- endpoints -------------------------------------------------------------------------------
    auth(req) {
        if (req.query.has('client_id') || req.query.has('client_secret')) {
            return this.errorResponse(403, 'Query-string credentials are no longer accepted; send client_id and client_secret in the request body');
        }
        const { clientId, clientSecret } = parseCredentials(req);
        if (clientId === null || clientSecret === null)
            return this.errorResponse(400, 'client_id and client_secret are required');
        if (clientId !== this.settings.clientId || clientSecret !== this.settings.clientSecret) {
            return this.errorResponse(401, 'Sorry, you could not be authenticated with those credentials.');
        }
        const now = this.now();
        // One token per credential, stable for 24 h from its creation (https://developer.personio.de/reference/auth).
        if (this.current === null || this.current.expiresAt <= now) {
            this.current = { token: `papi-${(0,external_node_crypto_namespaceObject.randomBytes)(24).toString('hex')}`, expiresAt: now + TOKEN_TTL_MS };
            this.tokens.set(this.current.token, this.current);
        }
        const expiresIn = Math.floor((this.current.expiresAt - now) / 1000);
        return jsonResponse(200, { success: true, data: { token: this.current.token, expires_in: expiresIn, scope: 'employees:read' } });
    }
    authenticate(req) {
        if (header(req.headers, 'authorization') === null)
            return this.errorResponse(401, 'Authorization is not provided');
        const token = bearerToken(req.headers);
        const issued = token === null ? undefined : this.tokens.get(token);
        if (issued === undefined)
            return this.errorResponse(403, 'Provided authorization is not valid');
        // Expired tokens answer 401 (our choice; UNCONFIRMED) so a client's "re-auth once on 401" path runs.
        if (issued.expiresAt <= this.now())
            return this.errorResponse(401, 'Authorization has expired');
        return issued;
    }
    listEmployees(req, headers) {
        const limitParam = req.query.get('limit');
        const offsetParam = req.query.get('offset');
        let limit = DEFAULT_LIMIT;
        if (limitParam !== null) {
            if (!/^\d+$/.test(limitParam) || Number(limitParam) < 1)
                return this.errorResponse(400, 'The limit parameter must be an integer of at least 1');
            limit = Number(limitParam);
            if (limit > MAX_LIMIT) {
                if (this.settings.limitAboveMax === 'error')
                    return this.errorResponse(400, `The limit parameter must not exceed ${MAX_LIMIT}`);
                limit = MAX_LIMIT;
            }
        }
        if (offsetParam !== null && !/^\d+$/.test(offsetParam))
            return this.errorResponse(400, 'The offset parameter must be a non-negative integer');
        const offset = offsetParam === null ? 0 : Number(offsetParam);
        const since = req.query.get('updated_since');
        const email = req.query.get('email');
        let selected;
        if (since !== null) {
            // Timezone of updated_since is UNCONFIRMED; values without an offset are read as UTC. The
            // email filter is ignored together with updated_since, as documented.
            const sinceMs = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(since) || !since.includes('T') ? since : `${since}Z`);
            if (Number.isNaN(sinceMs))
                return this.errorResponse(400, 'The updated_since parameter is not a valid date');
            selected = this.store.all().filter((e) => e.kind === 'employee' && Date.parse(e.employee.lastModifiedAt) > sinceMs);
        }
        else if (email !== null) {
            const match = this.store.byEmail(email);
            selected = match === undefined ? [] : [{ kind: 'employee', employee: match }];
        }
        else {
            // A full listing: the fault switches for "the list did not hold together" apply here.
            if (offset === 0)
                this.listingCount += 1;
            const listing = this.listingCount;
            const hidden = this.hidden.filter((h) => h.listings.has(listing));
            selected = this.store.all();
            if (hidden.length > 0)
                selected = selected.filter((e) => e.kind === 'raw' || !hidden.some((h) => h.ids.has(e.employee.id)));
        }
        const keys = this.projection(req.query);
        const page = selected.slice(offset, offset + limit);
        const kept = since === null && email === null ? page.filter(() => this.faults?.dropRecord('GET', EMPLOYEES) !== true) : page;
        const records = kept.map((entry) => (entry.kind === 'raw' ? JSON.stringify(entry.record) : this.renderedRecord(entry.employee, keys)));
        const total = selected.length;
        if (since === null && email === null && offset === 0) {
            const listing = this.listingCount;
            for (const change of this.midRead.filter((m) => m.listing === listing))
                change.change();
            this.midRead = this.midRead.filter((m) => m.listing > listing);
        }
        const envelope = {
            success: true,
            metadata: { total_elements: total, current_page: Math.floor(offset / limit), total_pages: Math.ceil(total / limit) },
            offset,
            limit,
        };
        // The envelope with the records' cached JSON spliced in as `data`.
        const response = jsonResponse(200, {}, headers);
        const body = `${JSON.stringify(envelope).slice(0, -1)},"data":[${records.join(',')}]}`;
        return { ...response, body, ...(kept.length < page.length ? { fault: 'dropRecord' } : {}) };
    }
    /** One employee's record as JSON, rendered again only once the store or what is asked for changed. */
    renderedRecord(employee, keys) {
        const key = `${this.store.revision}|${this.settings.supervisorShape}|${keys.map((k) => k.key).join(',')}`;
        return this.rendered.text(key, employee.id, () => this.catalogue.render(employee, keys, (id) => this.store.lookup(id), this.settings.supervisorShape));
    }
    oneEmployee(req, headers) {
        const id = Number(req.path.slice(req.path.lastIndexOf('/') + 1));
        const employee = this.store.lookup(id);
        if (employee === undefined)
            return this.errorResponse(404, 'Es ist ein Problem aufgetreten');
        const data = this.catalogue.render(employee, this.projection(req.query), (i) => this.store.lookup(i), this.settings.supervisorShape);
        return jsonResponse(200, { success: true, data }, headers);
    }
    /** Whitelisted attributes, narrowed by `attributes[]` when given; `id` is always included. */
    projection(query) {
        const asked = [...query.getAll('attributes[]'), ...query.getAll('attributes')].flatMap((v) => v.split(','));
        const wanted = asked.length === 0 ? null : new Set(asked.map((a) => a.trim()));
        return this.catalogue.definitions.filter((d) => d.key === 'id' || ((this.whitelist === null || this.whitelist.has(d.key)) && (wanted === null || wanted.has(d.key))));
    }
    allowed() {
        return this.catalogue.definitions.filter((d) => this.whitelist === null || this.whitelist.has(d.key));
    }
}
function parseCredentials(req) {
    const type = header(req.headers, 'content-type') ?? '';
    let fields = {};
    const json = type.includes('application/x-www-form-urlencoded') ? undefined : tryParseJson(req.body);
    if (isRecord(json))
        fields = json;
    else if (!type.includes('application/json'))
        fields = Object.fromEntries(new URLSearchParams(req.body));
    const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
    return { clientId: str(fields.client_id), clientSecret: str(fields.client_secret) };
}

;// CONCATENATED MODULE: ./src/sandbox/personio-store.ts
// The Personio employee list: insertion-ordered, O(1) lookups by id, an email index and a cached
// ordered array for paging by slicing. Raw records (arbitrary JSON) sit in the same order so tests
// can check that a client skips malformed entries.

class PersonioStore {
    now;
    domain;
    entries = new Map();
    ordered = null;
    emailIndex = null;
    maxId = 0;
    rawCount = 0;
    constructor(employees, now, domain = DEFAULT_DOMAIN) {
        this.now = now;
        this.domain = domain;
        for (const e of employees)
            this.insert(structuredClone(e));
    }
    /** Copies of all employees (raw records excluded), in order. */
    list() {
        const out = [];
        for (const entry of this.entries.values())
            if (entry.kind === 'employee')
                out.push(structuredClone(entry.employee));
        return out;
    }
    get(id) {
        const e = this.lookup(id);
        return e === undefined ? undefined : structuredClone(e);
    }
    /** The stored record itself (no copy), for rendering. */
    lookup(id) {
        const entry = this.entries.get(String(id));
        return entry?.kind === 'employee' ? entry.employee : undefined;
    }
    byEmail(email) {
        if (this.emailIndex === null) {
            this.emailIndex = new Map();
            for (const entry of this.entries.values()) {
                if (entry.kind !== 'employee')
                    continue;
                const mail = entry.employee.email?.trim().toLowerCase();
                if (mail && !this.emailIndex.has(mail))
                    this.emailIndex.set(mail, entry.employee);
            }
        }
        return this.emailIndex.get(email.trim().toLowerCase());
    }
    /** All entries in order; cached until the next change. */
    all() {
        this.ordered ??= [...this.entries.values()];
        return this.ordered;
    }
    /** Adds an employee; every field has a default (id = highest id + 1, email from the names). */
    add(input = {}) {
        const id = input.id ?? this.maxId + 1;
        if (this.entries.has(String(id)))
            throw new Error(`personio: employee ${id} already exists`);
        const firstName = input.firstName ?? 'New';
        const lastName = input.lastName ?? `Employee${id}`;
        const stamp = berlinDateTime(this.now());
        const employee = {
            email: `${firstName}.${lastName}@${this.domain}`.toLowerCase(),
            preferredName: '',
            gender: null,
            status: 'active',
            position: '',
            department: null,
            team: null,
            office: null,
            subcompany: null,
            supervisorId: null,
            hireDate: null,
            contractEndDate: null,
            probationPeriodEnd: null,
            terminationDate: null,
            lastWorkingDay: null,
            terminationType: null,
            terminationReason: null,
            employmentType: 'internal',
            weeklyWorkingHours: '40',
            createdAt: stamp,
            lastModifiedAt: stamp,
            costCenters: [],
            dynamic: {},
            ...defined(input),
            id,
            firstName,
            lastName,
        };
        this.insert(employee);
        return structuredClone(employee);
    }
    /** Changes fields in place (order kept); bumps last_modified_at unless the patch sets it. */
    update(id, patch) {
        const current = this.lookup(id);
        if (current === undefined)
            throw new Error(`personio: no employee ${id}`);
        if (patch.id !== undefined && patch.id !== id)
            throw new Error('personio: the id of an employee cannot change');
        Object.assign(current, defined(patch));
        if (patch.lastModifiedAt === undefined)
            current.lastModifiedAt = berlinDateTime(this.now());
        this.changed();
        return structuredClone(current);
    }
    remove(id) {
        const removed = this.lookup(id) !== undefined && this.entries.delete(String(id));
        if (removed)
            this.changed();
        return removed;
    }
    /** Adds a whole raw data item (anything JSON), returned as-is in unfiltered listings. */
    injectRawRecord(record) {
        this.rawCount += 1;
        const key = `raw-${this.rawCount}`;
        this.entries.set(key, { kind: 'raw', key, record: structuredClone(record) });
        this.changed();
        return key;
    }
    removeRaw(key) {
        const removed = this.entries.get(key)?.kind === 'raw' && this.entries.delete(key);
        if (removed)
            this.changed();
        return removed;
    }
    insert(employee) {
        this.entries.set(String(employee.id), { kind: 'employee', employee });
        this.maxId = Math.max(this.maxId, employee.id);
        this.changed();
    }
    /** Bumped by every change, so that what was rendered from the records can be cached until then. */
    revision = 0;
    changed() {
        this.revision += 1;
        this.ordered = null;
        this.emailIndex = null;
    }
}
/** A deep copy without the keys set to undefined (so `{ email: undefined }` keeps the default). */
function defined(input) {
    return structuredClone(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
}

;// CONCATENATED MODULE: ./src/sandbox/scim-store.ts
// Leapsome's users and teams as the SCIM fake holds them: creation-ordered arrays for paging by
// slicing, Maps for every lookup the API offers (id, userName, externalId, group name), and the
// documented validation rules. Both the HTTP API and the test control API write through here.
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GENDERS = ['male', 'female', 'diverse'];
const MAX_GROUP_NAME = 128;
const MAX_MEMBERS_PER_PATCH = 100;
/** Custom attributes defined in the sandbox organisation (Settings → Users & Teams), by id. */
const DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES = {
    '6140868326541a4da586db0b': 'Skills',
    '6140868326541a4da586db0c': 'Contract',
    '6140868326541a4da586db0d': 'Remote days',
};
/** An error with a SCIM status; the HTTP layer renders it as an RFC 7644 error body. */
class ScimError extends Error {
    status;
    detail;
    scimType;
    constructor(status, detail, scimType) {
        super(detail);
        this.status = status;
        this.detail = detail;
        this.scimType = scimType;
    }
}
const bad = (detail, scimType = 'invalidValue') => new ScimError(400, detail, scimType);
/** The profile fields that are empty on a new user and that a PUT resets (same names in both shapes). */
const BLANK_PROFILE = {
    externalId: null,
    givenName: null,
    familyName: null,
    displayName: null,
    title: null,
    photo: null,
    location: null,
    department: null,
    costCenter: null,
    division: null,
    level: null,
    startDate: null,
    endDate: null,
    birthday: null,
    gender: null,
    employmentType: null,
};
/** What a PUT resets before applying its body (a full replacement; `active` only if given). */
const PUT_RESET = {
    ...BLANK_PROFILE,
    manager: null,
    additionalManagers: null,
};
/** Fields copied verbatim from a change onto a user. */
const PLAIN_FIELDS = [
    'externalId',
    'givenName',
    'familyName',
    'displayName',
    'title',
    'active',
    'photo',
    'location',
    'department',
    'costCenter',
    'division',
    'level',
    'startDate',
    'endDate',
    'birthday',
    'gender',
    'employmentType',
];
class ScimStore {
    now;
    userList = [];
    groupList = [];
    usersById = new Map();
    usersByName = new Map();
    usersByExternalId = new Map();
    groupsById = new Map();
    groupsByName = new Map();
    groupsByExternalId = new Map();
    domains;
    idCounter = 0;
    /** Lower-cased ids of the custom attributes that exist; null accepts any well-formed id. */
    customIds;
    constructor(orgDomains, now, customAttributeIds = Object.keys(DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES)) {
        this.now = now;
        this.domains = normaliseDomains(orgDomains);
        this.customIds = customAttributeIds === null ? null : new Set(customAttributeIds.map((id) => id.toLowerCase()));
    }
    // ---- reads -----------------------------------------------------------------------------------
    /** Bumped by every change, so that what was rendered from the store can be cached until then. */
    revision = 0;
    users() {
        return this.userList;
    }
    groups() {
        return this.groupList;
    }
    userById(id) {
        return this.usersById.get(id);
    }
    userByUserName(userName) {
        return this.usersByName.get(userName.trim().toLowerCase());
    }
    usersByExternal(externalId) {
        return this.usersByExternalId.get(externalId) ?? [];
    }
    /** Leapsome id first, then externalId (the documented GET fallback). */
    findUser(idOrExternalId) {
        return this.usersById.get(idOrExternalId) ?? this.usersByExternalId.get(idOrExternalId)?.[0];
    }
    groupById(id) {
        return this.groupsById.get(id);
    }
    groupByName(name) {
        return this.groupsByName.get(groupKey(name));
    }
    findGroup(idOrExternalId) {
        return this.groupsById.get(idOrExternalId) ?? this.groupsByExternalId.get(idOrExternalId)?.[0];
    }
    orgDomains() {
        return [...this.domains];
    }
    setOrgDomains(domains) {
        this.revision += 1;
        this.domains = normaliseDomains(domains);
    }
    // ---- users -----------------------------------------------------------------------------------
    /** Throws 400 for an empty or (with checkDomain) non-organisation userName. */
    checkUserName(userName, options) {
        if (userName.trim() === '')
            throw bad('The userName field must be non-empty.');
        if (!options.checkDomain)
            return;
        const match = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(userName.trim());
        if (match === null)
            throw bad(`The userName "${userName}" is not an email address.`);
        const domain = (match[1] ?? '').toLowerCase();
        if (!this.domains.includes(domain)) {
            throw bad(`The email domain "${domain}" is not one of the organisation's email domains (${this.domains.join(', ')}).`);
        }
    }
    createUser(changes, options) {
        this.revision += 1;
        this.checkUserName(changes.userName, options);
        if (this.userByUserName(changes.userName) !== undefined) {
            throw new ScimError(409, `The userName "${changes.userName}" is already in use.`, 'uniqueness');
        }
        const resolved = this.resolve(null, changes);
        const at = this.now();
        const user = {
            id: this.nextId(),
            userName: changes.userName.trim(),
            ...BLANK_PROFILE,
            active: true,
            managerId: null,
            additionalManagerIds: [],
            custom: new Map(),
            groups: new Set(),
            created: at,
            lastModified: at,
            version: 0, // applying the initial attributes below makes it 1
        };
        this.userList.push(user);
        this.usersById.set(user.id, user);
        this.usersByName.set(user.userName.toLowerCase(), user);
        this.applyResolved(user, resolved);
        return user;
    }
    /** PATCH (replace=false) or PUT (replace=true). Everything is validated before anything changes. */
    updateUser(user, changes, options) {
        this.revision += 1;
        const effective = options.replace ? { ...PUT_RESET, ...changes } : changes;
        if (effective.userName !== undefined) {
            const renamed = effective.userName.trim().toLowerCase() !== user.userName.toLowerCase();
            if (renamed)
                this.checkUserName(effective.userName, options);
            else
                this.checkUserName(effective.userName, { checkDomain: false });
            const owner = this.userByUserName(effective.userName);
            if (owner !== undefined && owner !== user) {
                throw new ScimError(409, `The userName "${effective.userName}" is already in use by another user.`, 'uniqueness');
            }
        }
        const resolved = this.resolve(user, effective);
        if (options.replace)
            user.custom.clear();
        if (effective.userName !== undefined) {
            this.usersByName.delete(user.userName.toLowerCase());
            user.userName = effective.userName.trim();
            this.usersByName.set(user.userName.toLowerCase(), user);
        }
        this.applyResolved(user, resolved);
        return user;
    }
    /** Team membership as the control API sets it (the SCIM API only writes it through groups). */
    setUserTeams(user, teamIds) {
        this.revision += 1;
        for (const id of teamIds)
            if (!this.groupsById.has(id))
                throw bad(`No team ${id}.`);
        for (const id of user.groups)
            this.groupsById.get(id)?.members.delete(user.id);
        user.groups.clear();
        for (const id of teamIds)
            this.link(this.groupsById.get(id), user);
        this.touchUser(user);
    }
    // ---- groups ----------------------------------------------------------------------------------
    createGroup(displayName, externalId) {
        this.revision += 1;
        this.checkGroupName(displayName, null);
        const at = this.now();
        const group = {
            id: this.nextId(),
            displayName: displayName.trim(),
            externalId,
            members: new Set(),
            created: at,
            lastModified: at,
            version: 1,
        };
        this.groupList.push(group);
        this.groupsById.set(group.id, group);
        this.groupsByName.set(groupKey(group.displayName), group);
        if (externalId !== null)
            addToIndex(this.groupsByExternalId, externalId, group);
        return group;
    }
    updateGroup(group, changes) {
        this.revision += 1;
        if (changes.displayName !== undefined)
            this.checkGroupName(changes.displayName, group);
        const members = changes.members ?? [];
        if (members.length > MAX_MEMBERS_PER_PATCH) {
            throw bad(`The members array must not exceed ${MAX_MEMBERS_PER_PATCH} elements (got ${members.length}).`, 'tooMany');
        }
        const users = members.map((id) => {
            const user = this.usersById.get(id);
            if (user === undefined)
                throw bad(`Member "${id}" is not a user of the organisation.`);
            return user;
        });
        if (changes.displayName !== undefined) {
            this.groupsByName.delete(groupKey(group.displayName));
            group.displayName = changes.displayName.trim();
            this.groupsByName.set(groupKey(group.displayName), group);
        }
        if (changes.externalId !== undefined && changes.externalId !== group.externalId) {
            if (group.externalId !== null)
                removeFromIndex(this.groupsByExternalId, group.externalId, group);
            group.externalId = changes.externalId;
            if (group.externalId !== null)
                addToIndex(this.groupsByExternalId, group.externalId, group);
        }
        if (changes.replaceMembers === true && changes.members !== undefined) {
            for (const id of group.members) {
                const user = this.usersById.get(id);
                if (user !== undefined) {
                    user.groups.delete(group.id);
                    this.touchUser(user);
                }
            }
            group.members.clear();
        }
        for (const user of users)
            this.link(group, user);
        group.lastModified = this.now();
        group.version += 1;
        return group;
    }
    // ---- internals -------------------------------------------------------------------------------
    checkGroupName(displayName, self) {
        if (displayName.trim() === '')
            throw bad('The displayName field is not set.');
        if (displayName.length > MAX_GROUP_NAME)
            throw bad(`The displayName field exceeds ${MAX_GROUP_NAME} characters.`);
        const owner = this.groupByName(displayName);
        if (owner !== undefined && owner !== self) {
            throw new ScimError(409, `The displayName "${displayName}" is already in use within the organisation.`, 'uniqueness');
        }
    }
    link(group, user) {
        if (group === undefined || group.members.has(user.id))
            return;
        group.members.add(user.id);
        user.groups.add(group.id);
        this.touchUser(user);
    }
    /** Validates values and turns manager references into ids; throws before anything changes. */
    resolve(self, c) {
        if (c.gender !== undefined && c.gender !== null && !GENDERS.includes(c.gender)) {
            throw bad(`gender must be one of ${GENDERS.join(', ')} (got "${c.gender}").`);
        }
        for (const key of ['startDate', 'endDate', 'birthday']) {
            const v = c[key];
            if (v !== undefined && v !== null && !isIsoDate(v))
                throw bad(`${key} must be a date in YYYY-MM-DD format (got "${v}").`);
        }
        for (const key of Object.keys(c.custom ?? {})) {
            if (!/^[0-9a-f]{24}$/i.test(key))
                throw bad(`Custom attribute ids are 24 hex characters (got "${key}").`);
            // Writing an attribute that was never created is UNCONFIRMED in the real API; we refuse it.
            if (this.customIds !== null && !this.customIds.has(key.toLowerCase()))
                throw bad(`Custom attribute "${key}" does not exist in the organisation.`);
        }
        const out = { ...c };
        if (c.manager !== undefined)
            out.managerId = c.manager === null || c.manager === '' ? null : this.resolveManager(self, c.manager).id;
        if (c.additionalManagers !== undefined) {
            out.additionalManagerIds = [
                ...new Set((c.additionalManagers ?? []).filter((r) => r !== '').map((r) => this.resolveManager(self, r).id)),
            ];
        }
        return out;
    }
    /** A manager reference may be a Leapsome id, an email (userName) or an externalId. */
    resolveManager(self, ref) {
        const manager = this.usersById.get(ref) ?? this.userByUserName(ref) ?? this.usersByExternalId.get(ref)?.[0];
        if (manager === undefined)
            throw bad(`Manager "${ref}" does not exist in the organisation.`);
        if (self !== null && manager === self)
            throw bad('A user cannot be their own manager.');
        return manager;
    }
    applyResolved(user, c) {
        const externalId = c.externalId === '' ? null : c.externalId;
        if (externalId !== undefined && externalId !== user.externalId) {
            if (user.externalId !== null)
                removeFromIndex(this.usersByExternalId, user.externalId, user);
            if (externalId !== null)
                addToIndex(this.usersByExternalId, externalId, user);
        }
        const target = user;
        for (const key of PLAIN_FIELDS) {
            const value = c[key];
            if (value !== undefined)
                target[key] = value === '' ? null : value;
        }
        if (c.managerId !== undefined)
            user.managerId = c.managerId;
        if (c.additionalManagerIds !== undefined)
            user.additionalManagerIds = c.additionalManagerIds;
        for (const [key, value] of Object.entries(c.custom ?? {})) {
            if (value === null || value === '')
                user.custom.delete(key.toLowerCase());
            else
                user.custom.set(key.toLowerCase(), value);
        }
        this.touchUser(user);
    }
    touchUser(user) {
        user.lastModified = this.now();
        user.version += 1;
    }
    /** 24 hex characters like Leapsome's (Mongo) ids; deterministic so runs are comparable. */
    nextId() {
        this.idCounter += 1;
        return `665f1e2aa1b2c3d4${this.idCounter.toString(16).padStart(8, '0')}`;
    }
}
function normaliseDomains(domains) {
    return domains.map((d) => d.trim().toLowerCase().replace(/^@/, ''));
}
function groupKey(name) {
    return name.trim().toLowerCase();
}
function isIsoDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const ms = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}
/**
 * Index of records by externalId. Lists stay in creation order (ids are a zero-padded counter, so
 * string order is creation order) and the earliest-created record wins lookups.
 */
function addToIndex(index, key, item) {
    const list = index.get(key);
    if (list === undefined) {
        index.set(key, [item]);
        return;
    }
    list.push(item);
    if (list.length > 1 && (list[list.length - 2]?.id ?? '') > item.id)
        list.sort((a, b) => (a.id < b.id ? -1 : 1));
}
function removeFromIndex(index, key, item) {
    const list = index.get(key);
    if (list === undefined)
        return;
    const rest = list.filter((x) => x !== item);
    if (rest.length === 0)
        index.delete(key);
    else
        index.set(key, rest);
}

;// CONCATENATED MODULE: ./src/sandbox/scim-wire.ts
// Leapsome SCIM wire format: parsing request bodies (partial resource objects, not PatchOp) into
// store changes, and rendering users, groups, lists and errors as the spec shows them.


const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const scim_wire_bad = (detail, scimType = 'invalidValue') => new ScimError(400, detail, scimType);
// ---- errors ------------------------------------------------------------------------------------
/** RFC 7644 error body; `status` is a string as in Leapsome's 404 example. */
function scimError(status, detail, scimType, headers = {}) {
    return jsonResponse(status, { schemas: [ERROR], status: String(status), ...(scimType === undefined ? {} : { scimType }), detail }, headers);
}
/** Exactly the documented 404 body. */
function notFound() {
    return jsonResponse(404, { schemas: [ERROR], detail: 'Resource not found', status: '404' });
}
// ---- parsing -----------------------------------------------------------------------------------
function parseJsonObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw scim_wire_bad('The request body is not valid JSON.', 'invalidSyntax');
    }
    if (!isRecord(value))
        throw scim_wire_bad('The request body must be a JSON object.', 'invalidSyntax');
    return value;
}
/** A string attribute: absent -> undefined, null or '' -> null (clears), anything else -> 400. */
function optString(obj, key, path = key) {
    const v = obj[key];
    if (v === undefined)
        return undefined;
    if (v === null || v === '')
        return null;
    if (typeof v !== 'string')
        throw scim_wire_bad(`${path} must be a string.`);
    return v;
}
/** A UserDefinition body (POST, PATCH, PUT). userName is required in all three. */
function parseUserDefinition(body, options) {
    const userName = body.userName;
    if (typeof userName !== 'string' || userName.trim() === '') {
        const schemas = Array.isArray(body.schemas) ? body.schemas : [];
        const hint = schemas.includes(PATCH_OP) ? ' PatchOp bodies are not supported here: send a partial resource object with userName.' : '';
        throw scim_wire_bad(`The userName field is required.${hint}`);
    }
    const out = { userName };
    const changes = out;
    const set = (key, value) => {
        if (value !== undefined)
            changes[key] = value;
    };
    const name = body.name;
    if (name === null) {
        out.givenName = null;
        out.familyName = null;
    }
    else if (name !== undefined) {
        if (!isRecord(name))
            throw scim_wire_bad('name must be an object.');
        set('givenName', optString(name, 'givenName', 'name.givenName'));
        set('familyName', optString(name, 'familyName', 'name.familyName'));
    }
    set('displayName', optString(body, 'displayName'));
    set('title', optString(body, 'title'));
    set('externalId', optString(body, 'externalId'));
    if (body.active !== undefined) {
        if (typeof body.active !== 'boolean')
            throw scim_wire_bad('active must be a boolean.');
        out.active = body.active;
    }
    if (body.photos !== undefined) {
        if (body.photos === null)
            out.photo = null;
        else if (!Array.isArray(body.photos))
            throw scim_wire_bad('photos must be an array.');
        else {
            const first = body.photos[0];
            if (first === undefined)
                out.photo = null;
            else if (!isRecord(first) || typeof first.value !== 'string')
                throw scim_wire_bad('photos[0].value must be a string.');
            else
                out.photo = first.value;
        }
    }
    if (!options.extension)
        return out;
    set('location', optString(body, 'location'));
    set('manager', optString(body, 'manager'));
    const ent = body[ENTERPRISE];
    if (ent === undefined || ent === null)
        return out;
    if (!isRecord(ent))
        throw scim_wire_bad(`${ENTERPRISE} must be an object.`);
    const path = (key) => `${ENTERPRISE}:${key}`;
    // The enterprise spelling wins when both are given.
    set('manager', optString(ent, 'manager', path('manager')));
    set('location', optString(ent, 'location', path('location')));
    for (const key of ['department', 'costCenter', 'division', 'level', 'startDate', 'endDate', 'birthday', 'gender']) {
        set(key, optString(ent, key, path(key)));
    }
    const extra = ent.additionalManagers;
    if (extra === null)
        out.additionalManagers = null;
    else if (typeof extra === 'string')
        out.additionalManagers = extra
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''); // help text: comma-separated
    else if (Array.isArray(extra)) {
        out.additionalManagers = extra.map((v) => {
            if (typeof v !== 'string')
                throw scim_wire_bad(`${path('additionalManagers')} must be an array of strings.`);
            return v;
        });
    }
    else if (extra !== undefined)
        throw scim_wire_bad(`${path('additionalManagers')} must be an array of strings.`);
    const custom = {};
    for (const key of Object.keys(ent)) {
        if (!/^[0-9a-f]{24}$/i.test(key))
            continue;
        custom[key] = optString(ent, key, path(key)) ?? null;
    }
    if (Object.keys(custom).length > 0)
        out.custom = custom;
    return out;
}
/** PATCH /Groups/{id} body: displayName, externalId, replaceMembers, members[{value}]. */
function parseGroupPatch(body) {
    const out = {};
    if (body.displayName !== undefined) {
        if (typeof body.displayName !== 'string')
            throw scim_wire_bad('The displayName field is malformed.');
        out.displayName = body.displayName;
    }
    const externalId = optString(body, 'externalId');
    if (externalId !== undefined)
        out.externalId = externalId;
    if (body.replaceMembers !== undefined) {
        if (typeof body.replaceMembers !== 'boolean')
            throw scim_wire_bad('replaceMembers must be a boolean.');
        out.replaceMembers = body.replaceMembers;
    }
    if (body.members !== undefined) {
        if (!Array.isArray(body.members))
            throw scim_wire_bad('members must be an array.');
        out.members = body.members.map((m) => {
            if (!isRecord(m) || typeof m.value !== 'string' || m.value === '')
                throw scim_wire_bad('Each member must be an object with a string value.');
            return m.value;
        });
    }
    return out;
}
// ---- rendering ---------------------------------------------------------------------------------
function displayNameOf(u) {
    return u.displayName ?? ([u.givenName, u.familyName].filter((s) => s !== null).join(' ') || u.userName);
}
const iso = (ms) => new Date(ms).toISOString();
/**
 * A user as Leapsome returns it: manager READ as objects (ENT.manager {managerId, displayName},
 * top-level manager {value}), one primary work email = userName, teams in groups[].
 */
function renderUser(u, store, baseUrl) {
    const ent = {};
    const managerRef = (id) => {
        const m = store.userById(id);
        return { managerId: id, displayName: m === undefined ? '' : displayNameOf(m) };
    };
    if (u.managerId !== null)
        ent.manager = managerRef(u.managerId);
    ent.additionalManagers = u.additionalManagerIds.map(managerRef);
    ent.attachments = [];
    const optional = {
        department: u.department,
        costCenter: u.costCenter,
        division: u.division,
        level: u.level,
        startDate: u.startDate,
        endDate: u.endDate,
        birthday: u.birthday,
        gender: u.gender,
        employmentType: u.employmentType,
        location: u.location,
    };
    for (const [key, value] of Object.entries(optional))
        if (value !== null)
            ent[key] = value;
    for (const [key, value] of u.custom)
        ent[key] = value;
    const name = {};
    if (u.givenName !== null)
        name.givenName = u.givenName;
    if (u.familyName !== null)
        name.familyName = u.familyName;
    const formatted = [u.givenName, u.familyName].filter((s) => s !== null).join(' ');
    if (formatted !== '')
        name.formatted = formatted;
    return {
        schemas: [CORE_USER, ENTERPRISE],
        id: u.id,
        externalId: u.externalId,
        userName: u.userName,
        name,
        displayName: displayNameOf(u),
        title: u.title ?? 'Colleague',
        active: u.active,
        emails: [{ primary: true, type: 'work', value: u.userName }],
        photos: u.photo === null ? [] : [{ value: u.photo, type: 'photo' }],
        groups: [...u.groups].map((value) => ({ value })),
        ...(u.managerId === null ? {} : { manager: { value: u.managerId } }),
        [ENTERPRISE]: ent,
        meta: {
            resourceType: 'User',
            created: iso(u.created),
            lastModified: iso(u.lastModified),
            location: `${baseUrl}/Users/${u.id}`,
            version: `W/"${u.version}"`,
        },
    };
}
/** Groups never list their members (spec: `members` maxItems 0); membership shows in users' groups[]. */
function renderGroup(g, baseUrl) {
    return {
        schemas: [CORE_GROUP],
        id: g.id,
        displayName: g.displayName,
        externalId: g.externalId,
        members: [],
        meta: {
            resourceType: 'Group',
            created: iso(g.created),
            lastModified: iso(g.lastModified),
            location: `${baseUrl}/Groups/${g.id}`,
            version: `W/"${g.version}"`,
        },
    };
}
function listResponse(totalResults, startIndex, resources) {
    return { schemas: [LIST_RESPONSE], totalResults, itemsPerPage: resources.length, startIndex, Resources: resources };
}
function serviceProviderConfig(maxResults) {
    return {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
        documentationUrl: 'https://leapsome.zendesk.com/hc/en-us/articles/8759199332765-SCIM-API-Access',
        patch: { supported: true },
        bulk: { supported: false },
        filter: { supported: true, maxResults },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        // The spec models this as one object (RFC 7643 has an array).
        authenticationSchemes: {
            name: 'OAuth Bearer Token',
            description: 'Authentication scheme using the SCIM token generated in the Leapsome admin area',
            specUrl: 'https://www.rfc-editor.org/info/rfc6750',
            documentationUrl: 'https://leapsome.zendesk.com/hc/en-us/articles/8759199332765-SCIM-API-Access',
        },
    };
}
/** `attr eq "value"` (or unquoted); anything else is an invalidFilter 400. */
function parseEqFilter(filter) {
    const match = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$/i.exec(filter);
    if (match === null)
        throw scim_wire_bad(`Unsupported filter "${filter}": only the "eq" operator is supported.`, 'invalidFilter');
    const quoted = match[2];
    const value = quoted === undefined ? (match[3] ?? '') : quoted.replace(/\\(.)/g, '$1');
    return { attribute: (match[1] ?? '').toLowerCase(), value };
}

;// CONCATENATED MODULE: ./src/sandbox/scim-server.ts
// Fake Leapsome SCIM API (https://api.leapsome.com/scim/v1/api-docs/): /Users, /Groups,
// /ServiceProviderConfig behind a static bearer token, with the documented quirks and limits.





const DEFAULT_LEAPSOME_RATE_LIMITS = { enabled: true, perSecond: 30, retryAfter: false };
const MAX_USERS_PER_PAGE = 5000;
const MAX_GROUPS_PER_PAGE = 1000;
const RESOURCES = {
    users: 'Users',
    groups: 'Groups',
    serviceproviderconfig: 'ServiceProviderConfig',
};
class ScimApi {
    store;
    settings;
    api = 'leapsome';
    /** Absolute URL of the API root; set once the server listens (used in meta.location). */
    baseUrl = '';
    rendered = new JsonCache();
    limits = DEFAULT_LEAPSOME_RATE_LIMITS;
    window = new SlidingWindow(DEFAULT_LEAPSOME_RATE_LIMITS.perSecond, 1000);
    constructor(store, settings) {
        this.store = store;
        this.settings = settings;
    }
    setRateLimits(partial) {
        this.limits = { ...this.limits, ...partial };
        this.window = new SlidingWindow(this.limits.perSecond, 1000);
    }
    getRateLimits() {
        return { ...this.limits };
    }
    // ---- ApiDefinition ---------------------------------------------------------------------------
    /** `/Users`, `/Users/:id`, …; resource names are matched case-insensitively (Merge uses /users). */
    route(_method, path) {
        const parsed = this.parsePath(path);
        if (parsed === null)
            return path;
        if (parsed.resource === null)
            return parsed.rest;
        return parsed.id === null ? `/${parsed.resource}` : `/${parsed.resource}/:id`;
    }
    admit(_req, _route, now) {
        if (!this.limits.enabled)
            return { waitMs: 0, retryAfter: false };
        return { waitMs: admit([this.window], now), retryAfter: this.limits.retryAfter };
    }
    errorResponse(status, message, headers = {}) {
        return scimError(status, message, undefined, headers);
    }
    logBody(req) {
        return defaultLogBody(req);
    }
    handle(req) {
        // Nothing in Leapsome's SCIM API deletes; the sandbox refuses and the log keeps the attempt.
        if (req.method === 'DELETE')
            return scimError(405, 'DELETE is not supported.', undefined, { allow: 'GET, POST, PATCH, PUT' });
        if (bearerToken(req.headers) !== this.settings.token)
            return scimError(403, 'Invalid token passed');
        const parsed = this.parsePath(req.path);
        if (parsed === null || parsed.resource === null)
            return notFound();
        try {
            return this.dispatch(req, parsed.resource, parsed.id);
        }
        catch (err) {
            if (err instanceof ScimError)
                return scimError(err.status, err.detail, err.scimType);
            throw err;
        }
    }
    // ---- endpoints -------------------------------------------------------------------------------
    dispatch(req, resource, id) {
        const m = req.method;
        const notAllowed = (allow) => scimError(405, `${m} is not supported here.`, undefined, { allow });
        if (resource === 'ServiceProviderConfig') {
            return m === 'GET' && id === null ? jsonResponse(200, serviceProviderConfig(MAX_USERS_PER_PAGE)) : notAllowed('GET');
        }
        if (resource === 'Users') {
            if (id === null)
                return m === 'GET' ? this.listUsers(req) : m === 'POST' ? this.createUser(req) : notAllowed('GET, POST');
            if (m === 'GET')
                return this.getUser(id);
            if (m === 'PATCH' || m === 'PUT')
                return this.updateUser(req, id, m === 'PUT');
            return notAllowed('GET, PATCH, PUT');
        }
        if (id === null)
            return m === 'GET' ? this.listGroups(req) : m === 'POST' ? this.createGroup(req) : notAllowed('GET, POST');
        if (m === 'GET')
            return this.getGroup(id);
        if (m === 'PATCH')
            return this.patchGroup(req, id);
        return notAllowed('GET, PATCH');
    }
    listUsers(req) {
        const { startIndex, count } = paging(req.query, MAX_USERS_PER_PAGE, MAX_USERS_PER_PAGE);
        const filter = req.query.get('filter');
        let matches;
        if (filter === null || filter.trim() === '')
            matches = this.store.users();
        else {
            const f = parseEqFilter(filter);
            if (f.attribute === 'username') {
                const user = this.store.userByUserName(f.value);
                matches = user === undefined ? [] : [user];
            }
            else if (f.attribute === 'externalid' && this.settings.externalIdFilter) {
                matches = this.store.usersByExternal(f.value);
            }
            else {
                throw new ScimError(400, `Filtering on "${f.attribute}" is not supported; only userName eq is.`, 'invalidFilter');
            }
        }
        const page = matches.slice(startIndex - 1, startIndex - 1 + count).map((u) => this.renderedUser(u));
        // The envelope with the users' cached JSON spliced in as `Resources`.
        const envelope = JSON.stringify({ ...listResponse(matches.length, startIndex, page), Resources: [] });
        const body = `${envelope.slice(0, -'[]}'.length)}[${page.join(',')}]}`;
        return { ...jsonResponse(200, {}), body };
    }
    /** A user as JSON, rendered again only once the store changed. */
    renderedUser(user) {
        return this.rendered.text(`${this.store.revision}|${this.baseUrl}`, user.id, () => renderUser(user, this.store, this.baseUrl));
    }
    createUser(req) {
        const changes = parseUserDefinition(parseJsonObject(req.body), { extension: this.settings.honourExtensionOnPost });
        this.store.checkUserName(changes.userName, { checkDomain: true });
        if (this.store.userByUserName(changes.userName) !== undefined) {
            if (this.settings.existingUserOnPost === 'empty201')
                return jsonResponse(201, {});
            throw new ScimError(409, `The userName "${changes.userName}" is already in use.`, 'uniqueness');
        }
        const user = this.store.createUser(changes, { checkDomain: true });
        return jsonResponse(201, renderUser(user, this.store, this.baseUrl), { location: `${this.baseUrl}/Users/${user.id}` });
    }
    getUser(id) {
        const user = this.store.findUser(id);
        return user === undefined ? notFound() : jsonResponse(200, renderUser(user, this.store, this.baseUrl));
    }
    /** Writes address users by Leapsome id only (externalId in the path is UNCONFIRMED for writes). */
    updateUser(req, id, replace) {
        const user = this.store.userById(id);
        if (user === undefined)
            return notFound();
        const changes = parseUserDefinition(parseJsonObject(req.body), { extension: true });
        this.store.updateUser(user, changes, { checkDomain: true, replace });
        return jsonResponse(200, renderUser(user, this.store, this.baseUrl));
    }
    listGroups(req) {
        // "We return all results if none is given": no count means every group; an explicit count caps at 1000.
        const { startIndex, count } = paging(req.query, MAX_GROUPS_PER_PAGE, Number.MAX_SAFE_INTEGER);
        const filter = req.query.get('filter');
        let matches;
        if (filter === null || filter.trim() === '')
            matches = this.store.groups();
        else {
            const f = parseEqFilter(filter);
            if (f.attribute !== 'displayname') {
                throw new ScimError(400, `Filtering on "${f.attribute}" is not supported; only displayName eq is.`, 'invalidFilter');
            }
            const group = this.store.groupByName(f.value);
            matches = group === undefined ? [] : [group];
        }
        const page = matches.slice(startIndex - 1, startIndex - 1 + count).map((g) => renderGroup(g, this.baseUrl));
        return jsonResponse(200, listResponse(matches.length, startIndex, page));
    }
    createGroup(req) {
        const body = parseJsonObject(req.body);
        if (typeof body.displayName !== 'string')
            throw new ScimError(400, 'The displayName field is not set.', 'invalidValue');
        if (body.externalId !== undefined && body.externalId !== null && typeof body.externalId !== 'string') {
            throw new ScimError(400, 'externalId must be a string.', 'invalidValue');
        }
        // members on POST are not documented; they are ignored (add them with PATCH).
        const externalId = typeof body.externalId === 'string' && body.externalId !== '' ? body.externalId : null;
        const group = this.store.createGroup(body.displayName, externalId);
        return jsonResponse(201, renderGroup(group, this.baseUrl), { location: `${this.baseUrl}/Groups/${group.id}` });
    }
    getGroup(id) {
        const group = this.store.findGroup(id);
        return group === undefined ? notFound() : jsonResponse(200, renderGroup(group, this.baseUrl));
    }
    patchGroup(req, id) {
        const group = this.store.groupById(id);
        if (group === undefined)
            return notFound();
        this.store.updateGroup(group, parseGroupPatch(parseJsonObject(req.body)));
        return jsonResponse(200, renderGroup(group, this.baseUrl));
    }
    parsePath(path) {
        const base = this.settings.basePath;
        if (path !== base && !path.startsWith(`${base}/`))
            return null;
        const rest = path.slice(base.length) || '/';
        const parts = rest.split('/').filter((p) => p !== '');
        const resource = RESOURCES[(parts[0] ?? '').toLowerCase()] ?? null;
        if (resource === null || parts.length > 2)
            return { resource: null, id: null, rest };
        let id = null;
        if (parts[1] !== undefined) {
            try {
                id = decodeURIComponent(parts[1]);
            }
            catch {
                id = parts[1];
            }
        }
        return { resource, id, rest };
    }
}
/** SCIM paging: startIndex is 1-based (values < 1 read as 1), count is capped at `max` (negative = 0). */
function paging(query, max, defaultCount) {
    const int = (name) => {
        const raw = query.get(name);
        if (raw === null || raw === '')
            return null;
        if (!/^-?\d+$/.test(raw.trim()))
            throw new ScimError(400, `${name} must be an integer.`, 'invalidValue');
        return Number(raw);
    };
    const start = int('startIndex');
    const count = int('count');
    return {
        startIndex: start === null || start < 1 ? 1 : start,
        count: count === null ? defaultCount : Math.max(0, Math.min(max, count)),
    };
}

;// CONCATENATED MODULE: ./src/sandbox/sample-fields.ts
// `fields` for the sample company: the worked example in docs/fields.md (the demo passes it) and the
// benchmark's six extra mapped fields. One place, so the docs, the demo and the bench agree (a
// test checks docs/fields.md shows this text).
/** The worked example of docs/fields.md: levels through a map, a custom attribute, birthday, cost center, mentors as additional managers, gender off. */
const EXAMPLE_FIELDS = (/* unused pure expression or super */ null && (`fields:
  gender: off # never read from Personio, never written
  birthday: date_of_birth # a universal id: the action finds its key (dynamic_180883)
  level: # Personio's L1…L5 as Leapsome levels
    from: dynamic_1146703
    map: { L1: Junior, L2: Intermediate, L3: Senior, L4: Lead, L5: Principal }
    default: Unassigned # an empty value, or one the map does not list
  cost-center: cost_centers # the cost center with the highest percentage
  additional-managers: dynamic_1146710 # mentors: Personio ids and work emails
  custom:
    6140868326541a4da586db0b: dynamic_1146704 # Skills (a tags attribute): "Go, SQL"
    6140868326541a4da586db0c: # Contract: set once, then Leapsome's to keep
      from: employment_type
      map: { internal: Employee, external: Freelancer }
      apply: on-create
`));
/** The benchmark's six extra fields, on top of the default five (by key, so no extra round trip). */
const BENCH_FIELDS = `fields:
  birthday: dynamic_180883
  level:
    from: dynamic_1146703
    map: { L1: Junior, L2: Intermediate, L3: Senior, L4: Lead, L5: Principal }
    default: Unassigned
  division: subcompany
  cost-center: cost_centers
  additional-managers: dynamic_1146710
  custom:
    6140868326541a4da586db0b: dynamic_1146704
`;
/** How many fields BENCH_FIELDS maps beyond the default five. */
const BENCH_EXTRA_FIELDS = 6;

;// CONCATENATED MODULE: ./src/sandbox/previous-integration.ts
/** The mark the simulated built-in integration puts on a department team. */
const builtinTeamMark = (departmentId) => `leapsome-hris:personio:department:${departmentId}`;
/** The externalId the simulated identity-provider connector puts on the accounts it provisioned. */
const connectorUserMark = (employeeId) => `okta|00u${(employeeId * 7919).toString(36)}`;
const IN_SCOPE = new Set(['active', 'leave']);
/**
 * Fills the sandbox's Leapsome as the built-in integration (and friends) would have. Deterministic
 * for a given Personio company; needs at least two departments with several people each.
 */
function seedPreviousIntegration(sandbox) {
    const employees = sandbox.personio.list();
    const byId = new Map(employees.map((e) => [e.id, e]));
    const inScope = employees.filter((e) => IN_SCOPE.has(e.status) && e.email !== null && e.email !== '');
    const departments = [
        ...new Map(inScope.flatMap((e) => (e.department === null ? [] : [[e.department.id, e.department]]))).values(),
    ].sort((a, b) => a.id - b.id);
    if (departments.length < 3)
        throw new Error('seedPreviousIntegration: the company needs at least three departments');
    // The last in-scope people without reports are the ones whose story differs from the rest.
    const reportsTo = new Set(employees.map((e) => e.supervisorId));
    const plain = inScope.filter((e) => !reportsTo.has(e.id) && e.department !== null).reverse();
    const pick = () => {
        const next = plain.shift();
        if (next === undefined)
            throw new Error('seedPreviousIntegration: the company is too small');
        return next;
    };
    const movers = [pick(), pick()];
    const connector = [pick(), pick()];
    const unmarked = pick();
    const leaver = pick();
    // What Personio says now about the leaver; the built-in integration saw them still active.
    sandbox.personio.update(leaver.id, { status: 'inactive', terminationDate: '2025-08-29' });
    const leaverNow = sandbox.personio.get(leaver.id) ?? leaver;
    // The "Management" department's team was made by hand before any integration ran.
    const unmarkedDepartment = departments.find((d) => d.name === 'Management') ?? departments[0];
    const teams = new Map();
    for (const d of departments) {
        teams.set(d.id, sandbox.leapsome.addTeam({ displayName: d.name, externalId: d === unmarkedDepartment ? null : builtinTeamMark(d.id) }));
    }
    const handMade = sandbox.leapsome.addTeam({ displayName: 'Book club' });
    /** The department each person was in when the built-in integration last synced. */
    const otherDepartment = (e) => {
        const other = departments.find((d) => d.id !== e.department?.id && d !== unmarkedDepartment);
        return other?.id ?? e.department?.id ?? 0;
    };
    const teamIdsOf = (e) => {
        const departmentId = movers.includes(e) ? otherDepartment(e) : (e.department?.id ?? null);
        const team = departmentId === null ? undefined : teams.get(departmentId);
        return team === undefined ? [] : [team.id];
    };
    // Supervisors come before their reports in the sample company, so managers resolve by email.
    const users = new Map();
    const connectorUsers = [];
    let unmarkedUser;
    // `inScope` was read before the leaver left: the built-in integration last saw them active.
    for (const e of inScope) {
        const supervisor = e.supervisorId === null ? undefined : byId.get(e.supervisorId);
        const externalId = connector.includes(e) ? connectorUserMark(e.id) : e === unmarked ? null : String(e.id);
        const user = sandbox.leapsome.addUser({
            userName: e.email ?? '',
            externalId,
            givenName: e.firstName,
            familyName: e.lastName,
            displayName: e.preferredName !== '' ? e.preferredName : `${e.firstName} ${e.lastName}`,
            title: e.position === '' ? null : e.position,
            startDate: e.hireDate,
            endDate: e.terminationDate,
            location: e.office?.name ?? null,
            gender: e.gender,
            ...(supervisor !== undefined && users.has(supervisor.id) ? { manager: supervisor.email ?? null } : {}),
            teamIds: teamIdsOf(e),
        });
        users.set(e.id, user);
        if (connector.includes(e))
            connectorUsers.push({ employee: e, user });
        if (e === unmarked)
            unmarkedUser = user;
    }
    if (unmarkedUser === undefined)
        throw new Error('seedPreviousIntegration: no unmarked user');
    // A freelancer who is not in Personio, and the hand-made team's members.
    const outsider = sandbox.leapsome.addUser({
        userName: 'freelance.designer@example.com',
        givenName: 'Frida',
        familyName: 'Freelance',
        teamIds: [handMade.id],
    });
    const clubbers = [movers[0], connector[0], inScope[0]].flatMap((e) => (e === undefined ? [] : [users.get(e.id)?.id ?? '']));
    for (const id of clubbers) {
        const user = sandbox.leapsome.getUser(id);
        if (user !== undefined)
            sandbox.leapsome.editUser(id, { teamIds: [...user.teamIds, handMade.id] });
    }
    return {
        departmentTeams: new Map([...teams].filter(([id]) => id !== unmarkedDepartment?.id)),
        unmarkedDepartmentTeam: teams.get(unmarkedDepartment?.id ?? 0) ?? handMade,
        handMadeTeam: sandbox.leapsome.getTeam(handMade.id) ?? handMade,
        movers,
        leaver: leaverNow,
        // Read back: the hand-made team's memberships were added after the accounts were made.
        connectorUsers: connectorUsers.map(({ employee, user }) => ({ employee, user: sandbox.leapsome.getUser(user.id) ?? user })),
        unmarkedUser: { employee: unmarked, user: sandbox.leapsome.getUser(unmarkedUser.id) ?? unmarkedUser },
        outsider: sandbox.leapsome.getUser(outsider.id) ?? outsider,
    };
}

;// CONCATENATED MODULE: ./src/sandbox/index.ts
// The sandbox: a local fake Personio v1 and a fake Leapsome SCIM API, seeded with a sample company,
// with a request log, fault injection and rate limits, plus an in-process control API for tests,
// the demo and benchmarks. It speaks only the wire formats and shares no code with our clients.














const DEFAULT_CREDENTIALS = {
    personioClientId: 'papi-sandbox-client-id',
    personioClientSecret: 'papi-sandbox-client-secret',
    leapsomeToken: 'leapsome-sandbox-scim-token',
};
async function startSandbox(options = {}) {
    const now = options.now ?? Date.now;
    const host = options.host ?? '127.0.0.1';
    const domain = options.company?.domain ?? DEFAULT_DOMAIN;
    const log = new RequestLog();
    const faults = { personio: new FaultInjector(), leapsome: new FaultInjector() };
    if (options.faults?.personio)
        faults.personio.set(options.faults.personio);
    if (options.faults?.leapsome)
        faults.leapsome.set(options.faults.leapsome);
    const personioStore = new PersonioStore(options.employees ?? sampleCompany(options.company), now, domain);
    const personioSettings = {
        clientId: options.personio?.clientId ?? DEFAULT_CREDENTIALS.personioClientId,
        clientSecret: options.personio?.clientSecret ?? DEFAULT_CREDENTIALS.personioClientSecret,
        whitelist: options.personio?.whitelist ?? null,
        supervisorShape: options.personio?.supervisorShape ?? 'full',
        limitAboveMax: options.personio?.limitAboveMax ?? 'error',
        ...(options.personio?.customAttributes ? { customAttributes: options.personio.customAttributes } : {}),
    };
    const personio = new PersonioApi(personioStore, personioSettings, now, faults.personio);
    const scimStore = new ScimStore(options.leapsome?.orgDomains ?? [domain], now, options.leapsome?.customAttributes);
    const scimSettings = {
        token: options.leapsome?.token ?? DEFAULT_CREDENTIALS.leapsomeToken,
        basePath: (options.leapsome?.basePath ?? '/scim/v1').replace(/\/+$/, ''),
        existingUserOnPost: options.leapsome?.existingUserOnPost ?? 'empty201',
        externalIdFilter: options.leapsome?.externalIdFilter ?? false,
        honourExtensionOnPost: options.leapsome?.honourExtensionOnPost ?? false,
    };
    const scim = new ScimApi(scimStore, scimSettings);
    const limits = options.rateLimits;
    personio.setRateLimits(limits === false ? { enabled: false } : { ...DEFAULT_PERSONIO_RATE_LIMITS, ...limits?.personio });
    scim.setRateLimits(limits === false ? { enabled: false } : { ...DEFAULT_LEAPSOME_RATE_LIMITS, ...limits?.leapsome });
    const leapsome = leapsomeControl(scimStore, scim);
    for (const team of options.leapsome?.teams ?? [])
        leapsome.addTeam(team);
    for (const user of options.leapsome?.users ?? [])
        leapsome.addUser(user);
    const deps = (api) => ({ log, faults: faults[api], now, logBodies: options.logBodies ?? true });
    const servers = [];
    try {
        servers.push(await startApiServer(personio, deps('personio'), host, options.personio?.port ?? 0));
        servers.push(await startApiServer(scim, deps('leapsome'), host, options.leapsome?.port ?? 0));
    }
    catch (err) {
        await Promise.all(servers.map((s) => s.close()));
        throw err;
    }
    const [personioServer, scimServer] = servers;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const personioUrl = `http://${urlHost}:${personioServer.port}`;
    const leapsomeUrl = `http://${urlHost}:${scimServer.port}${scimSettings.basePath}`;
    scim.baseUrl = leapsomeUrl;
    return {
        personioUrl,
        leapsomeUrl,
        credentials: {
            personioClientId: personioSettings.clientId,
            personioClientSecret: personioSettings.clientSecret,
            leapsomeToken: scimSettings.token,
        },
        personio: {
            list: () => personioStore.list(),
            get: (id) => personioStore.get(id),
            add: (input) => personioStore.add(input),
            update: (id, patch) => personioStore.update(id, patch),
            remove: (id) => personioStore.remove(id),
            injectRawEmployee: (attributes) => personioStore.injectRawRecord({ type: 'Employee', attributes }),
            injectRawRecord: (record) => personioStore.injectRawRecord(record),
            removeRaw: (key) => personioStore.removeRaw(key),
            setWhitelist: (keys) => personio.setWhitelist(keys),
            whitelist: () => personio.getWhitelist(),
            expireTokens: () => personio.expireTokens(),
            listings: () => personio.listings(),
            hideFromListings: (ids, count = 1) => personio.hideFromListings(ids, count),
            duringListings: (change, count = 1) => personio.duringListings(change, count),
        },
        leapsome,
        faults,
        rateLimits: {
            personio: { set: (p) => personio.setRateLimits(p), get: () => personio.getRateLimits() },
            leapsome: { set: (p) => scim.setRateLimits(p), get: () => scim.getRateLimits() },
        },
        get requests() {
            return log.entries;
        },
        requestCounts: (filter) => log.counts(filter),
        writes: () => log.leapsomeWrites(),
        resetLog: () => log.reset(),
        close: async () => {
            await Promise.all(servers.map((s) => s.close()));
        },
    };
}
function leapsomeControl(store, scim) {
    const mustUser = (id) => {
        const user = store.findUser(id);
        if (user === undefined)
            throw new Error(`leapsome: no user ${id}`);
        return user;
    };
    const addMembers = (group, memberIds) => {
        for (let i = 0; i < memberIds.length; i += MAX_MEMBERS_PER_PATCH) {
            store.updateGroup(group, { members: memberIds.slice(i, i + MAX_MEMBERS_PER_PATCH) });
        }
    };
    return {
        listUsers: () => store.users().map(userView),
        getUser: (id) => {
            const user = store.findUser(id);
            return user === undefined ? undefined : userView(user);
        },
        findByUserName: (userName) => {
            const user = store.userByUserName(userName);
            return user === undefined ? undefined : userView(user);
        },
        addUser: ({ teamIds, ...input }) => {
            const user = store.createUser(input, { checkDomain: false });
            if (teamIds !== undefined)
                store.setUserTeams(user, teamIds);
            return userView(user);
        },
        editUser: (id, { teamIds, ...changes }) => {
            const user = mustUser(id);
            store.updateUser(user, changes, { checkDomain: false });
            if (teamIds !== undefined)
                store.setUserTeams(user, teamIds);
            return userView(user);
        },
        renderUser: (id) => {
            const user = store.findUser(id);
            return user === undefined ? undefined : renderUser(user, store, scim.baseUrl);
        },
        listTeams: () => store.groups().map(teamView),
        getTeam: (id) => {
            const group = store.findGroup(id);
            return group === undefined ? undefined : teamView(group);
        },
        addTeam: ({ displayName, externalId, memberIds }) => {
            const group = store.createGroup(displayName, externalId ?? null);
            addMembers(group, memberIds ?? []);
            return teamView(group);
        },
        teamMembers: (teamId) => {
            const group = store.findGroup(teamId);
            if (group === undefined)
                throw new Error(`leapsome: no team ${teamId}`);
            return [...group.members];
        },
        setOrgDomains: (domains) => store.setOrgDomains(domains),
        orgDomains: () => store.orgDomains(),
    };
}
function userView(u) {
    return {
        id: u.id,
        userName: u.userName,
        externalId: u.externalId,
        givenName: u.givenName,
        familyName: u.familyName,
        displayName: u.displayName,
        title: u.title,
        active: u.active,
        managerId: u.managerId,
        additionalManagerIds: [...u.additionalManagerIds],
        location: u.location,
        department: u.department,
        costCenter: u.costCenter,
        division: u.division,
        level: u.level,
        startDate: u.startDate,
        endDate: u.endDate,
        birthday: u.birthday,
        gender: u.gender,
        employmentType: u.employmentType,
        photo: u.photo,
        custom: Object.fromEntries(u.custom),
        teamIds: [...u.groups],
        created: new Date(u.created).toISOString(),
        lastModified: new Date(u.lastModified).toISOString(),
        version: u.version,
    };
}
function teamView(g) {
    return { id: g.id, displayName: g.displayName, externalId: g.externalId, memberIds: [...g.members] };
}


/***/ }),

/***/ 304:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   XU: () => (/* binding */ randInt),
/* harmony export */   sK: () => (/* binding */ mulberry32)
/* harmony export */ });
// Seeded PRNG so sample data and fault injection are reproducible run after run.
/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Integer in [min, max] (both inclusive). */
function randInt(rand, min, max) {
    return min + Math.floor(rand() * (max - min + 1));
}
function pick(rand, items) {
    const item = items[Math.floor(rand() * items.length)];
    if (item === undefined)
        throw new Error('pick() from an empty list');
    return item;
}


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(281);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
