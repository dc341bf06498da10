// team-names through the bundled action (node dist/index.js) against the sandbox: Leapsome team
// names identify teams, a mapping merges departments and renames in place, and a mapping onto a
// hand-made team is a configuration error before any write.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { runAction, type ActionRun } from '../support/run-action.js';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

const CONFIG = '.github/personio-leapsome.yml';

/** A run with this config file in the workspace. */
async function syncWith(
  sb: Sandbox,
  yaml: string,
  inputs: Record<string, string> = {},
): Promise<ActionRun & { writes: ReturnType<Sandbox['writes']> }> {
  const workDir = mkdtempSync(join(tmpdir(), 'pls-team-names-'));
  mkdirSync(join(workDir, '.github'));
  writeFileSync(join(workDir, CONFIG), yaml);
  sb.resetLog();
  const run = await runAction({ workDir, inputs: { ...sandboxInputs(sb), cache: 'false', ...inputs } });
  return { ...run, writes: sb.writes() };
}

const inScope = (sb: Sandbox) => sb.personio.list().filter((e) => (e.status === 'active' || e.status === 'leave') && e.email !== null);
const memberEmails = (sb: Sandbox, teamId: string): string[] =>
  sb.leapsome
    .teamMembers(teamId)
    .map((id) => sb.leapsome.getUser(id)?.userName ?? id)
    .sort();

describe('team-names', () => {
  it('merges two departments into one team whose members are the union, then renames it in place', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    const people = inScope(sb);
    const product = people.filter((e) => e.department?.name === 'Product');
    const marketing = people.filter((e) => e.department?.name === 'Marketing');
    expect(product.length).toBeGreaterThan(1);
    expect(marketing.length).toBeGreaterThan(1);

    const merged = await syncWith(sb, 'team-names:\n  "department:Product": Go-to-market\n  "department: marketing ": Go-to-market\n');
    expect(merged.code, merged.stdout).toBe(0);
    const teams = sb.leapsome.listTeams();
    const team = teams.find((t) => t.displayName === 'Go-to-market');
    if (team === undefined) throw new Error('no merged team');
    expect(teams.filter((t) => t.displayName === 'Product' || t.displayName === 'Marketing')).toEqual([]);
    expect(memberEmails(sb, team.id)).toEqual([...product, ...marketing].map((e) => e.email ?? '').sort());
    expect(team.externalId).toBe(`personio:department:${Math.min(product[0]?.department?.id ?? 0, marketing[0]?.department?.id ?? 0)}`);
    expect(merged.summary).toMatch(/\+ Go-to-market {2}\(new team from Personio department Product \+ department Marketing, \d+ members\)/);
    expect(merged.outputs['teams-created']).toBe(String(new Set(people.map((e) => e.department?.id)).size - 1));

    // A new name for the merged team: the same team, renamed; nothing created, nothing orphaned.
    const renamed = await syncWith(sb, 'team-names:\n  "department:Product": Growth\n  "department:Marketing": Growth\n');
    expect(renamed.code, renamed.stdout).toBe(0);
    expect(renamed.writes.filter((w) => w.method === 'POST')).toEqual([]);
    expect(renamed.writes.map((w) => `${w.method} ${w.path.replace(/.*\/scim\/v1/, '')}`)).toEqual([`PATCH /Groups/${team.id}`]);
    expect(sb.leapsome.getTeam(team.id)).toMatchObject({ displayName: 'Growth', externalId: team.externalId });
    expect(memberEmails(sb, team.id)).toEqual([...product, ...marketing].map((e) => e.email ?? '').sort());
    expect(sb.leapsome.listTeams()).toHaveLength(teams.length);
    expect(renamed.summary).toContain('~ Go-to-market → Growth  (renamed)');

    const again = await syncWith(sb, 'team-names:\n  "department:Product": Growth\n  "department:Marketing": Growth\n');
    expect(again.writes).toEqual([]);
  });

  it('renames an existing department team in place through team-names, and back when the entry is removed', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    expect((await syncWith(sb, '# no team-names yet\n')).code).toBe(0);
    const finance = sb.leapsome.listTeams().find((t) => t.displayName === 'Finance');
    if (finance === undefined) throw new Error('no Finance team');
    const members = memberEmails(sb, finance.id);

    const run = await syncWith(sb, 'team-names:\n  department:Finance: Finance & Controlling\n');
    expect(run.code, run.stdout).toBe(0);
    expect(run.writes.map((w) => `${w.method} ${w.path.replace(/.*\/scim\/v1/, '')}`)).toEqual([`PATCH /Groups/${finance.id}`]);
    expect(sb.leapsome.getTeam(finance.id)).toMatchObject({ displayName: 'Finance & Controlling', externalId: finance.externalId });
    expect(memberEmails(sb, finance.id)).toEqual(members);
    expect(run.summary).toContain('### Teams renamed (1)');

    const back = await syncWith(sb, '# entry removed\n');
    expect(back.code).toBe(0);
    expect(sb.leapsome.getTeam(finance.id)?.displayName).toBe('Finance');
    expect(sb.leapsome.listTeams().filter((t) => t.displayName.startsWith('Finance'))).toHaveLength(1);
  });

  it('fails before any write, naming the file and line, when an entry names a hand-made team', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    sb.leapsome.addTeam({ displayName: 'Book Club' });
    const run = await syncWith(
      sb,
      ['statuses: [active, leave]', 'team-names:', '  department:Sales: Revenue', '  department:People: book club', ''].join('\n'),
    );
    expect(run.code).toBe(1);
    expect(run.writes).toEqual([]);
    expect(run.summary).toContain('Failed before any change was made to Leapsome.');
    expect(run.summary).toContain(`${CONFIG}&#58;4&#58; &#96;team-names.department&#58;People&#96;`);
    // An annotation on the line itself (GitHub escapes ':' in its properties as %3A).
    expect(run.stdout).toMatch(
      /::error title=personio-leapsome-sync%3A team-names\.department%3APeople,file=\.github\/personio-leapsome\.yml,line=4::"book club" is the name of Leapsome team 665f[0-9a-f]+, which was made by hand \(no externalId\); the sync never changes hand-made teams\. Choose another name, or rename that team in Leapsome\./,
    );
  });
});
