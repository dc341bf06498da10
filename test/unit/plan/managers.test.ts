import { describe, expect, it } from 'vitest';
import { supervisorCycles } from '../../../src/plan/managers.js';
import { creates, dept, employee, leapsomeUser, only, plan, team, teamUpdates, updates, userFor } from './builders.js';

const boss = employee({ id: '1', firstName: 'Grace', lastName: 'Hopper', email: 'grace@acme.test' });

describe('rule 5: managers', () => {
  it('sets the manager of a new user to an existing supervisor, by email and Leapsome id', () => {
    const report = employee({ id: '2', supervisorId: '1' });
    const op = only(creates(plan({ employees: [boss, report], users: [userFor(boss)] })));
    expect(op.manager).toEqual({ employeeId: '1', email: 'grace@acme.test', name: 'Grace Hopper', leapsomeId: 'L1' });
  });

  it('points at a supervisor created in the same run (no Leapsome id yet)', () => {
    const report = employee({ id: '2', supervisorId: '1' });
    const ops = creates(plan({ employees: [boss, report] }));
    expect(ops.find((op) => op.employeeId === '2')?.manager).toEqual({
      employeeId: '1',
      email: 'grace@acme.test',
      name: 'Grace Hopper',
      leapsomeId: null,
    });
    expect(ops.find((op) => op.employeeId === '1')?.manager).toBeNull();
  });

  it('plans nothing when Leapsome already has the supervisor as manager', () => {
    const report = employee({ id: '2', supervisorId: '1' });
    expect(plan({ employees: [boss, report], users: [userFor(boss), userFor(report, { managerId: 'L1' })] }).users).toEqual([]);
  });

  it('changes the manager on a supervisor change, naming the old one from Leapsome', () => {
    const old = employee({ id: '3', firstName: 'Old', lastName: 'Boss' });
    const report = employee({ id: '2', supervisorId: '1' });
    const p = plan({ employees: [boss, old, report], users: [userFor(boss), userFor(old), userFor(report, { managerId: 'L3' })] });
    const op = only(updates(p));
    expect(op.employeeId).toBe('2');
    expect(op.changes).toEqual([]);
    expect(op.manager).toEqual({
      from: { leapsomeId: 'L3', name: 'Old Boss' },
      to: { employeeId: '1', email: 'grace@acme.test', name: 'Grace Hopper', leapsomeId: 'L1' },
    });
  });

  it('always changes the manager to a supervisor created in this run', () => {
    const report = employee({ id: '2', supervisorId: '1' });
    const op = only(updates(plan({ employees: [boss, report], users: [userFor(report, { managerId: 'Lx' })] })));
    expect(op.manager?.to?.leapsomeId).toBeNull();
    expect(op.manager?.from).toEqual({ leapsomeId: 'Lx', name: 'Lx' });
  });

  it('uses the adopted user of a supervisor as the manager id', () => {
    const report = employee({ id: '2', supervisorId: '1' });
    const p = plan({
      employees: [boss, report],
      users: [userFor(boss, { id: 'u7', externalId: null }), userFor(report, { managerId: 'u7' })],
    });
    expect(updates(p).map((op) => op.employeeId)).toEqual(['1']);
  });

  it('clears a manually set manager when Personio has no supervisor', () => {
    const e = employee({ id: '2' });
    const p = plan({ employees: [boss, e], users: [userFor(boss), userFor(e, { managerId: 'L1' })] });
    expect(only(updates(p)).manager).toEqual({ from: { leapsomeId: 'L1', name: 'Grace Hopper' }, to: null });
    expect(p.warnings).toEqual([]);
  });

  it.each([
    ['has status inactive', { status: 'inactive' as const }, {}],
    ['is excluded', {}, { exclude: [{ kind: 'id' as const, id: '1' }] }],
    ['is skipped (no-email)', { email: null }, {}],
  ])('clears the manager and warns when the supervisor %s', (why, bossChange, settingsChange) => {
    const b = employee({ ...boss, ...bossChange, org: {} });
    const report = employee({ id: '2', firstName: 'Alan', lastName: 'Turing', supervisorId: '1' });
    const p = plan({
      employees: [b, report],
      users: [userFor(boss, { active: false }), userFor(report, { managerId: 'L1' })],
      settings: settingsChange,
    });
    const op = only(updates(p).filter((u) => u.employeeId === '2'));
    expect(op.manager).toEqual({ from: { leapsomeId: 'L1', name: 'Grace Hopper' }, to: null });
    const warning = only(p.warnings.filter((w) => w.person?.employeeId === '2'));
    expect(warning.message).toContain('Alan Turing');
    expect(warning.message).toContain('Grace Hopper');
    expect(warning.message).toContain(why);
  });

  it('clears the manager and warns when the supervisor is missing from Personio', () => {
    const report = employee({ id: '2', supervisorId: '99' });
    const p = plan({ employees: [report] });
    expect(only(creates(p)).manager).toBeNull();
    expect(only(p.warnings).message).toContain('supervisor 99 is not in Personio');
  });

  it('reads the manager name from the Leapsome user when it has no displayName', () => {
    const e = employee({ id: '2' });
    const p = plan({
      employees: [e],
      users: [userFor(e, { managerId: 'u8' }), leapsomeUser({ id: 'u8', givenName: 'Ann', familyName: 'Other' })],
    });
    expect(only(updates(p)).manager?.from).toEqual({ leapsomeId: 'u8', name: 'Ann Other' });
  });
});

describe('rule 5b: supervisor cycles', () => {
  it('finds every loop once, from its lowest id, in supervisor order; chains into a loop are not loops', () => {
    const links = new Map<string, string | null>([
      ['3', '1'],
      ['1', '2'],
      ['2', '3'],
      ['4', '1'], // reports into the loop
      ['7', '7'], // their own supervisor
      ['10', '9'],
      ['9', '10'],
      ['5', null],
    ]);
    expect(supervisorCycles(links)).toEqual([['1', '2', '3'], ['7'], ['9', '10']]);
  });

  it('syncs the people in a loop like anyone else and leaves only the links inside it as Leapsome has them', () => {
    const eng = dept('10', 'Eng');
    const a = employee({ id: '1', firstName: 'Ann', lastName: 'A', supervisorId: '2', position: 'Lead', org: { department: eng } });
    const b = employee({ id: '2', firstName: 'Bob', lastName: 'B', supervisorId: '1', org: { department: eng } });
    const c = employee({ id: '3', firstName: 'Cy', lastName: 'C', supervisorId: '1', org: { department: eng } });
    const d = employee({ id: '4', firstName: 'Di', lastName: 'D', supervisorId: '2', org: { department: eng } });
    const p = plan({
      employees: [a, b, c, d],
      // Ann's manager in Leapsome is someone else entirely, Bob has none; Ann's title drifted.
      users: [userFor(a, { title: 'drift', managerId: 'L9' }), userFor(b), leapsomeUser({ id: 'L9', userName: 'nine@acme.test' })],
      teams: [team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' })],
    });
    expect(p.skipped).toEqual([]);
    // Ann's title is synced, her manager is not touched; Bob has no update at all.
    expect(updates(p).map((op) => [op.employeeId, op.changes.map((ch) => ch.field), op.manager])).toEqual([['1', ['title'], null]]);
    // People reporting into the loop get their manager as usual.
    expect(creates(p).map((op) => [op.employeeId, op.manager?.employeeId])).toEqual([
      ['3', '1'],
      ['4', '2'],
    ]);
    // Everyone is a member of their team, the loop included.
    expect(only(teamUpdates(p)).members?.map((m) => m.employeeId)).toEqual(['1', '2', '3', '4']);
    expect(p.supervisorCycles).toEqual([
      {
        chain: [
          { employeeId: '1', leapsomeId: 'L1', name: 'Ann A', email: 'e1@acme.test' },
          { employeeId: '2', leapsomeId: 'L2', name: 'Bob B', email: 'e2@acme.test' },
        ],
      },
    ]);
  });

  it('creates the users of a new loop without a manager, and treats self-supervision as a loop', () => {
    const p = plan({
      employees: [
        employee({ id: '1', supervisorId: '2' }),
        employee({ id: '2', supervisorId: '1' }),
        employee({ id: '3', supervisorId: '3' }),
      ],
    });
    expect(creates(p).map((op) => [op.employeeId, op.manager])).toEqual([
      ['1', null],
      ['2', null],
      ['3', null],
    ]);
    expect(p.supervisorCycles.map((c) => c.chain.map((person) => person.employeeId))).toEqual([['1', '2'], ['3']]);
    expect(p.warnings).toEqual([]);
  });

  it('only counts the links it would write: a loop through someone out of scope is no loop', () => {
    const p = plan({ employees: [employee({ id: '1', supervisorId: '2' }), employee({ id: '2', supervisorId: '1', status: 'inactive' })] });
    expect(p.supervisorCycles).toEqual([]);
    expect(only(creates(p)).manager).toBeNull();
    expect(only(p.warnings).message).toContain('has status inactive');
  });
});
