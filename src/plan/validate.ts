// Checks on the Personio data alone: records that cannot be synced correctly are skipped with a
// reason instead of being half-synced (or blocking everyone else).
import type { Employee } from '../domain/types.js';
import { compareIds } from './order.js';

/** Employees sharing an email (case-insensitive), mapped to the ids of the others in their group. */
export function duplicateEmails(employees: readonly Employee[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const employee of employees) {
    if (employee.email === null) continue;
    const key = employee.email.toLowerCase();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [employee.id]);
    else group.push(employee.id);
  }
  const others = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(compareIds);
    for (const id of sorted) others.set(id, sorted.filter((other) => other !== id));
  }
  return others;
}
