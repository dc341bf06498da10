// Personio employee -> the Leapsome attributes the sync owns, and the field-level diff against
// what Leapsome holds. Equality rules live in domain/compare.ts, shared with the applier.
import type { FieldChange } from '../domain/plan.js';
import { sameValue } from '../domain/compare.js';
import { USER_ATTRIBUTE_NAMES } from '../domain/types.js';
import type { Employee, LeapsomeUser, UserAttributes } from '../domain/types.js';
import { employeeName } from './labels.js';

/** The default Personio -> Leapsome mapping (as the native integration does it), for an employee with an email. */
export function desiredAttributes(employee: Employee, email: string): UserAttributes {
  return {
    userName: email,
    externalId: employee.id,
    givenName: employee.firstName,
    familyName: employee.lastName,
    displayName: employeeName(employee),
    title: employee.position,
    startDate: employee.hireDate,
    endDate: employee.terminationDate,
    location: employee.org.office?.name ?? null,
    gender: employee.gender,
  };
}

/** Only the attributes that differ, in USER_ATTRIBUTE_NAMES order. */
export function diffAttributes(desired: UserAttributes, user: LeapsomeUser): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const name of USER_ATTRIBUTE_NAMES) {
    const current = user[name];
    const wanted = desired[name];
    if (!sameValue(name, current, wanted)) changes.push({ field: name, from: current, to: wanted });
  }
  return changes;
}
