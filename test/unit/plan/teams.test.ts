import { describe, expect, it } from 'vitest';
import { dept, employee, leapsomeUser, office, only, plan, team, teamCreates, teamUpdates, unit, userFor } from './builders.js';
import type { TeamUpdateOp } from './builders.js';
import type { TeamNameMapping } from '../../../src/domain/types.js';

const eng = dept('10', 'Engineering');
const sales = dept('20', 'Sales');
const engTeam = team({ id: 't10', displayName: 'Engineering', externalId: 'personio:department:10' });
const salesTeam = team({ id: 't20', displayName: 'Sales', externalId: 'personio:department:20' });
const ids = (op: TeamUpdateOp, list: 'added' | 'removed'): (string | null)[] =>
  op[list].map((m) => m.leapsomeId ?? `new:${m.employeeId ?? ''}`);

describe('rule 7: teams', () => {
  it('creates one team per department with in-scope members (new users without Leapsome id)', () => {
    const p = plan({
      employees: [
        employee({ id: '1', org: { department: eng } }),
        employee({ id: '2', org: { department: eng } }),
        employee({ id: '3', org: { department: sales } }),
        employee({ id: '4', org: { department: dept('30', 'Gone') }, status: 'inactive' }),
      ],
      users: [userFor(employee({ id: '2' }))],
    });
    expect(p.teams).toEqual([
      {
        kind: 'create',
        externalId: 'personio:department:10',
        field: 'department',
        sources: [{ field: 'department', id: '10', name: 'Engineering' }],
        displayName: 'Engineering',
        members: [
          { employeeId: '1', leapsomeId: null, name: 'First Last1' },
          { employeeId: '2', leapsomeId: 'L2', name: 'First Last2' },
        ],
      },
      {
        kind: 'create',
        externalId: 'personio:department:20',
        field: 'department',
        sources: [{ field: 'department', id: '20', name: 'Sales' }],
        displayName: 'Sales',
        members: [{ employeeId: '3', leapsomeId: null, name: 'First Last3' }],
      },
    ]);
  });

  it('only builds teams from the fields in teamsFrom', () => {
    const p = plan({ employees: [employee({ id: '1', org: { department: eng, office: office('3', 'Berlin') } })] });
    expect(p.teams.map((op) => op.externalId)).toEqual(['personio:department:10']);
  });

  it('makes one team of every unit whose name is the same (case-insensitive), whatever the field: names identify teams', () => {
    const p = plan({
      employees: [
        employee({
          id: '1',
          org: { department: dept('11', 'Berlin'), office: office('3', 'berlin'), team: unit('team', '7', 'Platform') },
        }),
        employee({ id: '2', org: { department: eng, office: office('4', 'Munich'), team: unit('team', '8', 'Engineering') } }),
      ],
      settings: { teamsFrom: ['department', 'office', 'team'] },
    });
    expect(
      teamCreates(p).map((op) => [
        op.externalId,
        op.displayName,
        op.sources.map((s) => `${s.field}:${s.id}`),
        op.members.map((m) => m.employeeId),
      ]),
    ).toEqual([
      ['personio:department:10', 'Engineering', ['department:10', 'team:8'], ['2']],
      ['personio:department:11', 'Berlin', ['department:11', 'office:3'], ['1']],
      ['personio:office:4', 'Munich', ['office:4'], ['2']],
      ['personio:team:7', 'Platform', ['team:7'], ['1']],
    ]);
  });

  it('follows the teamsFrom priority: the first field gives the merged team its externalId and spelling', () => {
    const p = plan({
      employees: [employee({ id: '1', org: { department: dept('11', 'BERLIN'), office: office('3', 'Berlin') } })],
      settings: { teamsFrom: ['office', 'department'] },
    });
    expect(teamCreates(p).map((op) => [op.externalId, op.displayName])).toEqual([['personio:office:3', 'Berlin']]);
  });

  it('merges two units of one field with the same name into one team with the union of members', () => {
    const p = plan({
      employees: [
        employee({ id: '1', org: { department: dept('5', 'Ops') } }),
        employee({ id: '2', org: { department: dept('6', 'Ops ') } }),
      ],
    });
    const op = only(teamCreates(p));
    expect(op).toMatchObject({ externalId: 'personio:department:5', displayName: 'Ops' });
    expect(op.members.map((m) => m.employeeId)).toEqual(['1', '2']);
  });

  it('plans nothing when teams and memberships are right', () => {
    const a = employee({ id: '1', org: { department: eng } });
    expect(plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] }).teams).toEqual([]);
  });

  it('moves a member between teams on a department change (both teams updated)', () => {
    const mover = employee({ id: '1', org: { department: sales } });
    const stays = employee({ id: '2', org: { department: eng } });
    const leaver = employee({ id: '3', status: 'inactive', org: { department: sales } });
    const p = plan({
      employees: [mover, stays, leaver],
      users: [
        userFor(mover, { teamIds: ['t10'] }),
        userFor(stays, { teamIds: ['t10'] }),
        userFor(leaver, { active: false, teamIds: ['t20'] }),
      ],
      teams: [engTeam, salesTeam],
    });
    const [engOp, salesOp] = teamUpdates(p);
    expect(engOp).toMatchObject({ teamId: 't10', rename: null, takeover: null, added: [], members: [{ leapsomeId: 'L2' }] });
    expect(engOp && ids(engOp, 'removed')).toEqual(['L1']);
    expect(salesOp).toMatchObject({ teamId: 't20', members: [{ leapsomeId: 'L1', employeeId: '1' }] });
    expect(salesOp && ids(salesOp, 'added')).toEqual(['L1']);
    // The leaver (inactive, out of scope) is not a desired member.
    expect(salesOp && ids(salesOp, 'removed')).toEqual(['L3']);
  });

  it('renames the same team when the department is renamed', () => {
    const a = employee({ id: '1', org: { department: dept('10', 'Product Engineering') } });
    const op = only(teamUpdates(plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] })));
    expect(op).toMatchObject({
      teamId: 't10',
      displayName: 'Product Engineering',
      rename: { from: 'Engineering', to: 'Product Engineering' },
      members: null,
      takeover: null,
    });
  });

  it('does not rename onto a name another team holds, and says why', () => {
    const a = employee({ id: '1', org: { department: dept('10', 'Sales') } });
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['t10'] })],
      teams: [engTeam, team({ id: 'h1', displayName: 'sales', externalId: 'hris:1' })],
    });
    expect(p.teams).toEqual([]);
    expect(only(p.warnings).message).toContain('not renamed');
  });

  it('counts users created in this run as additions to existing teams', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const b = employee({ id: '2', org: { department: eng } });
    const op = only(teamUpdates(plan({ employees: [a, b], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] })));
    expect(ids(op, 'added')).toEqual(['new:2']);
    expect(op.members).toEqual([
      { employeeId: '1', leapsomeId: 'L1', name: 'First Last1' },
      { employeeId: '2', leapsomeId: null, name: 'First Last2' },
    ]);
  });

  it('removes users that are not desired members from our teams, managed or not', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const op = only(
      teamUpdates(
        plan({
          employees: [a],
          users: [userFor(a, { teamIds: ['t10'] }), leapsomeUser({ id: 'x1', displayName: 'Hand Added', teamIds: ['t10'] })],
          teams: [engTeam],
        }),
      ),
    );
    expect(op.removed).toEqual([{ employeeId: null, leapsomeId: 'x1', name: 'Hand Added' }]);
    expect(op.members?.map((m) => m.leapsomeId)).toEqual(['L1']);
  });

  it('never touches hand-made teams or memberships in them', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['t10', 'h1', 'h2'] }), leapsomeUser({ id: 'x1', teamIds: ['h1'] })],
      teams: [
        engTeam,
        team({ id: 'h1', displayName: 'Book club', externalId: null }),
        team({ id: 'h2', displayName: 'Guild', externalId: 'okta:guild' }),
      ],
    });
    expect(p.teams).toEqual([]);
  });

  it("adopts a same-named team without externalId (case-insensitive), renaming it to Personio's spelling", () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['h1'] })],
      teams: [team({ id: 'h1', displayName: 'ENGINEERING', externalId: null })],
    });
    expect(only(p.teams)).toMatchObject({
      kind: 'update',
      teamId: 'h1',
      externalId: 'personio:department:10',
      takeover: { kind: 'unmarked', previousExternalId: null },
      rename: { from: 'ENGINEERING', to: 'Engineering' },
      members: null,
    });
  });

  it('adopts an exact-name team without renaming it', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const op = only(teamUpdates(plan({ employees: [a], teams: [team({ id: 'h1', displayName: 'Engineering' })] })));
    expect(op).toMatchObject({ takeover: { kind: 'unmarked' }, rename: null });
    expect(ids(op, 'added')).toEqual(['new:1']);
  });

  it('with adopt-teams: unmarked, reports a same-named team another integration marked as a clash, and creates no second team', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['h1'] })],
      teams: [team({ id: 'h1', displayName: 'engineering', externalId: 'bamboo:42' })],
    });
    expect(p.teams).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(only(p.clashes)).toMatchObject({
      kind: 'team',
      cause: 'marked',
      displayName: 'Engineering',
      externalId: 'personio:department:10',
      holder: { leapsomeId: 'h1', name: 'engineering', externalId: 'bamboo:42' },
      resolution: 'adopt-teams: by-name',
      entry: null,
    });
  });

  it('with adopt-teams: by-name, takes over a team another integration marked: externalId, spelling and members follow Personio', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const b = employee({ id: '2', org: { department: sales } });
    const p = plan({
      employees: [a, b],
      users: [userFor(a), userFor(b, { teamIds: ['h1'] }), leapsomeUser({ id: 'x1', displayName: 'Hand Added', teamIds: ['h1'] })],
      teams: [
        team({ id: 'h1', displayName: 'ENGINEERING', externalId: 'leapsome-personio:281521' }),
        team({ id: 'h2', displayName: 'Book club', externalId: null }),
      ],
      settings: { adoptTeams: 'by-name' },
    });
    expect(p.clashes).toEqual([]);
    const op = only(teamUpdates(p));
    expect(op).toMatchObject({
      teamId: 'h1',
      externalId: 'personio:department:10',
      takeover: { kind: 'foreign', previousExternalId: 'leapsome-personio:281521' },
      rename: { from: 'ENGINEERING', to: 'Engineering' },
    });
    // Stale members the old integration left (a Sales person, a hand-added user) go; the employee comes in.
    expect(ids(op, 'removed')).toEqual(['L2', 'x1']);
    expect(ids(op, 'added')).toEqual(['L1']);
    // The hand-made team is not touched; Sales gets a new team.
    expect(teamCreates(p).map((t) => t.displayName)).toEqual(['Sales']);
  });

  it('keeps users it may not touch (a user clash) in a team it takes over', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const held = employee({ id: '2', email: 'held@acme.test', org: { department: eng } });
    const p = plan({
      employees: [a, held],
      users: [userFor(a), leapsomeUser({ id: 'okta', userName: 'held@acme.test', externalId: 'okta-1', teamIds: ['h1'] })],
      teams: [team({ id: 'h1', displayName: 'Engineering', externalId: 'leapsome-personio:1' })],
      settings: { adoptTeams: 'by-name' },
    });
    const op = only(teamUpdates(p));
    expect(op.removed).toEqual([]);
    expect(op.members?.map((m) => m.leapsomeId).sort()).toEqual(['L1', 'okta']);
    expect(only(p.clashes)).toMatchObject({ kind: 'user', holder: { leapsomeId: 'okta' } });
  });

  it('empties our team when its org unit has no in-scope member left', () => {
    const leaver = employee({ id: '1', status: 'inactive', org: { department: eng } });
    const p = plan({
      employees: [leaver],
      users: [userFor(leaver, { active: false, teamIds: ['t10'] }), leapsomeUser({ id: 'x1', teamIds: ['t10'] })],
      teams: [engTeam],
    });
    const op = only(teamUpdates(p));
    expect(op).toMatchObject({
      teamId: 't10',
      members: [],
      added: [],
      rename: null,
      takeover: null,
      displayName: 'Engineering',
      field: 'department',
      sources: [],
    });
    expect(op.removed).toEqual([
      { employeeId: '1', leapsomeId: 'L1', name: 'First Last1' },
      { employeeId: null, leapsomeId: 'x1', name: 'x1@acme.test' },
    ]);
  });

  it('leaves an already empty orphaned team alone', () => {
    expect(plan({ employees: [employee({ id: '1' })], teams: [engTeam] }).teams).toEqual([]);
  });

  it('leaves our teams of fields no longer in teamsFrom alone', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const officeTeam = team({ id: 'o3', displayName: 'Berlin', externalId: 'personio:office:3' });
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['t10', 'o3'] }), leapsomeUser({ id: 'x1', teamIds: ['o3'] })],
      teams: [engTeam, officeTeam],
    });
    expect(p.teams).toEqual([]);
  });

  it('hands the team of a deleted unit to a re-created unit of the same name', () => {
    const a = employee({ id: '1', org: { department: dept('11', 'Engineering') } });
    const op = only(teamUpdates(plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] })));
    expect(op).toMatchObject({
      teamId: 't10',
      externalId: 'personio:department:11',
      takeover: { kind: 'moved', previousExternalId: 'personio:department:10' },
      rename: null,
      members: null,
    });
  });

  it('leaves teams that share one of our externalIds alone and warns', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({
      employees: [a],
      teams: [engTeam, team({ id: 't10b', displayName: 'Engineering 2', externalId: 'personio:department:10' })],
    });
    expect(p.teams).toEqual([]);
    expect(only(p.warnings).message).toContain('t10, t10b');
  });
});

describe('team-names', () => {
  const frontend = dept('31', 'Frontend');
  const backend = dept('32', 'Backend');
  const mapping = (source: 'department' | 'office', personioName: string, leapsomeName: string, line = 3): TeamNameMapping => ({
    source,
    personioName,
    leapsomeName,
    origin: { file: '.github/personio-leapsome.yml', line },
  });
  const a = employee({ id: '1', org: { department: frontend } });
  const b = employee({ id: '2', org: { department: backend } });

  it('merges the departments several entries name into one team with the union of members', () => {
    const p = plan({
      employees: [a, b],
      settings: {
        teamNames: [mapping('department', ' frontend ', 'Product Engineering'), mapping('department', 'BACKEND', 'Product Engineering', 4)],
      },
    });
    const op = only(teamCreates(p));
    expect(op).toMatchObject({ externalId: 'personio:department:31', displayName: 'Product Engineering' });
    expect(op.sources.map((s) => s.name)).toEqual(['Frontend', 'Backend']);
    expect(op.members.map((m) => m.employeeId)).toEqual(['1', '2']);
    expect(p.warnings).toEqual([]);
  });

  it('merges an unmapped unit whose own name is the mapped name', () => {
    const platform = employee({ id: '3', org: { department: dept('33', 'Platform') } });
    const p = plan({ employees: [a, platform], settings: { teamNames: [mapping('department', 'Frontend', 'platform')] } });
    expect(teamCreates(p).map((op) => [op.externalId, op.displayName, op.members.length])).toEqual([
      ['personio:department:31', 'platform', 2],
    ]);
  });

  it('renames the team in place when a mapping changes, and keeps it when the department is renamed in Personio', () => {
    const existing = team({ id: 't31', displayName: 'Product Engineering', externalId: 'personio:department:31' });
    const users = [userFor(a, { teamIds: ['t31'] })];
    const renamed = only(
      teamUpdates(plan({ employees: [a], users, teams: [existing], settings: { teamNames: [mapping('department', 'Frontend', 'Web')] } })),
    );
    expect(renamed).toMatchObject({ teamId: 't31', rename: { from: 'Product Engineering', to: 'Web' }, takeover: null, members: null });
    const personioRename = employee({ id: '1', org: { department: dept('31', 'Web Frontend') } });
    // The mapping names the old Personio name, so it no longer applies: the team follows Personio's name, and a warning says so.
    const p = plan({
      employees: [personioRename],
      users,
      teams: [existing],
      settings: { teamNames: [mapping('department', 'Frontend', 'Product Engineering')] },
    });
    expect(only(teamUpdates(p))).toMatchObject({ teamId: 't31', rename: { from: 'Product Engineering', to: 'Web Frontend' } });
    expect(only(p.warnings).message).toBe(
      'team-names entry "department:Frontend" (.github/personio-leapsome.yml:3) matches no Personio department with employees in scope, so it has no effect.',
    );
  });

  it('keeps the team of the first unit when two existing teams are merged, and empties the other with a warning', () => {
    const t31 = team({ id: 't31', displayName: 'Frontend', externalId: 'personio:department:31' });
    const t32 = team({ id: 't32', displayName: 'Backend', externalId: 'personio:department:32' });
    const p = plan({
      employees: [a, b],
      users: [userFor(a, { teamIds: ['t31'] }), userFor(b, { teamIds: ['t32'] })],
      teams: [t31, t32],
      settings: {
        teamNames: [mapping('department', 'Frontend', 'Product Engineering'), mapping('department', 'Backend', 'Product Engineering', 4)],
      },
    });
    const [kept, emptied] = teamUpdates(p);
    expect(kept).toMatchObject({ teamId: 't31', rename: { from: 'Frontend', to: 'Product Engineering' } });
    expect(kept && ids(kept, 'added')).toEqual(['L2']);
    expect(emptied).toMatchObject({ teamId: 't32', members: [], sources: [] });
    expect(emptied && ids(emptied, 'removed')).toEqual(['L2']);
    expect(only(p.warnings).message).toContain(
      'Team "Backend" (personio:department:32) is no longer used: its Personio department now belongs to team "Product Engineering"',
    );
    expect(teamCreates(p)).toEqual([]);
  });

  it('matches an existing team by the second unit when the first has none, keeping its identity', () => {
    const t32 = team({ id: 't32', displayName: 'Backend', externalId: 'personio:department:32' });
    const p = plan({
      employees: [a, b],
      users: [userFor(b, { teamIds: ['t32'] })],
      teams: [t32],
      settings: {
        teamNames: [mapping('department', 'Frontend', 'Product Engineering'), mapping('department', 'Backend', 'Product Engineering', 4)],
      },
    });
    expect(only(p.teams)).toMatchObject({
      kind: 'update',
      teamId: 't32',
      externalId: 'personio:department:32',
      takeover: null,
      rename: { from: 'Backend', to: 'Product Engineering' },
    });
  });

  it("reports a mapping onto a hand-made team as a configuration clash with the entry's line, never taking the team", () => {
    const p = plan({
      employees: [a],
      teams: [team({ id: 'h1', displayName: 'Book club' })],
      settings: { teamNames: [mapping('department', 'Frontend', 'book club', 7)] },
    });
    expect(p.teams).toEqual([]);
    expect(only(p.clashes)).toMatchObject({
      kind: 'team',
      cause: 'hand-made',
      displayName: 'book club',
      holder: { leapsomeId: 'h1', externalId: null },
      entry: { key: 'department:Frontend', file: '.github/personio-leapsome.yml', line: 7 },
      resolution: null,
    });
    // Renaming the department's existing team onto it is the same error.
    const existing = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['t31'] })],
      teams: [
        team({ id: 't31', displayName: 'Frontend', externalId: 'personio:department:31' }),
        team({ id: 'h1', displayName: 'Book club' }),
      ],
      settings: { teamNames: [mapping('department', 'Frontend', 'Book Club', 8)] },
    });
    expect(existing.teams).toEqual([]);
    expect(only(existing.clashes)).toMatchObject({ kind: 'team', cause: 'hand-made', holder: { leapsomeId: 'h1' }, entry: { line: 8 } });
    // The same name without a mapping (the department is called that in Personio) is adopted as before.
    const club = employee({ id: '1', org: { department: dept('31', 'Book Club') } });
    expect(only(plan({ employees: [club], teams: [team({ id: 'h1', displayName: 'Book club' })] }).teams)).toMatchObject({
      teamId: 'h1',
      takeover: { kind: 'unmarked' },
    });
  });

  it('warns about an entry whose source is not in teams-from', () => {
    const p = plan({ employees: [a], settings: { teamNames: [mapping('office', 'Berlin', 'Berlin Office', 9)] } });
    expect(only(p.warnings).message).toBe(
      'team-names entry "office:Berlin" (.github/personio-leapsome.yml:9) names a source that is not in teams-from (department), so it has no effect.',
    );
  });
});

describe('teams from a custom attribute', () => {
  const LEVEL = 'dynamic_1146703';
  const SKILLS = 'dynamic_1146704';
  const withLevel = (id: string, level: string | null) => employee({ id, attributes: { [LEVEL]: level } });

  it('makes one team per distinct non-empty value, keyed by the value ignoring case and spaces, named after it', () => {
    const p = plan({
      employees: [
        withLevel('1', 'Senior'),
        withLevel('2', ' senior '),
        withLevel('3', 'Junior'),
        withLevel('4', null),
        withLevel('5', ''),
        employee({ id: '6' }),
      ],
      settings: { teamsFrom: [LEVEL] },
    });
    expect(teamCreates(p).map((op) => [op.externalId, op.field, op.displayName, op.members.map((m) => m.employeeId)])).toEqual([
      [`personio:${LEVEL}:junior`, LEVEL, 'Junior', ['3']],
      [`personio:${LEVEL}:senior`, LEVEL, 'Senior', ['1', '2']],
    ]);
  });

  it('makes one team per tag of a multi-valued attribute, with everyone holding that tag', () => {
    const p = plan({
      employees: [
        employee({ id: '1', attributes: { [SKILLS]: ['Python', 'SQL'] } }),
        employee({ id: '2', attributes: { [SKILLS]: ['sql', 'Go', 'SQL'] } }),
      ],
      settings: { teamsFrom: [SKILLS] },
    });
    expect(teamCreates(p).map((op) => [op.displayName, op.members.map((m) => m.employeeId)])).toEqual([
      ['Go', ['2']],
      ['Python', ['1']],
      ['SQL', ['1', '2']],
    ]);
  });

  it('keeps the team when only the case of a value changes: renamed in place', () => {
    const a = withLevel('1', 'SENIOR');
    const p = plan({
      employees: [a],
      users: [userFor(a, { teamIds: ['s'] })],
      teams: [team({ id: 's', displayName: 'Senior', externalId: `personio:${LEVEL}:senior` })],
      settings: { teamsFrom: [LEVEL] },
    });
    expect(only(p.teams)).toMatchObject({
      kind: 'update',
      teamId: 's',
      rename: { from: 'Senior', to: 'SENIOR' },
      takeover: null,
      members: null,
    });
  });

  it('renames the team in place when a value is renamed in Personio and the same people hold the new value', () => {
    const a = withLevel('1', 'Staff');
    const b = withLevel('2', 'Staff');
    const c = withLevel('3', 'Junior');
    const p = plan({
      employees: [a, b, c],
      users: [userFor(a, { teamIds: ['s'] }), userFor(b, { teamIds: ['s'] }), userFor(c, { teamIds: ['j'] })],
      teams: [
        team({ id: 's', displayName: 'Senior', externalId: `personio:${LEVEL}:senior` }),
        team({ id: 'j', displayName: 'Junior', externalId: `personio:${LEVEL}:junior` }),
      ],
      settings: { teamsFrom: [LEVEL] },
    });
    expect(teamCreates(p)).toEqual([]);
    expect(only(p.teams)).toMatchObject({
      teamId: 's',
      externalId: `personio:${LEVEL}:staff`,
      rename: { from: 'Senior', to: 'Staff' },
      takeover: { kind: 'moved', previousExternalId: `personio:${LEVEL}:senior` },
      members: null,
    });
  });

  it("treats a new value held by other people as a new team, and empties the old value's team", () => {
    const a = withLevel('1', 'Staff');
    const b = withLevel('2', 'Staff');
    const p = plan({
      employees: [a, b],
      users: [userFor(a, { teamIds: ['s'] }), userFor(b)],
      teams: [team({ id: 's', displayName: 'Senior', externalId: `personio:${LEVEL}:senior` })],
      settings: { teamsFrom: [LEVEL] },
    });
    expect(teamCreates(p).map((op) => op.displayName)).toEqual(['Staff']);
    expect(only(teamUpdates(p))).toMatchObject({ teamId: 's', members: [], takeover: null });
  });

  it("names a value's team through team-names, and merges it with a department of that name", () => {
    const a = employee({ id: '1', attributes: { [LEVEL]: 'L3' }, org: { department: dept('5', 'Leadership') } });
    const p = plan({
      employees: [a, withLevel('2', 'l3')],
      settings: {
        teamsFrom: ['department', LEVEL],
        teamNames: [{ source: LEVEL, personioName: 'L3', leapsomeName: 'Leadership', origin: null }],
      },
    });
    const op = only(teamCreates(p));
    expect(op).toMatchObject({ externalId: 'personio:department:5', displayName: 'Leadership' });
    expect(op.sources.map((s) => `${s.field}:${s.id}`)).toEqual(['department:5', `${LEVEL}:l3`]);
    expect(op.members.map((m) => m.employeeId)).toEqual(['1', '2']);
  });
});
