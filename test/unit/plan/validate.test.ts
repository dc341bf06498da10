import { describe, expect, it } from 'vitest';
import { creates, deactivations, dept, employee, leapsomeUser, only, plan, team, updates, userFor } from './builders.js';

describe('rule 6: bad records are skipped, never blocking', () => {
  it('skips unreadable Personio records with their reason and syncs the rest', () => {
    const p = plan({
      employees: [employee({ id: '1' })],
      rejected: [
        { source: 'personio', recordId: '5', reason: 'attributes.status.value: Invalid option' },
        { source: 'personio', recordId: null, reason: 'id missing' },
      ],
    });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['1']);
    expect(p.skipped).toEqual([
      {
        reason: 'invalid-record',
        person: { employeeId: '5', leapsomeId: null, name: 'Personio employee 5', email: null },
        detail: 'attributes.status.value: Invalid option',
      },
      {
        reason: 'invalid-record',
        person: { employeeId: null, leapsomeId: null, name: 'unreadable Personio record', email: null },
        detail: 'id missing',
      },
    ]);
  });

  it('skips an id Personio returned twice', () => {
    const p = plan({ employees: [employee({ id: '1' }), employee({ id: '1', email: 'x@acme.test' }), employee({ id: '2' })] });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['2']);
    expect(only(p.skipped)).toMatchObject({ reason: 'invalid-record', person: { employeeId: '1' } });
  });

  it('skips an in-scope employee without email', () => {
    const p = plan({ employees: [employee({ id: '1', email: null }), employee({ id: '2' })] });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['2']);
    expect(only(p.skipped)).toMatchObject({ reason: 'no-email', person: { employeeId: '1', email: null } });
  });

  it('does not report missing emails of employees outside the synced statuses', () => {
    expect(plan({ employees: [employee({ id: '1', email: null, status: 'inactive' })] }).skipped).toEqual([]);
  });

  it('deactivates a leaver without email (the user is found by id)', () => {
    const e = employee({ id: '1', status: 'inactive' });
    expect(deactivations(plan({ employees: [{ ...e, email: null }], users: [userFor(e)] }))).toHaveLength(1);
  });

  it('skips every employee sharing an email (case-insensitive), naming the others', () => {
    const p = plan({
      employees: [
        employee({ id: '1', email: 'team@acme.test' }),
        employee({ id: '2', email: 'TEAM@acme.test' }),
        employee({ id: '3', email: 'team@Acme.test' }),
        employee({ id: '4' }),
      ],
    });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['4']);
    expect(p.skipped.map((s) => [s.reason, s.person.employeeId, s.detail])).toEqual([
      ['duplicate-email', '1', 'email team@acme.test is also used by Personio employees 2, 3'],
      ['duplicate-email', '2', 'email TEAM@acme.test is also used by Personio employees 1, 3'],
      ['duplicate-email', '3', 'email team@Acme.test is also used by Personio employees 1, 2'],
    ]);
  });

  it('ignores duplicates with out-of-scope employees that have no managed user', () => {
    const p = plan({
      employees: [employee({ id: '1', email: 'a@acme.test', status: 'inactive' }), employee({ id: '2', email: 'a@acme.test' })],
    });
    expect(p.skipped).toEqual([]);
    expect(creates(p).map((op) => op.employeeId)).toEqual(['2']);
  });

  it('counts duplicates with out-of-scope employees that have a managed user, and does not deactivate it', () => {
    const old = employee({ id: '1', email: 'a@acme.test', status: 'inactive' });
    const p = plan({ employees: [old, employee({ id: '2', email: 'a@acme.test' })], users: [userFor(old)] });
    expect(p.users).toEqual([]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['duplicate-email', 'duplicate-email']);
  });

  it('turns unreadable Leapsome records into warnings', () => {
    const p = plan({ leapsomeRejected: [{ source: 'leapsome', recordId: 'u77', reason: 'userName: Required' }] });
    expect(p.warnings).toEqual([{ person: null, message: 'Leapsome record u77 could not be read and was left alone: userName: Required' }]);
    expect(p.skipped).toEqual([]);
  });

  it('neither deactivates nor updates the managed user of a skipped employee, nor its team memberships', () => {
    const e = employee({ id: '1', email: null, status: 'active', org: { department: dept('10', 'Eng') } });
    const colleague = employee({ id: '2', org: { department: dept('10', 'Eng') } });
    const p = plan({
      employees: [e, colleague],
      users: [userFor(e, { userName: 'e1@acme.test', title: 'drift', teamIds: ['t10'] }), userFor(colleague, { teamIds: [] })],
      teams: [team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' })],
    });
    expect(p.users).toEqual([]);
    const op = only(p.teams);
    expect(op.kind === 'update' && op.removed).toEqual([]);
    expect(op.kind === 'update' && op.added.map((m) => m.leapsomeId)).toEqual(['L2']);
  });

  it('keeps the user of an unreadable record in its teams', () => {
    const p = plan({
      employees: [employee({ id: '2', org: { department: dept('10', 'Eng') } })],
      rejected: [{ source: 'personio', recordId: '1', reason: 'bad' }],
      users: [leapsomeUser({ id: 'L1', externalId: '1', teamIds: ['t10'] }), userFor(employee({ id: '2' }), { teamIds: ['t10'] })],
      teams: [team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' })],
    });
    expect(p.teams).toEqual([]);
    expect(only(p.skipped).person).toMatchObject({ employeeId: '1', leapsomeId: 'L1' });
    expect(updates(p)).toEqual([]);
  });
});
