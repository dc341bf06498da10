import { describe, expect, it } from 'vitest';
import { addDays, employeeToday } from '../../../src/plan/preboard.js';
import { creates, employee, only, plan, userFor } from './builders.js';

const at = (iso: string): number => Date.parse(iso);

describe("the employee's today", () => {
  it("is the date in the hire date's UTC offset, an hour less for daylight saving", () => {
    // 23:30 UTC is 01:30 the next day in Berlin summer time (+02:00): counted from 00:30, still the next day.
    expect(employeeToday(at('2025-09-30T23:30:00Z'), 120)).toBe('2025-10-01');
    // 22:30 UTC is 00:30 in Berlin summer time, but could be 23:30 if the hire date's offset is an hour ahead of today's.
    expect(employeeToday(at('2025-09-30T22:30:00Z'), 120)).toBe('2025-09-30');
    expect(employeeToday(at('2025-10-01T03:00:00Z'), -240)).toBe('2025-09-30');
  });

  it('is the date at UTC-12 without an offset: never early anywhere on Earth', () => {
    expect(employeeToday(at('2025-10-01T11:59:00Z'), null)).toBe('2025-09-30');
    expect(employeeToday(at('2025-10-01T12:00:00Z'), null)).toBe('2025-10-01');
  });

  it('counts calendar days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2025-10-01', -14)).toBe('2025-09-17');
    expect(addDays('2024-03-10', -10)).toBe('2024-02-29');
    expect(addDays('2025-11-03', -14)).toBe('2025-10-20');
    expect(addDays('2025-10-01', 0)).toBe('2025-10-01');
  });
});

describe('preboard-days', () => {
  const joiner = (id: string, hireDate: string | null, offset: number | null = 120) =>
    employee({ id, status: 'onboarding', hireDate, hireDateOffsetMinutes: offset, email: `j${id}@acme.test` });
  const NOW = '2025-09-01T09:00:00Z';

  it('gives onboarding employees their account from N days before the hire date, not earlier, whatever statuses says', () => {
    const people = [
      joiner('1', '2025-09-01'),
      joiner('2', '2025-09-08'),
      joiner('3', '2025-09-15'),
      joiner('4', '2025-09-16'),
      joiner('5', '2025-10-01'),
    ];
    const p = plan({ employees: people, settings: { statuses: ['active'], preboardDays: 14 }, now: NOW });
    expect(creates(p).map((op) => op.employeeId)).toEqual(['1', '2', '3']);
    expect(p.preboarding.map((e) => [e.person.employeeId, e.hireDate, e.accountFrom, e.state])).toEqual([
      ['1', '2025-09-01', '2025-08-18', 'due'],
      ['2', '2025-09-08', '2025-08-25', 'due'],
      ['3', '2025-09-15', '2025-09-01', 'due'],
      ['4', '2025-09-16', '2025-09-02', 'waiting'],
      ['5', '2025-10-01', '2025-09-17', 'waiting'],
    ]);
    expect(p.skipped).toEqual([]);
    // The day the clock reaches it, the account comes.
    const later = plan({ employees: people, settings: { statuses: ['active'], preboardDays: 14 }, now: '2025-09-17T09:00:00Z' });
    expect(creates(later).map((op) => op.employeeId)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('with 0 days, on the hire date itself', () => {
    const people = [joiner('1', '2025-09-01'), joiner('2', '2025-09-02')];
    expect(creates(plan({ employees: people, settings: { preboardDays: 0 }, now: NOW })).map((op) => op.employeeId)).toEqual(['1']);
  });

  it('takes the day in the employee’s offset: late in the evening UTC is already tomorrow in Berlin', () => {
    const people = [joiner('1', '2025-09-16', 120)];
    const settings = { preboardDays: 14 };
    expect(creates(plan({ employees: people, settings, now: '2025-09-01T21:59:00Z' }))).toEqual([]);
    expect(creates(plan({ employees: people, settings, now: '2025-09-01T23:00:00Z' }))).toHaveLength(1);
  });

  it('gives an onboarding employee without a hire date no account, and reports them', () => {
    const p = plan({ employees: [joiner('1', null)], settings: { preboardDays: 14 }, now: NOW });
    expect(p.users).toEqual([]);
    expect(only(p.skipped)).toMatchObject({ reason: 'no-hire-date', person: { employeeId: '1' } });
    expect(only(p.preboarding)).toMatchObject({ hireDate: null, accountFrom: null, state: 'no-hire-date' });
  });

  it('keeps an account that exists already, even when early (never taken away), and does not reactivate one early', () => {
    const early = joiner('1', '2025-12-01');
    const rehire = joiner('2', '2025-12-01');
    const p = plan({
      employees: [early, rehire],
      users: [userFor(early, { title: 'drift' }), userFor(rehire, { active: false })],
      settings: { preboardDays: 14 },
      now: NOW,
    });
    expect(p.users.map((op) => [op.kind, op.employeeId])).toEqual([['update', '1']]);
    expect(p.preboarding.map((e) => [e.person.employeeId, e.state])).toEqual([
      ['1', 'kept'],
      ['2', 'waiting'],
    ]);
  });

  it('leaves onboarding to statuses when unset', () => {
    const people = [joiner('1', '2026-06-01')];
    expect(creates(plan({ employees: people, settings: { statuses: ['active', 'onboarding'] }, now: NOW }))).toHaveLength(1);
    const p = plan({ employees: people, settings: { statuses: ['active'] }, now: NOW });
    expect([p.users, p.preboarding]).toEqual([[], []]);
  });

  it('needs the run’s instant', () => {
    expect(() => plan({ employees: [joiner('1', '2025-09-01')], settings: { preboardDays: 1 } })).toThrow(/time of the run/);
  });
});
