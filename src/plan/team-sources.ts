// The Personio units an employee belongs to for one team source: their org unit of that field, or
// the value of a custom attribute (one unit per element of a multi-valued, tags attribute).
import type { TeamSourceRef } from '../domain/plan.js';
import { ORG_FIELDS, type Employee, type OrgField, type TeamSource } from '../domain/types.js';
import { nameKey } from './team-keys.js';

export const isOrgField = (source: TeamSource): source is OrgField => (ORG_FIELDS as readonly string[]).includes(source);

/**
 * A custom attribute value has no id in Personio's v1 API, so the value itself identifies the unit:
 * trimmed and lower-cased, so that a change of case or spacing is the same team (renamed), and
 * the team-names key of a value matches it as it matches an org unit's name.
 */
export function teamUnitsOf(employee: Employee, source: TeamSource): TeamSourceRef[] {
  if (isOrgField(source)) {
    const unit = employee.org[source];
    return unit === null ? [] : [{ field: source, id: unit.id, name: unit.name }];
  }
  const value = employee.attributes[source];
  const values = value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value;
  const units = new Map<string, TeamSourceRef>();
  for (const v of values) {
    const name = v.trim();
    if (name !== '' && !units.has(nameKey(name))) units.set(nameKey(name), { field: source, id: nameKey(name), name });
  }
  return [...units.values()];
}
