// Review features through the bundled action (node dist/index.js) against the sandbox and a local
// fake of the GitHub REST API: plan comments on pull requests, config as code, summary-detail and
// applying an approved plan file.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../support/fake-github-api.js';
import { GITHUB_COMMENT_MAX_CHARS } from '../support/github-limits.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';

const MARKER = '<!-- personio-leapsome-sync:plan -->';

let sandbox: Sandbox | null = null;
let github: FakeGitHubApi | null = null;
afterEach(async () => {
  await sandbox?.close();
  await github?.close();
  sandbox = github = null;
});

async function setup(options: SandboxOptions = {}): Promise<{ sb: Sandbox; gh: FakeGitHubApi; workDir: string }> {
  sandbox = await startSandbox({ rateLimits: false, ...options });
  github = await startFakeGitHubApi();
  return { sb: sandbox, gh: github, workDir: mkdtempSync(join(tmpdir(), 'pls-review-')) };
}

function credentials(sb: Sandbox): Record<string, string> {
  return { ...sandboxInputs(sb), cache: 'false' };
}

function writeConfig(workDir: string, yaml: string, path = '.github/personio-leapsome.yml'): void {
  mkdirSync(join(workDir, path, '..'), { recursive: true });
  writeFileSync(join(workDir, path), yaml);
}

/** A run on a pull_request event, with the event payload GitHub would write. */
async function pullRequestRun(
  sb: Sandbox,
  gh: FakeGitHubApi,
  workDir: string,
  inputs: Record<string, string> = {},
  headSha = 'a1b2c3d4e5f6a7b8c9d0',
): Promise<ActionRun & { writes: number }> {
  const eventPath = join(workDir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: headSha } },
      repository: { name: 'hr-sync', owner: { login: 'acme' } },
    }),
  );
  sb.resetLog();
  const run = await runAction({
    workDir,
    inputs: { ...credentials(sb), 'github-token': gh.token, ...inputs },
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
    },
  });
  writeFileSync(join(workDir, 'summary.md'), '');
  return { ...run, writes: sb.writes().length };
}

/** Everything a run made public: job summary, log (annotations included), outputs and PR comments. */
function published(run: ActionRun, gh: FakeGitHubApi): string {
  return [run.summary, run.stdout, run.stderr, JSON.stringify(run.outputs), ...gh.comments.map((c) => c.body)].join('\n');
}

describe('plan comments on pull requests', () => {
  it('posts one comment, updates that comment on the next push, and never writes to Leapsome', async () => {
    const { sb, gh, workDir } = await setup();
    gh.addComment(7, 'Looks good to me'); // someone else's comment is never touched
    writeConfig(workDir, 'teams-from: [department, office]\n');
    const first = await pullRequestRun(sb, gh, workDir, { 'dry-run': 'false' });
    expect(first.code, first.stdout).toBe(0);
    expect(first.writes).toBe(0);
    const ours = gh.comments.filter((c) => c.body.startsWith(MARKER));
    expect(ours).toHaveLength(1);
    const comment = ours[0]!;
    // The pull request's config is what the plan used: office teams appear.
    expect(comment.body).toContain('`.github/personio-leapsome.yml` from this pull request');
    expect(comment.body).toMatch(/\+ (Berlin|Munich|London) {2}\(new team from Personio office/);
    const someone = sb.personio.list().find((e) => e.status === 'active')!;
    expect(comment.body).toContain(`<${someone.email}>`);
    expect(first.summary).toContain('pull requests never write');

    // Next push: the config now excludes someone. Same comment, updated in place.
    writeConfig(workDir, `teams-from: [department, office]\nexclude:\n  - id:${someone.id}\n`);
    const second = await pullRequestRun(sb, gh, workDir, { 'dry-run': 'false' }, 'ffffeeeeddddccccbbbb');
    expect(second.code, second.stdout).toBe(0);
    expect(second.writes).toBe(0);
    expect(gh.comments.filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
    expect(gh.comments[1]?.id).toBe(comment.id);
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(comment.body).toContain('`ffffeeeedddd`'); // the new head commit
    expect(comment.body).not.toContain(`<${someone.email}>`);
    expect(gh.comments[0]?.body).toBe('Looks good to me');
    expect(sb.leapsome.listUsers()).toEqual([]);
  });

  it('keeps a plan of more than 70,000 characters under the 65,536-character comment limit', async () => {
    const { sb, gh, workDir } = await setup({ company: { size: 700 } });
    const run = await pullRequestRun(sb, gh, workDir);
    expect(run.code, run.stdout).toBe(0);
    expect(run.writes).toBe(0);
    const start = run.summary.indexOf('### Plan');
    const end = run.summary.indexOf('<details><summary><b>Every change as a table', start);
    const plan = run.summary.slice(start, end === -1 ? undefined : end);
    expect(plan.length).toBeGreaterThan(70_000);
    expect(gh.comments).toHaveLength(1); // the fake, like GitHub, rejects longer bodies
    const body = gh.comments[0]?.body ?? '';
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body).toContain('shortened to stay under');
    expect(body).toContain('[job summary](https://github.com/acme/hr-sync/actions/runs/100)');
    expect(body).toContain('```diff');
  });

  it('comments only when the plan changes something or a comment exists; a read-only token is a warning', async () => {
    const { sb, gh, workDir } = await setup();
    expect((await runAction({ inputs: credentials(sb) })).code).toBe(0); // Leapsome now matches Personio
    const quiet = await pullRequestRun(sb, gh, workDir);
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(quiet.stdout).toContain('No plan comment on pull request #7');
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    sb.personio.add({ firstName: 'Hanna', lastName: 'Neu', status: 'active' });
    gh.failWith(403);
    const denied = await pullRequestRun(sb, gh, workDir);
    expect(denied.code, denied.stdout).toBe(0);
    expect(denied.writes).toBe(0);
    expect(denied.stdout).toMatch(/::warning::Could not comment the plan on pull request #7: GitHub answered 403.*pull-requests: write/);
  });

  it('replaces an earlier plan when a later run fails, so an outdated plan never looks current', async () => {
    const { sb, gh, workDir } = await setup();
    expect((await pullRequestRun(sb, gh, workDir)).code).toBe(0);
    const failed = await pullRequestRun(sb, gh, workDir, { 'leapsome-scim-token': 'revoked-token-value' }, 'ffffeeeeddddccccbbbb');
    expect(failed.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain('No plan (at `ffffeeeedddd`): the run failed before a plan was made.');
    expect(gh.comments[0]?.body).not.toContain('revoked-token-value');
  });

  it('shows config errors in the comment and on the file, before reading anything', async () => {
    const { sb, gh, workDir } = await setup();
    writeConfig(workDir, 'statuses: [active, retired]\nteam-from: [office]\nmax-deactivations: lots\n');
    const run = await pullRequestRun(sb, gh, workDir);
    expect(run.code).toBe(1);
    expect(sb.requests).toEqual([]);
    expect(run.stdout).toContain('::error title=personio-leapsome-sync%3A statuses.1,file=.github/personio-leapsome.yml,line=1::');
    expect(run.stdout).toMatch(/file=\.github\/personio-leapsome\.yml,line=2::unknown key \(did you mean `teams-from`\?\)/);
    expect(run.stdout).toMatch(/file=\.github\/personio-leapsome\.yml,line=3::/);
    const body = gh.comments[0]?.body ?? '';
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('No plan (at `a1b2c3d4e5f6`): the settings of this pull request cannot be used.');
    expect(body).toContain('.github/personio-leapsome.yml&#58;2');
  });
});

describe('config as code', () => {
  it('takes settings from the file, and inputs given in the workflow win over it', async () => {
    const { sb, workDir } = await setup();
    writeConfig(workDir, 'statuses: [active]\nteams-from: [department, office]\nmax-deactivations: 0\n');
    sb.resetLog();
    const run = await runAction({ workDir, inputs: { ...credentials(sb), 'teams-from': 'department', 'dry-run': 'true' } });
    expect(run.code, run.stdout).toBe(0);
    const employees = sb.personio.list();
    const active = employees.filter((e) => e.status === 'active');
    expect(employees.some((e) => e.status === 'leave')).toBe(true);
    expect(run.outputs.created).toBe(String(active.length)); // statuses from the file: leave is out
    const departments = new Set(active.map((e) => e.department?.id)).size;
    expect(run.outputs['teams-created']).toBe(String(departments)); // teams-from from the input: no office teams
    expect(run.stdout).toContain('Config file .github/personio-leapsome.yml: sets statuses, teams-from, max-deactivations.');
    expect(run.stdout).toContain('Workflow inputs override the file for: teams-from.');
  });

  it('reads the file named by config-file, and fails when it does not exist', async () => {
    const { sb, workDir } = await setup();
    writeConfig(workDir, 'statuses: [active]\n', 'config/sync.yaml');
    const run = await runAction({ workDir, inputs: { ...credentials(sb), 'config-file': 'config/sync.yaml', 'dry-run': 'true' } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Config file config/sync.yaml: sets statuses.');
    const missing = await runAction({ workDir, inputs: { ...credentials(sb), 'config-file': 'config/nope.yml' } });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('config/nope.yml does not exist');
  });
});

describe('summary-detail: counts', () => {
  it('leaves every name and email out of the summary, the log and the pull-request comment', async () => {
    const { sb, gh, workDir } = await setup();
    const people = sb.personio.list().filter((e) => e.status === 'active');
    sb.personio.update(people[3]!.id, { email: null }); // skipped: no email
    sb.personio.update(people[5]!.id, { email: people[6]!.email }); // skipped: duplicate email
    writeConfig(workDir, 'summary-detail: counts\n');
    const run = await pullRequestRun(sb, gh, workDir);
    expect(run.code).toBe(1); // skipped records fail the run, as always
    expect(gh.comments).toHaveLength(1);
    const text = published(run, gh);
    expect(text).toContain('Skipped records (3)');
    expect(text).toContain('no-email');
    expect(text).not.toMatch(/@example\.com/);
    for (const e of sb.personio.list()) {
      expect(text).not.toContain(`${e.firstName} ${e.lastName}`);
      if (e.preferredName !== '') expect(text).not.toContain(`${e.preferredName} ${e.lastName}`);
    }
    // The same run with full detail does name people: the check above is not vacuous.
    writeConfig(workDir, 'summary-detail: full\n');
    const full = await pullRequestRun(sb, gh, workDir);
    expect(published(full, gh)).toMatch(/@example\.com/);
  });
});

describe('applying an approved plan', () => {
  it('applies exactly the planned operations, skipping and reporting those whose record changed since', async () => {
    const { sb, workDir } = await setup();
    expect((await runAction({ inputs: credentials(sb) })).code).toBe(0);
    const active = sb.personio.list().filter((e) => e.status === 'active');
    const [promoted, edited, leaver, later] = active.slice(6, 10) as [
      (typeof active)[0],
      (typeof active)[0],
      (typeof active)[0],
      (typeof active)[0],
    ];
    sb.personio.update(promoted.id, { position: 'Head of Things' });
    sb.personio.update(edited.id, { position: 'Principal Planner' });
    sb.personio.update(leaver.id, { status: 'inactive' });
    const hire = sb.personio.add({ firstName: 'Hanna', lastName: 'Neu', status: 'active', department: promoted.department });
    const doubled = sb.personio.add({ firstName: 'Dora', lastName: 'Doppel', status: 'active', department: promoted.department });

    sb.resetLog();
    const planned = await runAction({ workDir, inputs: { ...credentials(sb), 'dry-run': 'true' } });
    expect(planned.code, planned.stdout).toBe(0);
    expect(sb.writes()).toEqual([]);
    copyFileSync(planned.outputs['plan-file'] as string, join(workDir, 'approved-plan.json'));
    const planId = /Plan id `([0-9a-f]{12})`/.exec(planned.summary)?.[1];
    expect(planId).toBeDefined();

    // After the review: someone edits a planned user by hand and creates a planned user by hand, and
    // Personio moves on. None of that may be overwritten or picked up by the approved plan.
    const editedUser = sb.leapsome.getUser(String(edited.id))!;
    sb.leapsome.editUser(editedUser.id, { title: 'Edited by hand' });
    sb.leapsome.addUser({ userName: doubled.email ?? '', givenName: 'Dora', familyName: 'Manual' });
    sb.personio.update(later.id, { position: 'Not in the plan' });

    sb.resetLog();
    const { 'personio-client-id': _id, 'personio-client-secret': _secret, ...leapsomeOnly } = credentials(sb);
    const applied = await runAction({ workDir, inputs: { ...leapsomeOnly, 'plan-file': 'approved-plan.json' } });
    expect(applied.code, applied.stdout).toBe(1); // two operations were not applied: someone should look
    expect(sb.requests.filter((r) => r.api === 'personio')).toEqual([]);
    expect(applied.outputs.failed).toBe('2');
    expect(applied.summary).toContain('Applied an approved plan to Leapsome');
    expect(applied.summary).toContain(`Approved plan \`${planId}\``);
    expect(applied.summary).toContain('### Not applied: changed in Leapsome since the plan was made (2)');
    expect(applied.summary).toContain('the Leapsome user changed since the plan was made');
    expect(applied.summary).toContain('a Leapsome user with this email exists now');

    expect(sb.leapsome.getUser(String(promoted.id))?.title).toBe('Head of Things');
    expect(sb.leapsome.getUser(String(leaver.id))?.active).toBe(false);
    expect(sb.leapsome.getUser(String(hire.id))?.active).toBe(true);
    expect(sb.leapsome.getUser(editedUser.id)?.title).toBe('Edited by hand');
    expect(sb.leapsome.listUsers().filter((u) => u.userName === doubled.email)).toMatchObject([{ familyName: 'Manual', externalId: null }]);
    expect(sb.leapsome.getUser(String(later.id))?.title).not.toBe('Not in the plan');
  });
});
