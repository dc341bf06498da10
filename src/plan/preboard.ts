// Pre-boarding by date (`preboard-days`): an onboarding employee gets their Leapsome account from N
// days before the hire date, never earlier. "Today" is the employee's calendar, not the runner's UTC
// clock: Personio writes dates as local midnight with the company's UTC offset on that day
// (`2025-10-01T00:00:00+02:00`), so the employee's today is the date at the run's instant in that
// offset, less one hour, so that a daylight-saving change between today and the hire date (the
// offset today may be an hour smaller than on the hire date) can never make the account early.
// Without an offset, today is taken at UTC-12:00, the last place on Earth where the day begins:
// the account is then never early anywhere, and at most a day late.
import type { Employee } from '../domain/types.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The daylight-saving margin: offsets move by at most an hour between now and the hire date. */
const DST_MARGIN_MINUTES = 60;
/** UTC-12:00, the westernmost offset in use. */
const WESTERNMOST_OFFSET_MINUTES = -12 * 60;

/** The calendar date (YYYY-MM-DD) `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The employee's calendar date at `now` (ms since the epoch), by the rule above. */
export function employeeToday(now: number, offsetMinutes: number | null): string {
  const shift = offsetMinutes === null ? WESTERNMOST_OFFSET_MINUTES : offsetMinutes - DST_MARGIN_MINUTES;
  return new Date(now + shift * MINUTE_MS).toISOString().slice(0, 10);
}

export type PreboardDecision =
  | { readonly kind: 'due'; readonly accountFrom: string }
  | { readonly kind: 'waiting'; readonly accountFrom: string }
  | { readonly kind: 'no-hire-date' };

/** Whether an onboarding employee's account is due at `now`, N = `days` days before the hire date. */
export function preboardDecision(employee: Employee, days: number, now: number): PreboardDecision {
  if (employee.hireDate === null) return { kind: 'no-hire-date' };
  const accountFrom = addDays(employee.hireDate, -days);
  // ISO dates compare as text.
  return employeeToday(now, employee.hireDateOffsetMinutes) >= accountFrom
    ? { kind: 'due', accountFrom }
    : { kind: 'waiting', accountFrom };
}

export interface Preboarding {
  /** For an onboarding employee under `preboard-days`: whether they get (or keep) an account; undefined for anyone else. */
  wanted(employee: Employee): boolean | undefined;
  /** Onboarding employees without a hire date and without an account: reported, no account. */
  readonly withoutHireDate: readonly Employee[];
  /** One entry per onboarding employee, in the order given. */
  readonly entries: readonly {
    readonly employee: Employee;
    readonly hireDate: string | null;
    readonly accountFrom: string | null;
    readonly state: 'due' | 'kept' | 'waiting' | 'no-hire-date';
  }[];
}

/**
 * Decides for every onboarding employee when `preboard-days` is set (null: nobody, `statuses`
 * decides). An account that exists already is kept even when it came early (made under an earlier
 * setting, say): taking it away would lock out someone who may be pre-boarding already.
 */
export function planPreboarding(
  employees: Iterable<Employee>,
  days: number | null,
  now: number | null,
  hasActiveAccount: (employeeId: string) => boolean,
): Preboarding {
  const decisions = new Map<string, boolean>();
  const withoutHireDate: Employee[] = [];
  const entries: Preboarding['entries'][number][] = [];
  if (days !== null) {
    if (now === null) throw new Error('preboard-days needs the time of the run');
    for (const employee of employees) {
      if (employee.status !== 'onboarding') continue;
      const decision = preboardDecision(employee, days, now);
      const kept = decision.kind !== 'due' && hasActiveAccount(employee.id);
      const state = kept ? 'kept' : decision.kind;
      decisions.set(employee.id, state === 'due' || state === 'kept');
      if (state === 'no-hire-date') withoutHireDate.push(employee);
      entries.push({
        employee,
        hireDate: employee.hireDate,
        accountFrom: decision.kind === 'no-hire-date' ? null : decision.accountFrom,
        state,
      });
    }
  }
  return { wanted: (employee) => decisions.get(employee.id), withoutHireDate, entries };
}
