// Which Personio attributes to request, from what the settings need: each source (a key such as
// `position` or `dynamic_1146702`, or a universal id such as `date_of_birth`) is resolved against
// the attributes the credential may read. Personio silently leaves out attributes a credential may
// not read, so every one that does not resolve fails the run before anything is written.
import type { EmployeeQuery, ExtraAttribute, ReadableAttribute } from '../domain/ports.js';
import { MissingAttributesError, type UnreadableAttribute } from './errors.js';

/** A Personio attribute some setting needs, and where that setting was written (null: a default). */
export interface AttributeNeed {
  /** As the setting names it: a key or a universal id. */
  readonly source: string;
  /** The setting, as users write it: `fields.level`, `teams-from`, … */
  readonly neededBy: string;
  readonly at: { readonly file: string; readonly line: number } | null;
  /** How to stop needing it, for a default the user never wrote (`gender: off` under fields). */
  readonly hint?: string;
}

/** Attributes parsed into Employee's own fields (see employee.ts); the rest are extras. */
export const FIXED_KEYS: ReadonlySet<string> = new Set([
  'id',
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'status',
  'position',
  'department',
  'team',
  'office',
  'subcompany',
  'supervisor',
  'hire_date',
  'termination_date',
  'gender',
]);

/** Personio's standard attribute keys (its attribute catalogue): their key is their universal id. */
const STANDARD_KEYS: ReadonlySet<string> = new Set([
  ...FIXED_KEYS,
  'employment_type',
  'weekly_working_hours',
  'contract_end_date',
  'probation_period_end',
  'last_working_day',
  'termination_type',
  'termination_reason',
  'cost_centers',
  'created_at',
  'last_modified_at',
  'profile_picture',
  'holiday_calendar',
  'work_schedule',
  'absence_entitlement',
  'fix_salary',
  'fix_salary_interval',
  'hourly_salary',
]);

const CUSTOM_KEY = /^dynamic_\d+$/;

function query(pairs: readonly (readonly [name: string, key: string])[]): EmployeeQuery {
  const keys = new Set<string>();
  const extras = new Map<string, ExtraAttribute>();
  for (const [name, key] of pairs) {
    // `id` is always sent, and is not among the attributes one may list.
    if (key !== 'id') keys.add(key);
    if (!FIXED_KEYS.has(name) && !extras.has(name)) extras.set(name, { name, key });
  }
  return { keys: [...keys], extras: [...extras.values()] };
}

/**
 * The query when every source is surely a key (a standard key or `dynamic_<n>`), so the employees
 * can be requested while the attribute list is still on its way; null when some source may be a
 * universal id, which only the list can turn into a key.
 */
export function queryWithoutList(needs: readonly AttributeNeed[]): EmployeeQuery | null {
  if (!needs.every((need) => STANDARD_KEYS.has(need.source) || CUSTOM_KEY.test(need.source))) return null;
  return query(needs.map((need) => [need.source, need.source]));
}

/** Resolves every source (a key first, else a universal id); throws MissingAttributesError naming each that does not. */
export function resolveSources(needs: readonly AttributeNeed[], readable: readonly ReadableAttribute[]): EmployeeQuery {
  const byKey = new Set(readable.map((a) => a.key));
  const byUniversalId = new Map<string, string[]>();
  for (const a of readable)
    if (a.universalId !== null && a.universalId !== '')
      byUniversalId.set(a.universalId, [...(byUniversalId.get(a.universalId) ?? []), a.key]);
  const pairs: [string, string][] = [];
  const problems: UnreadableAttribute[] = [];
  for (const need of needs) {
    // `id` is always returned and is not listed as a readable attribute.
    if (need.source === 'id' || byKey.has(need.source)) {
      pairs.push([need.source, need.source]);
      continue;
    }
    const keys = byUniversalId.get(need.source) ?? [];
    const [key, ...others] = keys;
    if (key !== undefined && others.length === 0) pairs.push([need.source, key]);
    else problems.push({ ...need, ambiguous: keys });
  }
  if (problems.length > 0) throw new MissingAttributesError(problems);
  return query(pairs);
}
