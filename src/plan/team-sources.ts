// The Personio units an employee belongs to for one team source: their org unit of that field.
import type { TeamSourceRef } from '../domain/plan.js';
import { ORG_FIELDS, type Employee, type OrgField, type TeamSource } from '../domain/types.js';

const isOrgField = (source: TeamSource): source is OrgField => (ORG_FIELDS as readonly string[]).includes(source);

export function teamUnitsOf(employee: Employee, source: TeamSource): TeamSourceRef[] {
  if (!isOrgField(source)) return [];
  const unit = employee.org[source];
  return unit === null ? [] : [{ field: source, id: unit.id, name: unit.name }];
}
