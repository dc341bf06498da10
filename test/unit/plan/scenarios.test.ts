import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan.js';
import type { Employee, LeapsomeState, LeapsomeTeam, LeapsomeUser, PersonioState, PlanSettings } from '../../../src/domain/types.js';
import { planSync } from '../../../src/plan/planner.js';
import {
  creates,
  deactivations,
  dept,
  employee,
  isEmpty,
  leapsomeUser,
  office,
  only,
  settings,
  team,
  teamCreates,
  teamUpdates,
  updates,
  userFor,
} from './builders.js';
import { applyInMemory } from './simulate.js';

const eng = dept('10', 'Engineering');
const sales = dept('20', 'Sales');
const berlin = office('1', 'Berlin');

/** A small company: a CEO, two managers, three reports, a leaver and a future hire. */
function smallCompany(): Employee[] {
  return [
    employee({
      id: '1',
      firstName: 'Cara',
      lastName: 'Ceo',
      email: 'cara@acme.test',
      position: 'CEO',
      org: { department: dept('5', 'Management'), office: berlin },
    }),
    employee({
      id: '2',
      firstName: 'Ed',
      lastName: 'Eng',
      email: 'ed@acme.test',
      supervisorId: '1',
      org: { department: eng, office: berlin },
    }),
    employee({
      id: '3',
      firstName: 'Sal',
      lastName: 'Sales',
      email: 'sal@acme.test',
      supervisorId: '1',
      org: { department: sales, office: berlin },
    }),
    employee({
      id: '4',
      firstName: 'Dev',
      lastName: 'One',
      email: 'dev1@acme.test',
      supervisorId: '2',
      position: 'Developer',
      org: { department: eng },
    }),
    employee({
      id: '5',
      firstName: 'Dev',
      lastName: 'Two',
      email: 'dev2@acme.test',
      supervisorId: '2',
      status: 'leave',
      org: { department: eng },
    }),
    employee({ id: '6', firstName: 'Sam', lastName: 'Seller', email: 'sam@acme.test', supervisorId: '3', org: { department: sales } }),
    employee({
      id: '7',
      firstName: 'Lea',
      lastName: 'Ver',
      email: 'lea@acme.test',
      supervisorId: '3',
      status: 'inactive',
      org: { department: sales },
    }),
    employee({
      id: '8',
      firstName: 'New',
      lastName: 'Hire',
      email: 'new@acme.test',
      supervisorId: '3',
      status: 'onboarding',
      org: { department: sales },
    }),
  ];
}

const run = (employees: readonly Employee[], leapsome: LeapsomeState, s: Partial<PlanSettings> = {}): Plan =>
  planSync({ personio: { employees, rejected: [] }, leapsome, settings: settings(s) });
const emptyLeapsome: LeapsomeState = { users: [], teams: [], rejected: [] };

/** Plan, apply in memory, and return the resulting Leapsome state. */
function sync(employees: readonly Employee[], leapsome: LeapsomeState, s: Partial<PlanSettings> = {}): LeapsomeState {
  return applyInMemory(leapsome, run(employees, leapsome, s));
}

describe('scenario: first sync of a small company', () => {
  const p = run(smallCompany(), emptyLeapsome);

  it('creates every in-scope employee with their manager', () => {
    expect(creates(p).map((op) => [op.employeeId, op.manager?.email ?? null, op.invite])).toEqual([
      ['1', null, 'pending'],
      ['2', 'cara@acme.test', 'pending'],
      ['3', 'cara@acme.test', 'pending'],
      ['4', 'ed@acme.test', 'pending'],
      ['5', 'ed@acme.test', 'pending'],
      ['6', 'sal@acme.test', 'pending'],
    ]);
    expect(p.users.every((op) => op.kind === 'create')).toBe(true);
  });

  it('creates one team per department', () => {
    expect(teamCreates(p).map((op) => [op.displayName, op.members.map((m) => m.employeeId)])).toEqual([
      ['Management', ['1']],
      ['Engineering', ['4', '5', '2']],
      ['Sales', ['3', '6']],
    ]);
  });

  it('has no warnings, skips or deactivations', () => {
    expect([p.warnings, p.skipped, deactivations(p)]).toEqual([[], [], []]);
    expect(p.stats).toEqual({
      employees: 8,
      inScope: 6,
      excluded: 0,
      managedUsers: 0,
      unmanagedUsers: 0,
      managedTeams: 0,
      unmanagedTeams: 0,
    });
    expect(p.deactivationGuard).toEqual({ base: 0, limit: 0, planned: 0, exceeded: false });
  });
});

describe('scenario: idempotence', () => {
  it('plans nothing against the state the desired state implies (hand-built)', () => {
    const a = employee({ id: '1', position: 'CEO', org: { department: eng, office: berlin }, gender: 'female', hireDate: '2019-04-01' });
    const b = employee({ id: '2', supervisorId: '1', org: { department: eng } });
    const leapsome: LeapsomeState = {
      users: [userFor(a, { teamIds: ['t10', 'o1'] }), userFor(b, { managerId: 'L1', teamIds: ['t10'], title: 'Colleague' })],
      teams: [
        team({ id: 't10', displayName: 'Engineering', externalId: 'personio:department:10' }),
        team({ id: 'o1', displayName: 'Berlin', externalId: 'personio:office:1' }),
      ],
      rejected: [],
    };
    expect(isEmpty(run([a, b], leapsome, { teamsFrom: ['department', 'office'] }))).toBe(true);
  });

  it('converges: after applying the first plan, the next plan is empty', () => {
    const s: Partial<PlanSettings> = { teamsFrom: ['department', 'office'] };
    const after = sync(smallCompany(), emptyLeapsome, s);
    const second = run(smallCompany(), after, s);
    expect(second.users).toEqual([]);
    expect(second.teams).toEqual([]);
  });
});

describe('scenario: life cycle', () => {
  const s: Partial<PlanSettings> = { teamsFrom: ['department'] };
  const base = (): LeapsomeState => sync(smallCompany(), emptyLeapsome, s);
  const change = (id: string, patch: Partial<Employee>): Employee[] => smallCompany().map((e) => (e.id === id ? { ...e, ...patch } : e));
  const userOf = (state: LeapsomeState, id: string): LeapsomeUser => only(state.users.filter((u) => u.externalId === id));
  const teamOf = (state: LeapsomeState, ext: string): LeapsomeTeam => only(state.teams.filter((t) => t.externalId === ext));

  it('hire: creates the new employee and adds them to their team', () => {
    const hire = employee({ id: '9', email: 'nine@acme.test', supervisorId: '2', org: { department: eng } });
    const state = base();
    const p = run([...smallCompany(), hire], state, s);
    expect(only(creates(p)).manager?.leapsomeId).toBe(userOf(state, '2').id);
    const op = only(teamUpdates(p));
    expect(op.added).toEqual([{ employeeId: '9', leapsomeId: null, name: 'First Last9' }]);
    expect(op.removed).toEqual([]);
  });

  it("leaver: deactivates, removes from the team, and clears their reports' manager", () => {
    const state = base();
    const p = run(change('2', { status: 'inactive' }), state, s);
    expect(only(deactivations(p))).toMatchObject({ employeeId: '2', reason: 'status inactive in Personio' });
    expect(updates(p).map((op) => [op.employeeId, op.manager?.to ?? null])).toEqual([
      ['4', null],
      ['5', null],
    ]);
    expect(p.warnings.map((w) => w.person?.employeeId)).toEqual(['4', '5']);
    expect(only(teamUpdates(p)).removed.map((m) => m.employeeId)).toEqual(['2']);
  });

  it('rehire: reactivates the same account', () => {
    const left = sync(change('4', { status: 'inactive' }), base(), s);
    expect(userOf(left, '4').active).toBe(false);
    const p = run(smallCompany(), left, s);
    const op = only(updates(p));
    expect(op).toMatchObject({ employeeId: '4', leapsomeId: userOf(left, '4').id, reactivate: true });
    expect(only(teamUpdates(p)).added.map((m) => m.employeeId)).toEqual(['4']);
  });

  it('department rename: renames the same team', () => {
    const employees = smallCompany().map((e) =>
      e.org.department?.id === '10' ? { ...e, org: { ...e.org, department: dept('10', 'R&D') } } : e,
    );
    const state = base();
    const op = only(run(employees, state, s).teams);
    expect(op).toMatchObject({
      kind: 'update',
      teamId: teamOf(state, 'personio:department:10').id,
      rename: { from: 'Engineering', to: 'R&D' },
      members: null,
    });
  });

  it('supervisor change and manual edits in Leapsome are set back to Personio', () => {
    const state = base();
    const edited: LeapsomeState = {
      ...state,
      users: state.users.map((u) => (u.externalId === '6' ? { ...u, displayName: 'Sammy', profile: { ...u.profile, title: 'Chief' } } : u)),
    };
    const p = run(change('6', { supervisorId: '2' }), edited, s);
    const op = only(updates(p));
    expect(op.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['displayName', 'Sammy', 'Sam Seller'],
      ['title', 'Chief', null],
    ]);
    expect(op.manager?.from?.name).toBe('Sal Sales');
    expect(op.manager?.to?.name).toBe('Ed Eng');
  });

  it('every step converges', () => {
    let state = base();
    const steps: Employee[][] = [
      change('2', { status: 'inactive' }),
      change('3', { email: 'sal.new@acme.test' }),
      change('6', { org: { ...smallCompany()[5]!.org, department: eng } }),
      smallCompany(),
    ];
    for (const employees of steps) {
      state = sync(employees, state, s);
      expect(isEmpty(run(employees, state, s))).toBe(true);
    }
  });
});

describe('determinism', () => {
  function shuffle<T>(items: readonly T[], seed: number): T[] {
    const out = [...items];
    let x = seed;
    for (let i = out.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const j = x % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  it('returns an identical plan for shuffled inputs', () => {
    const employees = [
      ...smallCompany(),
      employee({ id: '20', email: 'dup@acme.test' }),
      employee({ id: '21', email: 'DUP@acme.test' }),
      employee({ id: '30', supervisorId: '31' }),
      employee({ id: '31', supervisorId: '30' }),
      employee({ id: '40', supervisorId: '999', org: { department: eng } }),
    ];
    const leapsome: LeapsomeState = {
      users: [
        userFor(employees[1]!, { title: 'x', teamIds: ['t10', 'h1'] }),
        userFor(employees[6]!),
        leapsomeUser({ id: 'x1', teamIds: ['t20'] }),
        leapsomeUser({ id: 'x2', externalId: '500' }),
        leapsomeUser({ id: 'x3', userName: 'sam@acme.test' }),
      ],
      teams: [
        team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' }),
        team({ id: 't20', displayName: 'Old', externalId: 'personio:department:99' }),
        team({ id: 'h1', displayName: 'Sales', externalId: 'other' }),
      ],
      rejected: [
        { source: 'leapsome', recordId: 'b', reason: 'bad' },
        { source: 'leapsome', recordId: 'a', reason: 'bad' },
      ],
    };
    const personio: PersonioState = { employees, rejected: [{ source: 'personio', recordId: '77', reason: 'bad' }] };
    const reference = planSync({ personio, leapsome, settings: settings({ teamsFrom: ['department', 'office'] }) });
    expect(reference.users.length).toBeGreaterThan(0);
    expect(reference.warnings.length).toBeGreaterThan(0);
    for (const seed of [1, 2, 3, 42]) {
      const shuffled = planSync({
        personio: { employees: shuffle(personio.employees, seed), rejected: personio.rejected },
        leapsome: {
          users: shuffle(leapsome.users, seed).map((u) => ({ ...u, teamIds: shuffle(u.teamIds, seed) })),
          teams: shuffle(leapsome.teams, seed),
          rejected: shuffle(leapsome.rejected, seed),
        },
        settings: settings({ teamsFrom: ['department', 'office'] }),
      });
      expect(JSON.stringify(shuffled)).toBe(JSON.stringify(reference));
    }
  });
});

describe('performance', () => {
  it('plans 20,000 employees and users well within bounds', () => {
    const n = 20_000;
    const employees: Employee[] = [];
    const users: LeapsomeUser[] = [];
    const teams: LeapsomeTeam[] = [];
    for (let d = 0; d < 200; d++) teams.push(team({ id: `t${d}`, displayName: `Dept ${d}`, externalId: `personio:department:${d}` }));
    for (let i = 1; i <= n; i++) {
      const d = i % 200;
      const e = employee({
        id: String(i),
        email: `person${i}@acme.test`,
        status: i % 50 === 0 ? 'inactive' : 'active',
        supervisorId: i === 1 ? null : String(Math.floor(i / 10) || 1),
        position: `Role ${i % 30}`,
        org: { department: dept(String(d), `Dept ${d}`), office: office(String(i % 20), `Office ${i % 20}`) },
      });
      employees.push(e);
      // Most users exist and are in line; every 7th drifted, every 13th in the wrong team.
      if (i % 11 !== 0)
        users.push(userFor(e, { title: i % 7 === 0 ? 'Drifted' : e.position, teamIds: [`t${i % 13 === 0 ? (d + 1) % 200 : d}`] }));
    }
    const started = performance.now();
    const p = planSync({
      personio: { employees, rejected: [] },
      leapsome: { users, teams, rejected: [] },
      settings: settings({ teamsFrom: ['department', 'office'] }),
    });
    const elapsed = performance.now() - started;
    expect(p.stats.employees).toBe(n);
    expect(creates(p).length).toBeGreaterThan(1000);
    expect(updates(p).length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(5000);
  });
});
