import { describe, expect, it } from 'vitest';
import { creates, deactivations, employee, leapsomeUser, only, plan, updates, userFor } from './builders.js';

describe('rule 4: user operations', () => {
  it('creates a missing in-scope employee, invite pending without auto-invite', () => {
    const op = only(creates(plan({ employees: [employee({ id: '1' })] })));
    expect(op).toMatchObject({ kind: 'create', employeeId: '1', invite: 'pending', manager: null });
  });

  it('reports the invite as sent by Leapsome with auto-invite', () => {
    expect(only(creates(plan({ employees: [employee()], settings: { autoInvite: true } }))).invite).toBe('leapsome');
  });

  it('plans nothing for a user already in line', () => {
    const e = employee({ id: '1', position: 'Dev', hireDate: '2020-01-01', gender: 'male' });
    expect(plan({ employees: [e], users: [userFor(e)] }).users).toEqual([]);
  });

  it('reports field-level changes with from and to (manual Leapsome edits are overridden)', () => {
    const e = employee({ id: '1', firstName: 'Ada', lastName: 'Lovelace', position: 'Engineer' });
    const op = only(updates(plan({ employees: [e], users: [userFor(e, { displayName: 'Countess', title: 'Boss' })] })));
    expect(op.changes).toEqual([
      { field: 'displayName', from: 'Countess', to: 'Ada Lovelace' },
      { field: 'title', from: 'Boss', to: 'Engineer' },
    ]);
    expect(op.attributes.userName).toBe('e1@acme.test');
    expect(op).toMatchObject({ takeover: null, reactivate: false, manager: null });
  });

  it('changes the title on a position change', () => {
    const before = employee({ id: '1', position: 'Dev' });
    const after = employee({ id: '1', position: 'Lead Dev' });
    expect(only(updates(plan({ employees: [after], users: [userFor(before)] }))).changes).toEqual([
      { field: 'title', from: 'Dev', to: 'Lead Dev' },
    ]);
  });

  it.each([
    [null, null, false],
    [null, '', false],
    [null, 'Colleague', false],
    [null, 'CTO', true],
    ['CTO', 'Colleague', true],
    ['CTO', null, true],
  ])('title: desired %s vs current %s -> change %s', (desired, current, changed) => {
    const e = employee({ id: '1', position: desired });
    const p = plan({ employees: [e], users: [userFor(e, { title: current })] });
    expect(updates(p).length > 0).toBe(changed);
  });

  it('treats empty and missing values alike and compares emails case-insensitively', () => {
    const e = employee({ id: '1', email: 'Ada@Acme.test' });
    expect(plan({ employees: [e], users: [userFor(e, { userName: 'ada@acme.TEST', location: '', endDate: '' })] }).users).toEqual([]);
  });

  it('clears a value Personio no longer has', () => {
    const e = employee({ id: '1', terminationDate: null });
    const op = only(updates(plan({ employees: [e], users: [userFor(e, { endDate: '2024-12-31' })] })));
    expect(op.changes).toEqual([{ field: 'end-date', from: '2024-12-31', to: null }]);
  });

  it('reactivates an inactive managed user of an in-scope employee (rehire)', () => {
    const e = employee({ id: '1' });
    const op = only(updates(plan({ employees: [e], users: [userFor(e, { active: false })] })));
    expect(op).toMatchObject({ reactivate: true, takeover: null });
    expect(op.changes).toEqual([{ field: 'active', from: false, to: true }]);
  });

  it('changes the email on the same Leapsome user', () => {
    const before = employee({ id: '1', email: 'ada@old.test' });
    const after = employee({ id: '1', email: 'ada@new.test' });
    const p = plan({ employees: [after], users: [userFor(before)] });
    const op = only(updates(p));
    expect(op.leapsomeId).toBe('L1');
    expect(op.changes).toEqual([{ field: 'userName', from: 'ada@old.test', to: 'ada@new.test' }]);
    expect(creates(p)).toEqual([]);
  });

  it('skips an email change onto an address another Leapsome user holds', () => {
    const before = employee({ id: '1', email: 'ada@old.test' });
    const after = employee({ id: '1', email: 'taken@acme.test' });
    const p = plan({ employees: [after], users: [userFor(before), leapsomeUser({ id: 'u9', userName: 'TAKEN@acme.test' })] });
    expect(p.users).toEqual([]);
    expect(only(p.skipped)).toMatchObject({ reason: 'email-conflict', person: { employeeId: '1', leapsomeId: 'L1' } });
  });

  it('deactivates the active managed user of an employee whose status is not synced (leaver)', () => {
    const e = employee({ id: '1', status: 'inactive', firstName: 'Ada', lastName: 'L' });
    expect(only(deactivations(plan({ employees: [e], users: [userFor(e)] })))).toEqual({
      kind: 'deactivate',
      employeeId: '1',
      leapsomeId: 'L1',
      userName: 'e1@acme.test',
      name: 'Ada L',
      reason: 'status inactive in Personio',
      provenance: 'unknown',
    });
  });

  it('does nothing for a leaver already inactive', () => {
    const e = employee({ id: '1', status: 'inactive' });
    expect(plan({ employees: [e], users: [userFor(e, { active: false })] }).users).toEqual([]);
  });

  it('keeps employees on leave active', () => {
    const e = employee({ id: '1', status: 'leave' });
    expect(plan({ employees: [e], users: [userFor(e)] }).users).toEqual([]);
  });

  it('deactivates onboarding employees unless onboarding is synced', () => {
    const e = employee({ id: '1', status: 'onboarding' });
    expect(only(deactivations(plan({ employees: [e], users: [userFor(e)] }))).reason).toBe('status onboarding in Personio');
    expect(plan({ employees: [e], users: [userFor(e)], settings: { statuses: ['active', 'onboarding'] } }).users).toEqual([]);
  });

  it('never adopts a same-email user for an out-of-scope employee', () => {
    const e = employee({ id: '1', status: 'inactive' });
    expect(plan({ employees: [e], users: [userFor(e, { externalId: null })] }).users).toEqual([]);
  });

  it('orders creates, then updates, then deactivations, each by id', () => {
    const p = plan({
      employees: [
        employee({ id: '10' }),
        employee({ id: '9' }),
        employee({ id: '3', status: 'inactive' }),
        employee({ id: '2', position: 'x' }),
        employee({ id: '1', position: 'y' }),
      ],
      users: [userFor(employee({ id: '3' })), userFor(employee({ id: '2' })), userFor(employee({ id: '1' }))],
    });
    expect(p.users.map((op) => `${op.kind}:${op.employeeId ?? ''}`)).toEqual([
      'create:9',
      'create:10',
      'update:1',
      'update:2',
      'deactivate:3',
    ]);
  });
});
