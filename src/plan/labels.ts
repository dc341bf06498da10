// How people are named in the plan: Personio names for employees, Leapsome's own for users that
// have no employee behind them.
import type { PersonLabel } from '../domain/plan.js';
import type { Employee, LeapsomeUser } from '../domain/types.js';

export function employeeName(employee: Employee): string {
  // Trimmed so that a missing last name does not leave a trailing space that would never match.
  return employee.preferredName ?? `${employee.firstName} ${employee.lastName}`.trim();
}

export function userName(user: LeapsomeUser): string {
  if (user.displayName !== null && user.displayName.trim() !== '') return user.displayName;
  const full = [user.givenName, user.familyName].filter((part) => part !== null && part.trim() !== '').join(' ');
  return full !== '' ? full : user.userName;
}

export function employeeLabel(employee: Employee, leapsomeId: string | null = null): PersonLabel {
  return { employeeId: employee.id, leapsomeId, name: employeeName(employee), email: employee.email };
}

export function userLabel(user: LeapsomeUser, employeeId: string | null = null): PersonLabel {
  return { employeeId, leapsomeId: user.id, name: userName(user), email: user.userName };
}
