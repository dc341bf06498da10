// `additional-managers`: Personio ids and work emails -> the Leapsome users of in-scope employees
// (users created in this run included), without the person themself and their primary manager.
// Whatever does not resolve is a warning; the rest is compared with Leapsome as a set.
import type { AdditionalManagersChange, ManagerTarget, PlanWarning } from '../domain/plan.js';
import type { FieldRule } from '../domain/fields.js';
import type { LeapsomeUser } from '../domain/types.js';
import { emailKey } from './emails.js';
import { desiredTokens, sourceValue } from './fields.js';
import { employeeLabel, employeeName, userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { compareIds, looksLikePersonioId } from './order.js';
import type { InScope, Scope } from './scope.js';

export interface AdditionalManagers {
  /** Personio id -> the additional managers the employee should have; absent: leave them as they are. */
  readonly targets: ReadonlyMap<string, readonly ManagerTarget[]>;
  readonly warnings: readonly PlanWarning[];
}

const NONE: AdditionalManagers = { targets: new Map(), warnings: [] };

export function resolveAdditionalManagers(scope: Scope, rule: FieldRule | undefined): AdditionalManagers {
  if (rule === undefined) return NONE;
  const byEmail = new Map<string, InScope>();
  for (const entry of scope.inScope.values()) byEmail.set(emailKey(entry.attributes.userName), entry);
  const targets = new Map<string, ManagerTarget[]>();
  const warnings: PlanWarning[] = [];
  for (const [id, entry] of scope.inScope) {
    const desired = desiredTokens(rule, sourceValue(entry.employee, rule.from));
    const who = `${entry.attributes.displayName} (${id})`;
    if (desired.kind === 'keep') {
      warnings.push({
        person: employeeLabel(entry.employee, entry.user?.id ?? null),
        message: `\`additional-managers\` of ${who}: ${desired.reason}; left unchanged`,
      });
      continue;
    }
    const found = new Map<string, ManagerTarget>();
    for (const token of desired.tokens) {
      const manager = looksLikePersonioId(token) ? scope.inScope.get(token) : byEmail.get(emailKey(token));
      if (manager === undefined) {
        warnings.push({
          person: employeeLabel(entry.employee, entry.user?.id ?? null),
          message: `\`additional-managers\` of ${who}: ${JSON.stringify(token)} ${unresolved(scope, token)}, so it is left out`,
        });
        continue;
      }
      const managerId = manager.employee.id;
      if (managerId === id || managerId === entry.employee.supervisorId) continue;
      found.set(managerId, {
        employeeId: managerId,
        email: manager.attributes.userName,
        name: manager.attributes.displayName,
        leapsomeId: manager.user?.id ?? null,
      });
    }
    targets.set(
      id,
      [...found.values()].sort((a, b) => compareIds(a.employeeId, b.employeeId)),
    );
  }
  return { targets, warnings };
}

function unresolved(scope: Scope, token: string): string {
  if (!looksLikePersonioId(token))
    return token.includes('@')
      ? 'is not the work email of an employee the sync keeps in Leapsome'
      : 'is neither a Personio id nor a work email';
  const employee = scope.employeeById.get(token);
  if (employee === undefined) return 'is not a Personio employee id';
  if (scope.excluded.has(token)) return `is ${employeeName(employee)}, who is excluded from the sync`;
  const skipped = scope.skippedById.get(token);
  if (skipped !== undefined) return `is ${employeeName(employee)}, who is skipped (${skipped.reason})`;
  return `is ${employeeName(employee)}, whose status ${employee.status} is not synced`;
}

/**
 * The change for an existing user, or null when Leapsome already has these additional managers
 * (as a set; order is no change). `onlyIntoEmpty` for `apply: on-create` on a user already managed.
 */
export function additionalManagersChange(
  user: LeapsomeUser,
  targets: readonly ManagerTarget[] | undefined,
  index: LeapsomeIndex,
  onlyIntoEmpty: boolean,
): AdditionalManagersChange | null {
  if (targets === undefined || (targets.length === 0 && user.additionalManagerIds.length === 0)) return null;
  const current = new Set(user.additionalManagerIds);
  if (onlyIntoEmpty && (current.size > 0 || targets.length === 0)) return null;
  // A manager created in this run has no Leapsome id yet: always a change.
  const same = targets.length === current.size && targets.every((t) => t.leapsomeId !== null && current.has(t.leapsomeId));
  if (same) return null;
  const from = [...current].sort(compareIds).map((leapsomeId) => {
    const holder = index.userById.get(leapsomeId);
    return { leapsomeId, name: holder === undefined ? leapsomeId : userName(holder) };
  });
  return { from, to: targets };
}
