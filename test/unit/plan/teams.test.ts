import { describe, expect, it } from 'vitest';
import { dept, employee, leapsomeUser, office, only, plan, team, teamCreates, teamUpdates, unit, userFor } from './builders.js';
import type { TeamUpdateOp } from './builders.js';

const eng = dept('10', 'Engineering');
const sales = dept('20', 'Sales');
const engTeam = team({ id: 't10', displayName: 'Engineering', externalId: 'personio:department:10' });
const salesTeam = team({ id: 't20', displayName: 'Sales', externalId: 'personio:department:20' });
const ids = (op: TeamUpdateOp, list: 'added' | 'removed'): (string | null)[] => op[list].map((m) => m.leapsomeId ?? `new:${m.employeeId ?? ''}`);

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
        displayName: 'Engineering',
        members: [
          { employeeId: '1', leapsomeId: null, name: 'First Last1' },
          { employeeId: '2', leapsomeId: 'L2', name: 'First Last2' },
        ],
      },
      { kind: 'create', externalId: 'personio:department:20', field: 'department', displayName: 'Sales', members: [{ employeeId: '3', leapsomeId: null, name: 'First Last3' }] },
    ]);
  });

  it('only builds teams from the fields in teamsFrom', () => {
    const p = plan({ employees: [employee({ id: '1', org: { department: eng, office: office('3', 'Berlin') } })] });
    expect(p.teams.map((op) => op.externalId)).toEqual(['personio:department:10']);
  });

  it('builds teams from several fields, disambiguating a name an earlier field already uses (case-insensitive)', () => {
    const p = plan({
      employees: [
        employee({ id: '1', org: { department: dept('11', 'Berlin'), office: office('3', 'berlin'), team: unit('team', '7', 'Platform') } }),
        employee({ id: '2', org: { department: eng, office: office('4', 'Munich'), team: unit('team', '8', 'Engineering') } }),
      ],
      settings: { teamsFrom: ['department', 'office', 'team'] },
    });
    expect(teamCreates(p).map((op) => [op.externalId, op.displayName])).toEqual([
      ['personio:department:10', 'Engineering'],
      ['personio:department:11', 'Berlin'],
      ['personio:office:3', 'berlin (Office)'],
      ['personio:office:4', 'Munich'],
      ['personio:team:7', 'Platform'],
      ['personio:team:8', 'Engineering (Team)'],
    ]);
  });

  it('follows the teamsFrom priority: the first field keeps the plain name', () => {
    const p = plan({
      employees: [employee({ id: '1', org: { department: dept('11', 'Berlin'), office: office('3', 'Berlin') } })],
      settings: { teamsFrom: ['office', 'department'] },
    });
    expect(teamCreates(p).map((op) => op.displayName)).toEqual(['Berlin', 'Berlin (Department)']);
  });

  it('gives two units of one field with the same name distinct names', () => {
    const p = plan({ employees: [employee({ id: '1', org: { department: dept('5', 'Ops') } }), employee({ id: '2', org: { department: dept('6', 'Ops') } })] });
    expect(teamCreates(p).map((op) => op.displayName)).toEqual(['Ops', 'Ops (Department 6)']);
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
      users: [userFor(mover, { teamIds: ['t10'] }), userFor(stays, { teamIds: ['t10'] }), userFor(leaver, { active: false, teamIds: ['t20'] })],
      teams: [engTeam, salesTeam],
    });
    const [engOp, salesOp] = teamUpdates(p);
    expect(engOp).toMatchObject({ teamId: 't10', rename: null, adopt: false, added: [], members: [{ leapsomeId: 'L2' }] });
    expect(engOp && ids(engOp, 'removed')).toEqual(['L1']);
    expect(salesOp).toMatchObject({ teamId: 't20', members: [{ leapsomeId: 'L1', employeeId: '1' }] });
    expect(salesOp && ids(salesOp, 'added')).toEqual(['L1']);
    // The leaver (inactive, out of scope) is not a desired member.
    expect(salesOp && ids(salesOp, 'removed')).toEqual(['L3']);
  });

  it('renames the same team when the department is renamed', () => {
    const a = employee({ id: '1', org: { department: dept('10', 'Product Engineering') } });
    const op = only(teamUpdates(plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] })));
    expect(op).toMatchObject({ teamId: 't10', displayName: 'Product Engineering', rename: { from: 'Engineering', to: 'Product Engineering' }, members: null, adopt: false });
  });

  it('does not rename onto a name another team holds, and says why', () => {
    const a = employee({ id: '1', org: { department: dept('10', 'Sales') } });
    const p = plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam, team({ id: 'h1', displayName: 'sales', externalId: 'hris:1' })] });
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
        plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] }), leapsomeUser({ id: 'x1', displayName: 'Hand Added', teamIds: ['t10'] })], teams: [engTeam] }),
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
      teams: [engTeam, team({ id: 'h1', displayName: 'Book club', externalId: null }), team({ id: 'h2', displayName: 'Guild', externalId: 'okta:guild' })],
    });
    expect(p.teams).toEqual([]);
  });

  it('adopts a same-named team without externalId (case-insensitive), renaming it to Personio\'s spelling', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({ employees: [a], users: [userFor(a, { teamIds: ['h1'] })], teams: [team({ id: 'h1', displayName: 'ENGINEERING', externalId: null })] });
    expect(only(p.teams)).toMatchObject({
      kind: 'update',
      teamId: 'h1',
      externalId: 'personio:department:10',
      adopt: true,
      rename: { from: 'ENGINEERING', to: 'Engineering' },
      members: null,
    });
  });

  it('adopts an exact-name team without renaming it', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const op = only(teamUpdates(plan({ employees: [a], teams: [team({ id: 'h1', displayName: 'Engineering' })] })));
    expect(op).toMatchObject({ adopt: true, rename: null });
    expect(ids(op, 'added')).toEqual(['new:1']);
  });

  it('does not create a team whose name a foreign team holds, and warns', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({ employees: [a], teams: [team({ id: 'h1', displayName: 'engineering', externalId: 'bamboo:42' })] });
    expect(p.teams).toEqual([]);
    expect(only(p.warnings)).toMatchObject({ person: null });
    expect(only(p.warnings).message).toContain('bamboo:42');
  });

  it('empties our team when its org unit has no in-scope member left', () => {
    const leaver = employee({ id: '1', status: 'inactive', org: { department: eng } });
    const p = plan({ employees: [leaver], users: [userFor(leaver, { active: false, teamIds: ['t10'] }), leapsomeUser({ id: 'x1', teamIds: ['t10'] })], teams: [engTeam] });
    const op = only(teamUpdates(p));
    expect(op).toMatchObject({ teamId: 't10', members: [], added: [], rename: null, adopt: false, displayName: 'Engineering', field: 'department' });
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
    const p = plan({ employees: [a], users: [userFor(a, { teamIds: ['t10', 'o3'] }), leapsomeUser({ id: 'x1', teamIds: ['o3'] })], teams: [engTeam, officeTeam] });
    expect(p.teams).toEqual([]);
  });

  it('hands the team of a deleted unit to a re-created unit of the same name', () => {
    const a = employee({ id: '1', org: { department: dept('11', 'Engineering') } });
    const op = only(teamUpdates(plan({ employees: [a], users: [userFor(a, { teamIds: ['t10'] })], teams: [engTeam] })));
    expect(op).toMatchObject({ teamId: 't10', externalId: 'personio:department:11', adopt: true, rename: null, members: null });
  });

  it('leaves teams that share one of our externalIds alone and warns', () => {
    const a = employee({ id: '1', org: { department: eng } });
    const p = plan({ employees: [a], teams: [engTeam, team({ id: 't10b', displayName: 'Engineering 2', externalId: 'personio:department:10' })] });
    expect(p.teams).toEqual([]);
    expect(only(p.warnings).message).toContain('t10, t10b');
  });
});
