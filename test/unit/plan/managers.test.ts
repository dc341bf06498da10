import { describe, expect, it } from 'vitest';
import { creates, employee, leapsomeUser, only, plan, updates, userFor } from './builders.js';

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
    expect(ops.find((op) => op.employeeId === '2')?.manager).toEqual({ employeeId: '1', email: 'grace@acme.test', name: 'Grace Hopper', leapsomeId: null });
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
    const p = plan({ employees: [boss, report], users: [userFor(boss, { id: 'u7', externalId: null }), userFor(report, { managerId: 'u7' })] });
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
    const p = plan({ employees: [b, report], users: [userFor(boss, { active: false }), userFor(report, { managerId: 'L1' })], settings: settingsChange });
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
    const p = plan({ employees: [e], users: [userFor(e, { managerId: 'u8' }), leapsomeUser({ id: 'u8', givenName: 'Ann', familyName: 'Other' })] });
    expect(only(updates(p)).manager?.from).toEqual({ leapsomeId: 'u8', name: 'Ann Other' });
  });
});
