// Supervisor -> Leapsome manager. A manager is only written when the supervisor is in scope (has
// an account this sync keeps up); otherwise the manager is cleared and the reason reported, so
// nobody reports to a deactivated or unmanaged account.
import type { ManagerChange, ManagerTarget, PlanWarning } from '../domain/plan.js';
import type { LeapsomeUser } from '../domain/types.js';
import { employeeLabel, employeeName, userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import type { Scope } from './scope.js';

export interface Managers {
  /** Desired manager per in-scope employee id (null: none). */
  readonly targets: ReadonlyMap<string, ManagerTarget | null>;
  readonly warnings: readonly PlanWarning[];
}

export function resolveManagers(scope: Scope): Managers {
  const targets = new Map<string, ManagerTarget | null>();
  const warnings: PlanWarning[] = [];
  for (const [id, entry] of scope.inScope) {
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
  return { targets, warnings };
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
