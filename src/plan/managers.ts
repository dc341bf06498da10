// Supervisor -> Leapsome manager. A manager is only written when the supervisor is in scope (has
// an account this sync keeps up); otherwise the manager is cleared and the reason reported, so
// nobody reports to a deactivated or unmanaged account. Supervisors that form a loop (a common HR
// data slip) cannot all be written: the loop's own links are left as Leapsome has them, and the
// loop is reported, while the people in it are synced like anyone else.
import type { ManagerChange, ManagerTarget, PlanWarning, SupervisorCycle } from '../domain/plan.js';
import type { LeapsomeUser } from '../domain/types.js';
import { employeeLabel, employeeName, userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { compareIds } from './order.js';
import type { Scope } from './scope.js';

export interface Managers {
  /** Desired manager per in-scope employee id (null: none), except those in `keep`. */
  readonly targets: ReadonlyMap<string, ManagerTarget | null>;
  /** In-scope employees on a supervisor loop: their Leapsome manager is left as it is. */
  readonly keep: ReadonlySet<string>;
  readonly cycles: readonly SupervisorCycle[];
  readonly warnings: readonly PlanWarning[];
}

/**
 * Loops in a supervisor graph (employee id -> supervisor id), self-supervision included. Everyone
 * has at most one supervisor, so one walk per employee with a "done" mark finds every loop in
 * linear time. Each loop once, in supervisor order from its lowest id; loops sorted by that id.
 */
export function supervisorCycles(supervisorOf: ReadonlyMap<string, string | null>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of supervisorOf.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && supervisorOf.has(current) && !done.has(current)) {
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        const cycle = path.slice(seenAt);
        const first = cycle.reduce((low, id, i) => (compareIds(id, cycle[low] ?? id) < 0 ? i : low), 0);
        cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = supervisorOf.get(current);
    }
    for (const id of path) done.add(id);
  }
  return cycles.sort((a, b) => compareIds(a[0] ?? '', b[0] ?? ''));
}

export function resolveManagers(scope: Scope): Managers {
  const targets = new Map<string, ManagerTarget | null>();
  const warnings: PlanWarning[] = [];
  // Loops are looked for among the links the sync would write: between in-scope employees.
  const links = new Map<string, string | null>();
  for (const [id, entry] of scope.inScope) {
    const supervisorId = entry.employee.supervisorId;
    links.set(id, supervisorId !== null && scope.inScope.has(supervisorId) ? supervisorId : null);
  }
  const loops = supervisorCycles(links);
  const keep = new Set(loops.flat());
  const cycles = loops.map((loop): SupervisorCycle => ({
    chain: loop.map((id) => {
      const entry = scope.inScope.get(id);
      return entry === undefined
        ? { employeeId: id, leapsomeId: null, name: id, email: null }
        : employeeLabel(entry.employee, entry.user?.id ?? null);
    }),
  }));
  for (const [id, entry] of scope.inScope) {
    if (keep.has(id)) continue;
    const supervisorId = entry.employee.supervisorId;
    if (supervisorId === null) {
      targets.set(id, null);
      continue;
    }
    const supervisor = scope.inScope.get(supervisorId);
    if (supervisor !== undefined) {
      targets.set(id, {
        employeeId: supervisorId,
        email: supervisor.attributes.userName,
        name: supervisor.attributes.displayName,
        leapsomeId: supervisor.user?.id ?? null,
      });
      continue;
    }
    targets.set(id, null);
    const known = scope.employeeById.get(supervisorId);
    const who = known === undefined ? `supervisor ${supervisorId}` : `supervisor ${employeeName(known)} (${supervisorId})`;
    warnings.push({
      person: employeeLabel(entry.employee, entry.user?.id ?? null),
      message: `${entry.attributes.displayName} (${id}): ${who} ${whyOutOfScope(scope, supervisorId)}, so no manager is set in Leapsome`,
    });
  }
  return { targets, keep, cycles, warnings };
}

function whyOutOfScope(scope: Scope, supervisorId: string): string {
  const skipped = scope.skippedById.get(supervisorId);
  if (skipped !== undefined) return `is skipped (${skipped.reason})`;
  const supervisor = scope.employeeById.get(supervisorId);
  if (supervisor === undefined) return 'is not in Personio';
  if (scope.excluded.has(supervisorId)) return 'is excluded from the sync';
  return `has status ${supervisor.status}, which is not synced`;
}

/** The manager change for an existing user, or null when Leapsome already has the right one. */
export function managerChange(user: LeapsomeUser, target: ManagerTarget | null, index: LeapsomeIndex): ManagerChange | null {
  const current = user.managerId;
  // A manager created in this run (no Leapsome id yet) is always a change.
  const same = target === null ? current === null : target.leapsomeId !== null && target.leapsomeId === current;
  if (same) return null;
  const currentUser = current === null ? undefined : index.userById.get(current);
  return {
    from: current === null ? null : { leapsomeId: current, name: currentUser === undefined ? current : userName(currentUser) },
    to: target,
  };
}
