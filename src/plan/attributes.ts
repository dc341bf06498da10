// Personio employee -> the Leapsome attributes the sync owns, and the field-level diff against
// what Leapsome holds. Equality rules live in domain/compare.ts, shared with the applier.
import type { FieldChange } from '../domain/plan.js';
import { sameValue } from '../domain/compare.js';
import type { FieldName, FieldRule, ProfileField } from '../domain/fields.js';
import { IDENTITY_ATTRIBUTE_NAMES } from '../domain/types.js';
import type { Employee, IdentityAttributes, LeapsomeUser, ProfileValues, UserAttributes } from '../domain/types.js';
import { desiredText, sourceValue } from './fields.js';
import { employeeName } from './labels.js';

/** Who the user is, for an employee with an email: always synced. */
export function identityAttributes(employee: Employee, email: string): IdentityAttributes {
  return {
    userName: email,
    externalId: employee.id,
    givenName: employee.firstName,
    familyName: employee.lastName,
    displayName: employeeName(employee),
  };
}

/** A field a rule leaves as it is for this employee, and why (reported as a warning). */
export interface KeptField {
  readonly field: FieldName;
  readonly reason: string;
}

/** Leapsome's value counts as empty for `on-create` (a never-set title reads as "Colleague"). */
function isEmpty(field: ProfileField, value: string | null | undefined): boolean {
  return sameValue(field, value, null);
}

/**
 * The profile values the owned fields should hold. `user` is the Leapsome user the employee
 * already has (null: created in this run); `takeover` is true when the sync adopts it now. An
 * `on-create` field is written on creation and takeover, and afterwards only into an empty value.
 */
export function desiredProfile(
  employee: Employee,
  rules: readonly FieldRule[],
  user: LeapsomeUser | null,
  takeover: boolean,
): { profile: ProfileValues; kept: KeptField[] } {
  const profile: Partial<Record<ProfileField, string | null>> = {};
  const kept: KeptField[] = [];
  for (const rule of rules) {
    if (rule.field === 'additional-managers') continue;
    const field = rule.field;
    const onCreateOnly = rule.apply === 'on-create' && user !== null && !takeover;
    if (onCreateOnly && !isEmpty(field, user.profile[field])) continue;
    const desired = desiredText(rule, sourceValue(employee, rule.from));
    if (desired.kind === 'keep') kept.push({ field, reason: desired.reason });
    else if (!(onCreateOnly && desired.value === null)) profile[field] = desired.value;
  }
  return { profile, kept };
}

/** Only the attributes that differ: identity first, then the profile in the order of the rules. */
export function diffAttributes(desired: UserAttributes, user: LeapsomeUser): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const name of IDENTITY_ATTRIBUTE_NAMES) {
    const current = user[name];
    const wanted = desired[name];
    if (!sameValue(name, current, wanted)) changes.push({ field: name, from: current, to: wanted });
  }
  for (const key in desired.profile) {
    const name = key as ProfileField;
    const wanted = desired.profile[name] ?? null;
    const current = user.profile[name] ?? null;
    if (!sameValue(name, current, wanted)) changes.push({ field: name, from: current, to: wanted });
  }
  return changes;
}
