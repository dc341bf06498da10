// Switching over from another integration, through the bundled action (node dist/index.js) against
// the sandbox seeded as Leapsome's built-in Personio integration would have left it.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPreviousIntegration, startSandbox, type PreviousIntegration, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../support/fake-github-api.js';
import { runAction, type ActionRun } from '../support/run-action.js';

let sandbox: Sandbox | null = null;
let github: FakeGitHubApi | null = null;
afterEach(async () => {
  await sandbox?.close();
  await github?.close();
  sandbox = github = null;
});

async function builtinOrganisation(): Promise<{ sb: Sandbox; seeded: PreviousIntegration }> {
  sandbox = await startSandbox({ rateLimits: false });
  return { sb: sandbox, seeded: seedPreviousIntegration(sandbox) };
}

async function sync(sb: Sandbox, inputs: Record<string, string> = {}): Promise<ActionRun & { writes: ReturnType<Sandbox['writes']> }> {
  sb.resetLog();
  const run = await runAction({ inputs: { ...sandboxInputs(sb), cache: 'false', ...inputs } });
  return { ...run, writes: sb.writes() };
}

const teamsSnapshot = (sb: Sandbox) => sb.leapsome.listTeams().map((t) => ({ ...t, memberIds: [...t.memberIds].sort() }));
const writesTo = (run: { writes: ReturnType<Sandbox['writes']> }, id: string) => run.writes.filter((w) => w.path.endsWith(`/${id}`));

describe('switching over from the built-in integration: teams', () => {
  it('with the default adopt-teams: unmarked, fails clearly, writes nothing to the marked teams and creates no duplicate', async () => {
    const { sb, seeded } = await builtinOrganisation();
    const before = teamsSnapshot(sb);
    const run = await sync(sb);

    expect(run.code).toBe(1);
    // Not a single request to a team another integration marked, and no POST /Groups at all.
    for (const team of seeded.departmentTeams.values()) expect(writesTo(run, team.id)).toEqual([]);
    expect(run.writes.filter((w) => w.method === 'POST' && w.path.endsWith('/Groups'))).toEqual([]);
    const after = teamsSnapshot(sb);
    expect(after).toHaveLength(before.length);
    for (const team of seeded.departmentTeams.values())
      expect(after.find((t) => t.id === team.id)).toEqual(before.find((t) => t.id === team.id));
    // The summary names each team, who holds it and the setting; so does an annotation.
    const engineering = [...seeded.departmentTeams.values()].find((t) => t.displayName === 'Engineering');
    if (engineering === undefined) throw new Error('no Engineering team seeded');
    expect(run.summary).toContain(
      `### Not taken over: held by something else (${seeded.departmentTeams.size + seeded.connectorUsers.length})`,
    );
    expect(run.summary).toMatch(
      /\| team Engineering \| Engineering \(665f[0-9a-f]+\) \| <code>leapsome-hris&#58;personio&#58;department&#58;\d+<\/code> \| set `adopt-teams: by-name` to take it over \|/,
    );
    expect(run.stdout).toMatch(
      /::error title=personio-leapsome-sync::Not taken over: team "Engineering" is held by Leapsome team Engineering \(665f[0-9a-f]+, externalId leapsome-hris:personio:department:\d+\)\..*To resolve: set `adopt-teams: by-name` to take it over\./,
    );
    expect(run.stdout).toContain('were not taken over');
    expect(run.outputs.failed).toBe(String(seeded.departmentTeams.size + seeded.connectorUsers.length));
    // Everything else is applied: the unmarked department team and the unmarked user are taken
    // over, the leaver is deactivated.
    expect(sb.leapsome.getTeam(seeded.unmarkedDepartmentTeam.id)?.externalId).toMatch(/^personio:department:\d+$/);
    expect(sb.leapsome.getUser(seeded.unmarkedUser.user.id)?.externalId).toBe(String(seeded.unmarkedUser.employee.id));
    expect(sb.leapsome.getUser(String(seeded.leaver.id))?.active).toBe(false);
  });

  it('with adopt-teams: by-name, takes the teams over, removes stale members, leaves the hand-made team alone; then zero writes, also with the default', async () => {
    const { sb, seeded } = await builtinOrganisation();
    const handMadeBefore = sb.leapsome.getTeam(seeded.handMadeTeam.id);
    const usersBefore = sb.leapsome.listUsers().length;
    const first = await sync(sb, { 'adopt-teams': 'by-name', 'adopt-users': 'by-email' });
    expect(first.code, first.stdout).toBe(0);

    // Every department team now carries the sync's externalId; none was created.
    expect(first.writes.filter((w) => w.method === 'POST')).toEqual([]);
    for (const team of seeded.departmentTeams.values())
      expect(sb.leapsome.getTeam(team.id)?.externalId).toMatch(/^personio:department:\d+$/);
    expect(sb.leapsome.listTeams()).toHaveLength(seeded.departmentTeams.size + 2);
    // Stale memberships the old integration left are gone: movers are only in their new team, the leaver in none.
    for (const mover of seeded.movers) {
      const user = sb.leapsome.getUser(String(mover.id));
      const departmentTeams = sb.leapsome
        .listTeams()
        .filter((t) => t.externalId?.startsWith('personio:department:') && t.memberIds.includes(user?.id ?? ''));
      expect(departmentTeams.map((t) => t.externalId)).toEqual([`personio:department:${mover.department?.id ?? ''}`]);
    }
    const leaverUser = sb.leapsome.getUser(String(seeded.leaver.id));
    expect(leaverUser?.active).toBe(false);
    expect(sb.leapsome.listTeams().filter((t) => t.externalId !== null && t.memberIds.includes(leaverUser?.id ?? ''))).toEqual([]);
    // The hand-made team, its members and the outsider in it are untouched.
    expect(writesTo(first, seeded.handMadeTeam.id)).toEqual([]);
    expect(sb.leapsome.getTeam(seeded.handMadeTeam.id)).toEqual(handMadeBefore);
    expect(writesTo(first, seeded.outsider.id)).toEqual([]);
    // Connector-marked users are taken over: no duplicate account.
    expect(sb.leapsome.listUsers()).toHaveLength(usersBefore);
    expect(divergences(sb)).toEqual([]);
    // The takeovers are in the summary, grouped and counted in the headline.
    expect(first.summary).toContain(`**Takeovers (~${seeded.departmentTeams.size + 1 + seeded.connectorUsers.length + 1})**`);
    expect(first.summary).toMatch(
      /\*\*Switch-over:\*\* \d+ teams and 3 users taken over \(\d+ teams and 2 users another integration had marked, 1 team and 1 user without externalId\)/,
    );

    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await sync(sb, { 'adopt-teams': 'by-name', 'adopt-users': 'by-email' });
    expect(second.code).toBe(0);
    expect(second.writes).toEqual([]);
    expect(second.summary).toContain('No changes: Leapsome already matches Personio.');
    expect(second.summary).not.toContain('Switch-over');

    // Back to the defaults: the teams and users are the sync's own now.
    const later = await sync(sb);
    expect(later.code).toBe(0);
    expect(later.writes).toEqual([]);
    expect(later.outputs.failed).toBe('0');
  });

  it('puts the switch-over review in the pull-request plan comment', async () => {
    const { sb } = await builtinOrganisation();
    github = await startFakeGitHubApi();
    const workDir = mkdtempSync(join(tmpdir(), 'pls-switch-pr-'));
    const eventPath = join(workDir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({
        action: 'opened',
        number: 3,
        pull_request: { number: 3, head: { sha: 'c0ffee00c0ffee00' } },
        repository: { name: 'hr-sync', owner: { login: 'acme' } },
      }),
    );
    sb.resetLog();
    const run = await runAction({
      workDir,
      inputs: { ...sandboxInputs(sb), cache: 'false', 'adopt-teams': 'by-name', 'github-token': github.token },
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: github.url },
    });
    expect(sb.writes()).toEqual([]);
    expect(run.code).toBe(1); // the connector-marked users are clashes under adopt-users: unmarked
    const comment = github.comments[0]?.body ?? '';
    expect(comment).toContain('**Switch-over:**');
    expect(comment).toContain('**Takeovers (~');
    expect(comment).toMatch(
      /~ team Engineering {2}\(externalId leapsome-hris:personio:department:\d+ → personio:department:\d+, marked by another integration; 2 stale members removed\)/,
    );
    expect(comment).toContain('### Not taken over: held by something else (2)');
    expect(comment).toContain('set `adopt-users: by-email` to take it over');
  });
});

describe('switching over: users another connector marked', () => {
  it('with the default adopt-users: unmarked, never overwrites them and fails the run', async () => {
    const { sb, seeded } = await builtinOrganisation();
    const run = await sync(sb, { 'adopt-teams': 'by-name' });
    expect(run.code).toBe(1);
    for (const { employee, user } of seeded.connectorUsers) {
      expect(writesTo(run, user.id)).toEqual([]);
      expect(sb.leapsome.getUser(user.id)).toEqual(user);
      expect(sb.leapsome.listUsers().filter((u) => u.userName === employee.email)).toHaveLength(1);
      expect(run.summary).toContain(
        `user ${employee.preferredName !== '' ? employee.preferredName : `${employee.firstName} ${employee.lastName}`}`,
      );
      expect(run.stdout).toContain(`externalId ${user.externalId ?? ''})`);
    }
    expect(run.stdout).toContain('To resolve: set `adopt-users: by-email` to take it over.');
    expect(run.outputs.failed).toBe(String(seeded.connectorUsers.length));
  });

  it('with adopt-users: by-email, takes them over without a duplicate account, then makes zero writes', async () => {
    const { sb, seeded } = await builtinOrganisation();
    const count = sb.leapsome.listUsers().length;
    const first = await sync(sb, { 'adopt-teams': 'by-name', 'adopt-users': 'by-email' });
    expect(first.code, first.stdout).toBe(0);
    for (const { employee, user } of seeded.connectorUsers) {
      expect(sb.leapsome.getUser(user.id)?.externalId).toBe(String(employee.id));
      expect(first.summary).toContain(`<code>${user.externalId?.replace('|', '&#124;') ?? ''}</code>`);
    }
    expect(first.writes.filter((w) => w.method === 'POST')).toEqual([]);
    expect(sb.leapsome.listUsers()).toHaveLength(count);
    expect(first.outputs.updated).toBe('3'); // the 3 users taken over; nothing else differs
    const plan = JSON.parse(readFileSync(first.outputs['plan-file'] ?? '', 'utf8')) as {
      plan: { users: Array<{ takeover?: { kind: string; previousExternalId: string | null } | null }> };
    };
    expect(plan.plan.users.filter((op) => op.takeover?.kind === 'foreign').map((op) => op.takeover?.previousExternalId)).toEqual(
      seeded.connectorUsers.map((c) => c.user.externalId),
    );

    const second = await sync(sb, { 'adopt-teams': 'by-name', 'adopt-users': 'by-email' });
    expect(second.code).toBe(0);
    expect(second.writes).toEqual([]);
  });

  it("with adopt-users: by-email, never takes an account that carries another employee's Personio id", async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    expect((await sync(sb)).code).toBe(0);
    // Kim's work email went to Alex; Kim's account still has it.
    const [kim, alex] = sb.personio
      .list()
      .filter((e) => e.status === 'active' && e.supervisorId !== null)
      .slice(-2);
    if (kim === undefined || alex === undefined) throw new Error('sample too small');
    const kimUser = sb.leapsome.getUser(String(kim.id));
    sb.personio.update(kim.id, { email: `kim.new.${kim.id}@example.com` });
    sb.personio.update(alex.id, { email: kim.email });
    const alexUser = sb.leapsome.getUser(String(alex.id));
    if (alexUser === undefined || kimUser === undefined) throw new Error('users missing');
    sb.leapsome.editUser(alexUser.id, { externalId: 'okta|alex' });

    const run = await sync(sb, { 'adopt-users': 'by-email' });
    expect(run.code).toBe(1);
    // Kim keeps their account (its email follows Personio); Alex does not get it.
    expect(sb.leapsome.getUser(kimUser.id)?.externalId).toBe(String(kim.id));
    expect(run.summary).toContain('never taken over');
    expect(run.stdout).toContain('To resolve: no setting takes it over.');
  });
});
