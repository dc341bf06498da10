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

/**
 * Supervisor cycles (A -> B -> ... -> A, including A -> A). Every employee has at most one
 * supervisor, so one walk per employee with a "done" mark finds them all in linear time.
 * Returns each employee on a cycle mapped to the cycle, starting from that employee.
 */
export function supervisorCycles(byId: ReadonlyMap<string, Employee>): Map<string, string[]> {
  const done = new Set<string>();
  const cycles = new Map<string, string[]>();
  for (const start of byId.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current)) {
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        const cycle = path.slice(seenAt);
        cycle.forEach((id, i) => cycles.set(id, [...cycle.slice(i), ...cycle.slice(0, i)]));
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      const supervisorId: string | null | undefined = byId.get(current)?.supervisorId;
      current = supervisorId !== null && supervisorId !== undefined && byId.has(supervisorId) ? supervisorId : undefined;
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}
