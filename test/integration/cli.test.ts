// The command line (dist/cli/index.js) as an admin and a script use it, against the sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { NODE24_BIN } from '../support/paths.js';
import { runCli, sandboxEnv, sandboxFlags, type CliRun } from '../support/run-cli.js';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function start(options: SandboxOptions = { rateLimits: false }): Promise<Sandbox> {
  sandbox = await startSandbox(options);
  return sandbox;
}

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pls-cli-'));
  return dir;
}

// eslint-disable-next-line no-control-regex -- what colour looks like on the wire
const SGR = /\u001b\[[0-9;]*m/;

/** Nothing meant for GitHub's renderer or runner ever reaches the terminal. */
function expectForPeople(run: CliRun, sb: Sandbox): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain('::');
    expect(text).not.toContain('&#');
    expect(text).not.toMatch(/&(?:lt|gt|quot|amp);/);
    expect(text).not.toContain('%25');
    expect(text).not.toContain(sb.credentials.personioClientSecret);
    expect(text).not.toContain(sb.credentials.leapsomeToken);
  }
}

describe.each([
  ['Node 20', undefined],
  ['Node 24', NODE24_BIN],
])('personio-leapsome-sync on %s', (_, node) => {
  it('plans the sample company as a +/~/- diff and writes nothing; --json is the plan document alone', async () => {
    const sb = await start();
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state') };
    const plan = await runCli(['plan', ...sandboxFlags(sb)], { env, cwd, ...(node ? { node } : {}) });
    expect(plan.code, plan.stderr).toBe(0);
    expect(sb.writes()).toEqual([]);
    expect(plan.stdout).toContain(
      '\nUsers (+37)\n  + Daniel Sharma <daniel.sharma@example.com>  (new, title: Chief Executive Officer; invite pending)\n',
    );
    expect(plan.stdout).toContain('\nTeams (+7)\n');
    expect(plan.stdout).toContain('\nManagers (~36)\n');
    expect(plan.stdout).toContain('  … and 12 more; --full to show all\n');
    expect(plan.stdout).toMatch(/\nPlan: 81 to add, 36 to change, 0 to remove\.\nApplying it takes 88 writes to Leapsome\./);
    expect(plan.stderr).toContain('Read 40 Personio employees');
    expect(plan.stdout + plan.stderr).not.toMatch(SGR);
    expectForPeople(plan, sb);

    const json = await runCli(['plan', '--json', ...sandboxFlags(sb)], { env, cwd, ...(node ? { node } : {}) });
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      version: number;
      mode: string;
      planId: string;
      plan: { users: unknown[]; teams: unknown[] };
      counts: { created: number };
    };
    expect(doc).toMatchObject({ mode: 'dry-run', counts: { created: 37 } });
    expect(doc.plan.users).toHaveLength(37);
    expect(json.stderr).toContain('Read 40 Personio employees');
    expectForPeople(json, sb);

    // The JSON is a plan file: apply exactly it.
    writeFileSync(join(cwd, 'plan.json'), json.stdout);
    const applied = await runCli(['apply', '--plan-file', 'plan.json', '--leapsome-base-url', sb.leapsomeUrl], {
      env: { LEAPSOME_SCIM_TOKEN: sb.credentials.leapsomeToken },
      cwd,
      ...(node ? { node } : {}),
    });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`Applied the approved plan ${doc.planId.replace(/^sha256:/, '').slice(0, 12)} to Leapsome:`);
    expect(applied.stdout).toContain('\nApply complete: 37 users created, 7 teams created, 37 membership changes, 36 manager changes.\n');
    expect(divergences(sb)).toEqual([]);
    expectForPeople(applied, sb);
  });
});

describe('personio-leapsome-sync', () => {
  it('applies, then finds nothing to do; --out saves a plan and --summary-file the job summary', async () => {
    const sb = await start();
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state') };
    const first = await runCli(['apply', ...sandboxFlags(sb), '--summary-file', 'summary.md'], { env, cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Applied to Leapsome:');
    expect(divergences(sb)).toEqual([]);
    expect(readFileSync(join(cwd, 'summary.md'), 'utf8')).toContain('## Personio → Leapsome sync');
    expect(first.stderr).toContain('Wrote the job summary Markdown to summary.md.');
    expectForPeople(first, sb);

    sb.resetLog();
    const again = await runCli(['plan', ...sandboxFlags(sb), '--out', 'plan.json'], { env, cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Changes in Personio since the last run');
    expect(again.stdout).toContain('\nNo changes: Leapsome already matches Personio.\n');
    expect(JSON.parse(readFileSync(join(cwd, 'plan.json'), 'utf8'))).toMatchObject({ mode: 'dry-run', plan: { users: [] } });
    expect(again.stderr).toContain('apply --plan-file plan.json');
    expect(sb.writes()).toEqual([]);
  });

  it('stops on a config error with exit code 2 and file:line: key: problem, before reading anything', async () => {
    const sb = await start();
    const cwd = workDir();
    mkdirSync(join(cwd, '.github'));
    writeFileSync(
      join(cwd, '.github', 'personio-leapsome.yml'),
      'statuses: [active, leave]\nteam-from: department\nmax-deactivations: 120%\n',
    );
    const run = await runCli(['plan', ...sandboxFlags(sb), '--json'], { env: sandboxEnv(sb), cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: the config file has 2 problems; nothing was read or written:\n');
    expect(run.stderr).toContain(".github/personio-leapsome.yml:2: team-from: unknown key (did you mean 'teams-from'?)");
    expect(run.stderr).toMatch(
      /\.github\/personio-leapsome\.yml:3: max-deactivations: expected a whole number such as 10 or a percentage up to "100%"/,
    );
    expect(sb.requests).toEqual([]);
    expectForPeople(run, sb);

    // An attribute the settings need but the credential may not read: a configuration error too, with its line.
    writeFileSync(join(cwd, 'unreadable.yml'), 'statuses: [active, leave]\nfields:\n  level: dynamic_424242\n');
    const unreadable = await runCli(['plan', ...sandboxFlags(sb), '--config-file', 'unreadable.yml'], { env: sandboxEnv(sb), cwd });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(
      'unreadable.yml:3: fields.level: dynamic_424242 is not among the attributes this credential may read: unknown, or not allowed for it\n',
    );
    expect(sb.writes()).toEqual([]);
    expectForPeople(unreadable, sb);

    const flag = await runCli(['plan', ...sandboxFlags(sb), '--statuses', 'active,retired'], { env: {}, cwd: workDir() });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('error: PERSONIO_CLIENT_ID: the Personio client id is required');
    expect(flag.stderr).toContain('error: --statuses: unknown value "retired"');
  });

  it('refuses a mass deactivation with exit code 1 and writes nothing', async () => {
    const sb = await start();
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state') };
    expect((await runCli(['apply', ...sandboxFlags(sb)], { env, cwd })).code).toBe(0);
    const active = sb.personio.list().filter((e) => e.status === 'active');
    for (const e of active.slice(0, 12)) sb.personio.update(e.id, { status: 'inactive' });
    sb.resetLog();
    const run = await runCli(['apply', ...sandboxFlags(sb), '--max-source-drop', '100%'], { env, cwd });
    expect(run.code).toBe(1);
    expect(sb.writes()).toEqual([]);
    expect(run.stdout).toMatch(/\nerror: 12 deactivations planned, above the max-deactivations limit of \d+/);
    expect(run.stdout).toContain('\nRefused: nothing was written to Leapsome.\n');
    expect(run.stdout).toContain('  - ');
    expectForPeople(run, sb);
  });

  it('attributes: lists what the credential may read, with value counts and the settings that use each, never a value', async () => {
    const sb = await start();
    const cwd = workDir();
    writeFileSync(
      join(cwd, 'sync.yml'),
      'fields:\n  gender: off\n  birthday: date_of_birth\n  level:\n    from: dynamic_1146703\n    map: { L1: Junior }\n  custom:\n    6140868326541a4da586db0b: dynamic_99\n',
    );
    const env = { PERSONIO_CLIENT_ID: sb.credentials.personioClientId, PERSONIO_CLIENT_SECRET: sb.credentials.personioClientSecret };
    const attributes = (extra: string[], envOverride = env) =>
      runCli(['attributes', '--personio-base-url', sb.personioUrl, ...extra], { env: envOverride, cwd });

    const listed = await attributes(['--config-file', 'sync.yml']);
    const lines = listed.stdout.split('\n');
    const row = (key: string): string => lines.find((l) => l.startsWith(`${key} `)) ?? '';
    expect(lines[0]).toMatch(
      /^The Personio credential may read \d+ employee attributes\. Values: how many of the first 40 employees hold one\.$/,
    );
    expect(row('dynamic_180883')).toMatch(/^dynamic_180883 +Birthday +date +date_of_birth +40\/40 +fields\.birthday$/);
    expect(row('dynamic_1146703')).toMatch(/Level +list +- +40\/40 +fields\.level$/);
    expect(row('first_name')).toMatch(/40\/40 +the sync itself/);
    expect(row('gender')).toMatch(/Gender +standard +gender +40\/40$/); // off: used by nothing
    expect(listed.stdout).toMatch(/\n {2}dynamic_1146703 +L1, L2, L3, L4, L5\n/);
    expect(listed.stdout).toContain('  dynamic_99  fields.custom.6140868326541a4da586db0b, sync.yml:8');
    expect(listed.code).toBe(2); // the settings need an attribute it cannot read
    const someone = sb.personio.list()[0];
    for (const value of [someone?.email, someone?.lastName, someone?.dynamic['dynamic_180883']])
      expect(listed.stdout).not.toContain(String(value));
    expectForPeople(listed, sb);

    const json = await attributes(['--config-file', 'sync.yml', '--json']);
    const doc = JSON.parse(json.stdout) as {
      attributes: Array<{ key: string; usedBy: string[]; withValue: number | null }>;
      sampled: number;
      unreadable: Array<{ source: string }>;
    };
    expect(doc.attributes.find((a) => a.key === 'dynamic_180883')).toMatchObject({ usedBy: ['fields.birthday'], withValue: 40 });
    expect(doc.unreadable.map((u) => u.source)).toEqual(['dynamic_99']);
    expect(json.code).toBe(2);

    sb.personio.setWhitelist([
      'first_name',
      'last_name',
      'email',
      'status',
      'supervisor',
      'preferred_name',
      'department',
      'position',
      'office',
      'hire_date',
      'termination_date',
    ]);
    const narrow = await attributes([]);
    expect(narrow.code, narrow.stderr).toBe(2); // gender is read by default and is not readable now
    expect(narrow.stdout).not.toMatch(/^dynamic_/m);
    expect(narrow.stdout).toMatch(/\n {2}gender {2}fields\.gender\n/);

    const denied = await attributes([], { PERSONIO_CLIENT_ID: 'x', PERSONIO_CLIENT_SECRET: 'y' });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('error: ');
  });

  it('explains usage: --help, --version, exit code 2 for a wrong command or a secret given as a flag', async () => {
    const cwd = workDir();
    const help = await runCli(['--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:\n  plan');
    expect(help.stdout).toContain('2  usage or configuration error');
    const applyHelp = await runCli(['apply', '--help'], { cwd });
    expect(applyHelp.stdout).toContain('--plan-file <value>');
    expect((await runCli(['--version'], { cwd })).stdout).toMatch(/^personio-leapsome-sync \d+\.\d+\.\d+\n$/);
    const secret = await runCli(['apply', '--leapsome-scim-token', 'abc'], { cwd });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('set LEAPSOME_SCIM_TOKEN in the environment');
    const wrong = await runCli(['--dry-run'], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Run 'personio-leapsome-sync --help' for usage.");
  });
});

describe('in a terminal', () => {
  /** What a terminal shows, line by line: escape sequences out, each in-place redraw its own line. */
  const screenLines = (output: string): string[] =>
    stripVTControlCharacters(output.replace(/\u001b\[1G/g, '\n')) // eslint-disable-line no-control-regex
      .split(/\r?\n|\r/)
      .filter((line) => line !== '');

  it('shows colour and a progress line updated in place, every line fitting the width', async () => {
    const sb = await start({}); // Leapsome's real 30 writes/s: the writes take seconds
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state') };
    const run = await runCli(['apply', '--yes', ...sandboxFlags(sb)], { env, cwd, ttyColumns: 72 });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('Apply these changes to Leapsome?');
    expect(divergences(sb)).toEqual([]);
    expect(run.stdout).toMatch(SGR);
    expect(run.stdout).toContain('\u001b[32m+ Daniel Sharma');
    // The progress line: moved back to the first column, rewritten, the rest of the line cleared.
    const redraws = run.stdout.match(/\u001b\[1G(?:\u001b\[[0-9;]*m)*Writing to Leapsome[^\n\r\u001b]*: (\d+)\/88 writes/g) ?? []; // eslint-disable-line no-control-regex
    expect(redraws.length).toBeGreaterThan(1);
    expect(run.stdout).toContain('\u001b[0K');
    for (const line of screenLines(run.stdout)) expect(line.length, line).toBeLessThanOrEqual(72);
    expect(screenLines(run.stdout)).toContain('Apply complete: 37 users created, 7 teams created, 37 membership');
    expectForPeople(run, sb);
  });

  it('has no colour with NO_COLOR', async () => {
    const sb = await start({});
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state'), NO_COLOR: '1' };
    const run = await runCli(['apply', ...sandboxFlags(sb)], { env, cwd, ttyColumns: 100, typed: 'yes\n' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toMatch(SGR);
    expect(run.stdout).toContain('Writing to Leapsome');
    expect(run.stdout).toContain('  + Daniel Sharma');
  });

  it('shows the plan and asks before apply writes; only yes goes on, as with terraform apply', async () => {
    const sb = await start();
    const cwd = workDir();
    const env = { ...sandboxEnv(sb), PERSONIO_LEAPSOME_SYNC_STATE_DIR: join(cwd, 'state') };
    const declined = await runCli(['apply', ...sandboxFlags(sb)], { env, cwd, ttyColumns: 100, typed: 'no\n' });
    expect(declined.code, declined.stdout).toBe(1);
    expect(sb.writes()).toEqual([]);
    const screen = screenLines(declined.stdout);
    const asked = screen.findIndex((line) => line.startsWith("Apply these changes to Leapsome? Only 'yes' goes on:"));
    expect(asked).toBeGreaterThan(screen.indexOf('Plan: 81 to add, 36 to change, 0 to remove.'));
    expect(screen.indexOf('Users (+37)')).toBeLessThan(asked);
    expect(screen.indexOf('Apply cancelled: nothing was written to Leapsome.')).toBeGreaterThan(asked);

    const accepted = await runCli(['apply', ...sandboxFlags(sb)], { env, cwd, ttyColumns: 100, typed: 'yes\n' });
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(divergences(sb)).toEqual([]);
    const after = screenLines(accepted.stdout);
    // The plan is shown once, before the question; after it, only how the apply went.
    expect(after.filter((line) => line === 'Users (+37)')).toHaveLength(1);
    expect(after.indexOf('Apply complete: 37 users created, 7 teams created, 37 membership changes, 36 manager changes.')).toBeGreaterThan(
      after.findIndex((l) => l.startsWith('Apply these changes')),
    );
    expectForPeople(accepted, sb);

    // Nothing to write: nothing to ask.
    const nothing = await runCli(['apply', ...sandboxFlags(sb)], { env, cwd, ttyColumns: 100, typed: 'no\n' });
    expect(nothing.code, nothing.stdout).toBe(0);
    expect(nothing.stdout).not.toContain('Apply these changes');
    expect(screenLines(nothing.stdout)).toContain('No changes: Leapsome already matches Personio.');
  });
});
