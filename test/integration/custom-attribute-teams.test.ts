// Teams from Personio custom attributes (teams-from: dynamic_<n>) through the bundled action against
// the sandbox, whose sample company has a single-choice Level (list) and multi-valued Skills (tags).
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { runAction, type ActionRun } from '../support/run-action.js';

const LEVEL = 'dynamic_1146703';
const SKILLS = 'dynamic_1146704';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function sync(sb: Sandbox, inputs: Record<string, string>): Promise<ActionRun & { writes: ReturnType<Sandbox['writes']> }> {
  sb.resetLog();
  const run = await runAction({ inputs: { ...sandboxInputs(sb), cache: 'false', ...inputs } });
  return { ...run, writes: sb.writes() };
}

const inScope = (sb: Sandbox) => sb.personio.list().filter((e) => (e.status === 'active' || e.status === 'leave') && e.email !== null);
const valuesOf = (value: unknown): string[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** Team name -> the emails of the in-scope employees holding that value (or tag). */
function expectedTeams(sb: Sandbox, key: string): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  for (const e of inScope(sb))
    for (const value of valuesOf(e.dynamic[key])) teams.set(value, [...(teams.get(value) ?? []), e.email ?? ''].sort());
  return teams;
}

function actualTeams(sb: Sandbox, key: string): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  for (const team of sb.leapsome.listTeams().filter((t) => t.externalId?.startsWith(`personio:${key}:`))) {
    teams.set(
      team.displayName,
      sb.leapsome
        .teamMembers(team.id)
        .map((id) => sb.leapsome.getUser(id)?.userName ?? id)
        .sort(),
    );
  }
  return teams;
}

describe('teams from a custom attribute', () => {
  it('makes one team per value of a list attribute and one per tag of a tags attribute, beside the department teams', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    const run = await sync(sb, { 'teams-from': `department,${LEVEL},${SKILLS}` });
    expect(run.code, run.stdout).toBe(0);
    // The attributes were requested from Personio (and only because teams-from names them).
    const page = sb.requests.find((r) => r.route === '/v1/company/employees');
    expect(page?.query['attributes[]']).toEqual(expect.arrayContaining([LEVEL, SKILLS]));

    const levels = expectedTeams(sb, LEVEL);
    expect([...levels.keys()].sort()).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    expect(actualTeams(sb, LEVEL)).toEqual(levels);
    const skills = expectedTeams(sb, SKILLS);
    expect(skills.size).toBeGreaterThan(5);
    expect(actualTeams(sb, SKILLS)).toEqual(skills);
    // Someone with several skills is in several teams.
    expect(inScope(sb).some((e) => valuesOf(e.dynamic[SKILLS]).length > 1)).toBe(true);
    expect(divergences(sb)).toEqual([]);
    expect(sb.leapsome.listTeams().find((t) => t.displayName === 'L3')?.externalId).toBe(`personio:${LEVEL}:l3`);

    const again = await sync(sb, { 'teams-from': `department,${LEVEL},${SKILLS}` });
    expect(again.writes).toEqual([]);
  });

  it('renames the team in place when a value is renamed in Personio, and moves people who change value', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    expect((await sync(sb, { 'teams-from': LEVEL })).code).toBe(0);
    const l3 = sb.leapsome.listTeams().find((t) => t.displayName === 'L3');
    if (l3 === undefined) throw new Error('no L3 team');

    // Personio: the option L3 is renamed "Senior" (everyone holding it now holds the new value).
    for (const e of sb.personio.list().filter((x) => x.dynamic[LEVEL] === 'L3'))
      sb.personio.update(e.id, { dynamic: { ...e.dynamic, [LEVEL]: 'Senior' } });
    const run = await sync(sb, { 'teams-from': LEVEL });
    expect(run.code, run.stdout).toBe(0);
    expect(run.writes.filter((w) => w.method === 'POST')).toEqual([]);
    expect(sb.leapsome.getTeam(l3.id)).toMatchObject({ displayName: 'Senior', externalId: `personio:${LEVEL}:senior` });
    expect(actualTeams(sb, LEVEL)).toEqual(expectedTeams(sb, LEVEL));
    expect(run.summary).toContain('~ L3 → Senior  (renamed)');

    // Someone is promoted: they move from one value's team to the other's.
    const promoted = inScope(sb).find((e) => e.dynamic[LEVEL] === 'L2');
    if (promoted === undefined) throw new Error('nobody at L2');
    sb.personio.update(promoted.id, { dynamic: { ...promoted.dynamic, [LEVEL]: 'Senior' } });
    const moved = await sync(sb, { 'teams-from': LEVEL });
    expect(moved.code).toBe(0);
    expect(moved.writes.filter((w) => w.method === 'POST')).toEqual([]);
    expect(actualTeams(sb, LEVEL)).toEqual(expectedTeams(sb, LEVEL));
  });

  it('fails before any write when the credential may not read the attribute, naming it and teams-from', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const sb = sandbox;
    sb.personio.setWhitelist(sb.personio.whitelist().filter((key) => key !== LEVEL));
    const run = await sync(sb, { 'teams-from': `department,${LEVEL}` });
    expect(run.code).toBe(1);
    expect(run.writes).toEqual([]);
    expect(run.stdout).toContain(`\`${LEVEL}\`, needed by \`teams-from\`, is not among the attributes this credential may read`);
  });
});
