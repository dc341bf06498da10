import { describe, expect, it } from 'vitest';
import type { Employee, LeapsomeUser } from '../../../src/domain/types.js';
import { dept, employee, leapsomeUser, plan, team, userFor } from './builders.js';

/** `active` managed users, of whom the first `leavers` have left Personio's synced statuses. */
function company(active: number, leavers: number): { employees: Employee[]; users: LeapsomeUser[] } {
  const employees = Array.from({ length: active }, (_, i) => employee({ id: String(i + 1), status: i < leavers ? 'inactive' : 'active' }));
  return { employees, users: employees.map((e) => userFor(e)) };
}

describe('rule 8: deactivation guard', () => {
  it('uses a count threshold as is', () => {
    expect(plan({ ...company(10, 3), settings: { maxDeactivations: { kind: 'count', value: 3 } } }).deactivationGuard).toEqual({
      base: 10,
      limit: 3,
      planned: 3,
      exceeded: false,
    });
    expect(plan({ ...company(10, 4), settings: { maxDeactivations: { kind: 'count', value: 3 } } }).deactivationGuard).toEqual({
      base: 10,
      limit: 3,
      planned: 4,
      exceeded: true,
    });
  });

  it('takes a percentage of the managed active users, rounded down', () => {
    expect(plan({ ...company(14, 2), settings: { maxDeactivations: { kind: 'percent', value: 20 } } }).deactivationGuard).toEqual({
      base: 14,
      limit: 2,
      planned: 2,
      exceeded: false,
    });
    expect(plan({ ...company(14, 3), settings: { maxDeactivations: { kind: 'percent', value: 20 } } }).deactivationGuard).toEqual({
      base: 14,
      limit: 2,
      planned: 3,
      exceeded: true,
    });
  });

  it('still returns the deactivations when exceeded (the applier refuses)', () => {
    const p = plan({ ...company(2, 2), settings: { maxDeactivations: { kind: 'count', value: 0 } } });
    expect(p.users.filter((op) => op.kind === 'deactivate')).toHaveLength(2);
    expect(p.deactivationGuard.exceeded).toBe(true);
  });

  it('counts only managed active users in the base', () => {
    const { employees, users } = company(4, 0);
    const p = plan({
      employees,
      users: [
        ...users,
        leapsomeUser({ id: 'x1' }),
        leapsomeUser({ id: 'x2', externalId: '99', active: false }),
        leapsomeUser({ id: 'x3', externalId: 'okta-1' }),
      ],
    });
    expect(p.deactivationGuard.base).toBe(4);
  });

  it("counts vanished employees' deactivations as planned", () => {
    const p = plan({
      employees: [employee({ id: '1' })],
      users: [userFor(employee({ id: '1' })), leapsomeUser({ id: 'x', externalId: '2' })],
      settings: { maxDeactivations: { kind: 'count', value: 0 } },
      listing: { problem: null, lookups: new Map([['2', { kind: 'gone' }]]) },
    });
    expect(p.deactivationGuard).toEqual({ base: 2, limit: 0, planned: 1, exceeded: true });
  });
});

describe('rule 9: stats', () => {
  it('counts employees, in scope, excluded, managed and unmanaged users', () => {
    const a = employee({ id: '1' });
    const adoptee = employee({ id: '2', email: 'adopt@acme.test' });
    const p = plan({
      employees: [a, adoptee, employee({ id: '3', status: 'inactive' }), employee({ id: '4', email: null }), employee({ id: '5' })],
      users: [
        userFor(a),
        leapsomeUser({ id: 'u2', userName: 'adopt@acme.test' }),
        leapsomeUser({ id: 'u3', externalId: '77' }),
        leapsomeUser({ id: 'u4', userName: 'free@acme.test' }),
        userFor(employee({ id: '5' })),
      ],
      settings: { exclude: [{ kind: 'id', id: '5' }] },
    });
    expect(p.stats).toEqual({
      employees: 5,
      inScope: 2,
      excluded: 1,
      managedUsers: 3,
      unmanagedUsers: 2,
      managedTeams: 0,
      unmanagedTeams: 0,
    });
  });
});

describe('rule 10: provenance', () => {
  it('marks every update, deactivation and team update as unknown', () => {
    const a = employee({ id: '1', position: 'x', org: { department: dept('10', 'Eng') } });
    const p = plan({
      employees: [a, employee({ id: '2', status: 'inactive' })],
      users: [userFor(a, { title: 'old' }), userFor(employee({ id: '2' }))],
      teams: [team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' })],
    });
    const provenances = [...p.users, ...p.teams].map((op) => ('provenance' in op ? op.provenance : 'none'));
    expect(provenances).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
