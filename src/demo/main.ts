// `npm run demo`: starts the sandbox (local Personio and Leapsome with a sample company) and runs
// the bundled command line (the same run core as the action) against it: the first sync, a no-op,
// and a day of changes. Each run shows what an admin sees in a terminal (colour and a live progress
// line when this is one), and writes the job summary Markdown GitHub would show to a file it names.
// The runs map fields as docs/fields.md's worked example does (a config file the demo passes).
// `npm run demo -- --from-builtin` starts instead from a Leapsome organisation that Leapsome's
// built-in Personio integration (and another connector) filled, and shows the switch-over.
// No credentials, no network beyond loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_FIELDS, seedPreviousIntegration, startSandbox, type Sandbox } from '../sandbox/index.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'index.js');

/** Runs the command line with the terminal handed through, so it looks as it would for an admin. */
async function runCli(sandbox: Sandbox, stateDir: string, args: readonly string[]): Promise<number | null> {
  const passThrough = ['TERM', 'NO_COLOR', 'COLUMNS', 'LANG', 'LC_ALL'].flatMap((name) =>
    process.env[name] === undefined ? [] : [[name, process.env[name] as string]],
  );
  const env: Record<string, string> = {
    ...Object.fromEntries(passThrough),
    PATH: process.env.PATH ?? '',
    PERSONIO_CLIENT_ID: sandbox.credentials.personioClientId,
    PERSONIO_CLIENT_SECRET: sandbox.credentials.personioClientSecret,
    LEAPSOME_SCIM_TOKEN: sandbox.credentials.leapsomeToken,
    // The encrypted snapshot lives in a local directory, shared by all runs.
    PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir,
  };
  const urls = ['--personio-base-url', sandbox.personioUrl, '--leapsome-base-url', sandbox.leapsomeUrl];
  // Asynchronous: the sandbox answering the child runs in this process.
  const child = spawn(process.execPath, [CLI, ...args, ...urls], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
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
    .map(
      ([endpoint, n]) =>
        `  ${String(n.ok).padStart(5)}  ${endpoint}${n.limited > 0 ? `  (+${n.limited} answered 429 by the rate limiter, then retried)` : ''}`,
    )
    .join('\n');
}

/**
 * A hire, a promotion (title and level), new skills, a department rename, a leaver in Personio;
 * someone edits a title and a contract in Leapsome (the title is set back, the contract is on-create).
 */
function dayOfChanges(sandbox: Sandbox): void {
  const active = sandbox.personio.list().filter((e) => e.status === 'active');
  const [promoted, leaver, edited, learner] = [active[3], active[8], active[12], active[15]];
  const boss = active[1];
  if (!promoted || !leaver || !edited || !boss || !learner) return;
  sandbox.personio.add({
    firstName: 'Hanna',
    lastName: 'Neumann',
    status: 'active',
    position: 'Data Analyst',
    department: boss.department,
    supervisorId: boss.id,
  });
  sandbox.personio.update(promoted.id, {
    position: `Senior ${promoted.position}`,
    dynamic: { ...promoted.dynamic, dynamic_1146703: 'L3' },
  });
  sandbox.personio.update(learner.id, { dynamic: { ...learner.dynamic, dynamic_1146704: ['Go', 'Kubernetes'] } });
  sandbox.personio.update(leaver.id, { status: 'inactive', terminationDate: '2026-11-30' });
  const dept = active.find((e) => e.department?.name === 'Marketing')?.department;
  if (dept)
    for (const e of sandbox.personio.list().filter((x) => x.department?.id === dept.id))
      sandbox.personio.update(e.id, { department: { id: dept.id, name: 'Brand & Marketing' } });
  const user = sandbox.leapsome.getUser(String(edited.id));
  if (user) sandbox.leapsome.editUser(user.id, { title: 'Chief Vibes Officer', custom: { '6140868326541a4da586db0c': 'Contractor' } });
}

interface Step {
  readonly title: string;
  readonly before?: () => void;
  /** The command and its flags, as an admin would type them (the sandbox's URLs are added). */
  readonly args: readonly string[];
  /** A run that is meant to fail (a clash the settings do not resolve) is not a demo failure. */
  readonly expectedCode?: number;
}

const STEPS: readonly Step[] = [
  { title: 'Run 1: the first sync of the sample company', args: ['apply'] },
  { title: 'Run 2: immediately again — nothing should change', args: ['apply'] },
];

/** The switch-over, as the migration guide (docs/switching-from-the-built-in-integration.md) walks it. */
const FROM_BUILTIN: readonly Step[] = [
  { title: 'Run 1: plan with adopt-teams: by-name — the switch-over review', args: ['plan', '--adopt-teams', 'by-name'], expectedCode: 1 },
  {
    title: 'Run 2: apply with adopt-teams: by-name and adopt-users: by-email',
    args: ['apply', '--adopt-teams', 'by-name', '--adopt-users', 'by-email'],
  },
  { title: "Run 3: again with the default settings — the teams and users are the sync's own now", args: ['apply'] },
];

async function main(): Promise<void> {
  const fromBuiltin = process.argv.includes('--from-builtin');
  const sandbox = await startSandbox({});
  const stateDir = mkdtempSync(join(tmpdir(), 'personio-leapsome-demo-state-'));
  const summaries = mkdtempSync(join(tmpdir(), 'personio-leapsome-demo-'));
  // The worked example of `fields` (docs/fields.md), as the config file every run reads.
  const configFile = join(summaries, 'personio-leapsome.yml');
  writeFileSync(configFile, EXAMPLE_FIELDS);
  try {
    console.log(`Sandbox up: Personio at ${sandbox.personioUrl}, Leapsome SCIM at ${sandbox.leapsomeUrl}`);
    if (!fromBuiltin)
      console.log(`\nEvery run reads ${configFile}, the worked example of \`fields\` in docs/fields.md:\n\n${EXAMPLE_FIELDS}`);
    if (fromBuiltin) {
      const seeded = seedPreviousIntegration(sandbox);
      console.log(
        [
          '\nLeapsome starts as the built-in Personio integration left it: users carry their Personio id,',
          `${seeded.departmentTeams.size} department teams carry the built-in integration's mark, "${seeded.unmarkedDepartmentTeam.displayName}" was made by hand`,
          `without a mark, ${seeded.movers.length} people are still in their old department's team, ${seeded.leaver.firstName} ${seeded.leaver.lastName} left but is still active,`,
          `${seeded.connectorUsers.length} accounts came from an identity provider (its own externalId), one account was made by hand,`,
          `and "${seeded.handMadeTeam.displayName}" is a hand-made team. The built-in integration is switched off.`,
        ].join('\n'),
      );
    }
    const steps: readonly Step[] = fromBuiltin
      ? FROM_BUILTIN
      : [
          ...STEPS,
          {
            title: 'Run 3: a day later — changes in Personio, and a manual edit in Leapsome',
            before: () => dayOfChanges(sandbox),
            args: ['apply'],
          },
        ];
    for (const [i, step] of steps.entries()) {
      step.before?.();
      // A scheduled sync never follows the last one within a second; leave the rate window empty.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      sandbox.resetLog();
      console.log(`\n===== ${step.title} =====\n$ personio-leapsome-sync ${step.args.join(' ')}\n`);
      const summaryFile = join(summaries, `run-${i + 1}-summary.md`);
      const config = fromBuiltin ? [] : ['--config-file', configFile];
      const code = await runCli(sandbox, stateDir, [...step.args, ...config, '--summary-file', summaryFile]);
      console.log(`\n(exit code ${code}) The job summary GitHub would show for this run: ${summaryFile}`);
      console.log(`Requests seen by the sandbox:\n${describeRequests(sandbox)}`);
      if (code !== (step.expectedCode ?? 0)) process.exitCode = 1;
    }
  } finally {
    await sandbox.close();
  }
}

await main();
