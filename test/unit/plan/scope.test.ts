import { describe, expect, it } from 'vitest';
import { globMatch } from '../../../src/plan/glob.js';
import { creates, deactivations, dept, employee, leapsomeUser, plan, team, updates, userFor } from './builders.js';

describe('glob matcher', () => {
  it.each([
    ['*@acme.test', 'ada@acme.test', true],
    ['*@acme.test', 'ada@acme.test.evil', false],
    ['a?a@acme.test', 'ada@acme.test', true],
    ['a?a@acme.test', 'adda@acme.test', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['*.*@*', 'first.last@x', true],
    ['ext-*', 'ext-', true],
    ['a.c', 'abc', false],
    ['**a', 'bba', true],
  ])('%s vs %s -> %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('does not blow up on patterns that would backtrack badly as a regex', () => {
    const started = performance.now();
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('rule 1: scope and exclude rules', () => {
  it('gives accounts to the configured statuses only (default active, leave)', () => {
    const p = plan({
      employees: [
        employee({ id: '1', status: 'active' }),
        employee({ id: '2', status: 'leave' }),
        employee({ id: '3', status: 'inactive' }),
        employee({ id: '4', status: 'onboarding' }),
      ],
    });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['1', '2']);
    expect(p.stats.inScope).toBe(2);
  });

  it('provisions onboarding employees only when onboarding is in statuses', () => {
    const employees = [employee({ id: '4', status: 'onboarding' })];
    expect(creates(plan({ employees }))).toEqual([]);
    expect(creates(plan({ employees, settings: { statuses: ['active', 'onboarding'] } })).map((op) => op.employeeId)).toEqual(['4']);
  });

  it('excludes by email glob, case-insensitively, with * and ?', () => {
    const employees = [
      employee({ id: '1', email: 'Ext.Bob@Contractors.Acme.test' }),
      employee({ id: '2', email: 'ada@acme.test' }),
      employee({ id: '3', email: 'bot1@acme.test' }),
      employee({ id: '4', email: 'bot12@acme.test' }),
    ];
    const p = plan({
      employees,
      settings: {
        exclude: [
          { kind: 'email', glob: '*@CONTRACTORS.acme.test' },
          { kind: 'email', glob: 'bot?@acme.test' },
        ],
      },
    });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['2', '4']);
    expect(p.stats.excluded).toBe(2);
  });

  it('excludes by department name, case-insensitive and exact (no substring match)', () => {
    const employees = [
      employee({ id: '1', org: { department: dept('10', 'Sales') } }),
      employee({ id: '2', org: { department: dept('11', 'Sales Ops') } }),
      employee({ id: '3' }),
    ];
    const p = plan({ employees, settings: { exclude: [{ kind: 'department', name: 'SALES' }] } });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['2', '3']);
    expect(p.stats.excluded).toBe(1);
  });

  it('excludes by Personio id', () => {
    const p = plan({ employees: [employee({ id: '1' }), employee({ id: '2' })], settings: { exclude: [{ kind: 'id', id: '2' }] } });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['1']);
  });

  it("leaves an excluded employee's Leapsome account alone: no update even if it drifted", () => {
    const e = employee({ id: '1', position: 'CTO' });
    const p = plan({
      employees: [e],
      users: [userFor(e, { title: 'Intern', displayName: 'Someone else' })],
      settings: { exclude: [{ kind: 'id', id: '1' }] },
    });
    expect(p.users).toEqual([]);
  });

  it('never deactivates an excluded employee, whatever their status', () => {
    const e = employee({ id: '1', status: 'inactive' });
    const p = plan({ employees: [e], users: [userFor(e)], settings: { exclude: [{ kind: 'email', glob: 'e1@*' }] } });
    expect(deactivations(p)).toEqual([]);
    expect(p.stats.excluded).toBe(1);
  });

  it('never adopts a Leapsome user for an excluded employee', () => {
    const e = employee({ id: '1', email: 'ada@acme.test' });
    const p = plan({
      employees: [e],
      users: [leapsomeUser({ id: 'u1', userName: 'ada@acme.test' })],
      settings: { exclude: [{ kind: 'id', id: '1' }] },
    });
    expect(updates(p)).toEqual([]);
  });

  it('keeps an excluded user in our team when the others are re-synced', () => {
    const a = employee({ id: '1', org: { department: dept('10', 'Eng') } });
    const b = employee({ id: '2', org: { department: dept('10', 'Eng') } });
    const newcomer = employee({ id: '3', org: { department: dept('10', 'Eng') } });
    const p = plan({
      employees: [a, b, newcomer],
      users: [userFor(a, { teamIds: ['t10'] }), userFor(b, { teamIds: ['t10'] })],
      teams: [team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' })],
      settings: { exclude: [{ kind: 'id', id: '2' }] },
    });
    const op = p.teams[0];
    expect(op?.kind).toBe('update');
    if (op?.kind !== 'update') return;
    expect(op.removed).toEqual([]);
    expect(op.added.map((m) => m.employeeId)).toEqual(['3']);
    expect(op.members?.map((m) => m.leapsomeId)).toEqual(['L1', 'L2', null]);
  });
});
