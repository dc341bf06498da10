// `npm run demo`: starts the sandbox (local Personio and Leapsome with a sample company), runs the
// real bundled action against it — the first sync, a no-op, a day of changes — and prints each job
// summary in the terminal. No credentials, no network beyond loopback.
// `npm run demo -- --from-builtin` starts instead from a Leapsome organisation that Leapsome's
// built-in Personio integration (and another connector) filled, and shows the switch-over.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runActionProcess, sandboxInputs } from '../sandbox/action-process.js';
import { seedPreviousIntegration, startSandbox, type Sandbox } from '../sandbox/index.js';

const ACTION = join(dirname(fileURLToPath(import.meta.url)), '..', 'index.js');

interface Run {
  readonly code: number | null;
  readonly summary: string;
  readonly log: string;
}

async function runAction(sandbox: Sandbox, stateDir: string, extraInputs: Record<string, string> = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'personio-leapsome-demo-'));
  const run = await runActionProcess({
    entry: ACTION,
    inputs: { ...sandboxInputs(sandbox), cache: 'true', ...extraInputs },
    workDir: dir,
    cwd: process.cwd(),
    // Outside GitHub the encrypted snapshot lives in a local directory, shared by all runs.
    env: { RUNNER_TEMP: dir, PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir },
  });
  return { code: run.code, summary: run.summary, log: run.stdout + run.stderr };
}

/** A readable terminal rendering of the Markdown summary: tags and entities out, tables kept. */
function forTerminal(markdown: string): string {
  return markdown
    .replace(/<\/?(?:details|summary|b|i|br|sub|sup)\b[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}

function describeRequests(sandbox: Sandbox): string {
  const counts = new Map<string, { ok: number; limited: number }>();
  for (const r of sandbox.requests) {
    const key = `${r.method} ${r.route}`;
    const entry = counts.get(key) ?? { ok: 0, limited: 0 };
    if (r.status === 429) entry.limited++;
    else entry.ok++;
    counts.set(key, entry);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([endpoint, n]) => `  ${String(n.ok).padStart(5)}  ${endpoint}${n.limited > 0 ? `  (+${n.limited} answered 429 by the rate limiter, then retried)` : ''}`)
    .join('\n');
}

/** A hire, a promotion, a department rename, a leaver in Personio; someone edits a title in Leapsome. */
function dayOfChanges(sandbox: Sandbox): void {
  const active = sandbox.personio.list().filter((e) => e.status === 'active');
  const [promoted, leaver, edited] = [active[3], active[8], active[12]];
  const boss = active[1];
  if (!promoted || !leaver || !edited || !boss) return;
  sandbox.personio.add({ firstName: 'Hanna', lastName: 'Neumann', status: 'active', position: 'Data Analyst', department: boss.department, supervisorId: boss.id });
  sandbox.personio.update(promoted.id, { position: `Senior ${promoted.position}` });
  sandbox.personio.update(leaver.id, { status: 'inactive', terminationDate: '2026-11-30' });
  const dept = active.find((e) => e.department?.name === 'Marketing')?.department;
  if (dept) for (const e of sandbox.personio.list().filter((x) => x.department?.id === dept.id)) sandbox.personio.update(e.id, { department: { id: dept.id, name: 'Brand & Marketing' } });
  const user = sandbox.leapsome.getUser(String(edited.id));
  if (user) sandbox.leapsome.editUser(user.id, { title: 'Chief Vibes Officer' });
}

interface Step {
  readonly title: string;
  readonly before?: () => void;
  readonly inputs?: Record<string, string>;
  /** A run that is meant to fail (a clash the settings do not resolve) is not a demo failure. */
  readonly expectedCode?: number;
}

const STEPS: readonly Step[] = [
  { title: 'Run 1: the first sync of the sample company' },
  { title: 'Run 2: immediately again — nothing should change' },
];

/** The switch-over, as the migration guide (docs/switching-from-the-built-in-integration.md) walks it. */
const FROM_BUILTIN: readonly Step[] = [
  {
    title: 'Run 1: dry run with adopt-teams: by-name — the switch-over review',
    inputs: { 'dry-run': 'true', 'adopt-teams': 'by-name' },
    expectedCode: 1,
  },
  {
    title: 'Run 2: apply with adopt-teams: by-name and adopt-users: by-email',
    inputs: { 'adopt-teams': 'by-name', 'adopt-users': 'by-email' },
  },
  { title: 'Run 3: again with the default settings — the teams and users are the sync\'s own now' },
];

async function main(): Promise<void> {
  const fromBuiltin = process.argv.includes('--from-builtin');
  const sandbox = await startSandbox({});
  const stateDir = mkdtempSync(join(tmpdir(), 'personio-leapsome-demo-state-'));
  try {
    console.log(`Sandbox up: Personio at ${sandbox.personioUrl}, Leapsome SCIM at ${sandbox.leapsomeUrl}\n`);
    if (fromBuiltin) {
      const seeded = seedPreviousIntegration(sandbox);
      console.log(
        [
          'Leapsome starts as the built-in Personio integration left it: users carry their Personio id,',
          `${seeded.departmentTeams.size} department teams carry the built-in integration's mark, "${seeded.unmarkedDepartmentTeam.displayName}" was made by hand`,
          `without a mark, ${seeded.movers.length} people are still in their old department's team, ${seeded.leaver.firstName} ${seeded.leaver.lastName} left but is still active,`,
          `${seeded.connectorUsers.length} accounts came from an identity provider (its own externalId), one account was made by hand,`,
          `and "${seeded.handMadeTeam.displayName}" is a hand-made team. The built-in integration is switched off.\n`,
        ].join('\n'),
      );
    }
    const steps: readonly Step[] = fromBuiltin
      ? FROM_BUILTIN
      : [...STEPS, { title: 'Run 3: a day later — changes in Personio, and a manual edit in Leapsome', before: () => dayOfChanges(sandbox) }];
    for (const step of steps) {
      step.before?.();
      // A scheduled sync never follows the last one within a second; leave the rate window empty.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      sandbox.resetLog();
      const run = await runAction(sandbox, stateDir, step.inputs);
      console.log(`\n===== ${step.title} (exit code ${run.code}) =====\n`);
      console.log(forTerminal(run.summary));
      console.log(`Requests seen by the sandbox:\n${describeRequests(sandbox)}\n`);
      if (run.code !== (step.expectedCode ?? 0)) {
        console.log(run.log);
        process.exitCode = 1;
      }
    }
  } finally {
    await sandbox.close();
  }
}

await main();
