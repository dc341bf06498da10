// User operations: create the missing, update the drifted (attributes, manager, active flag),
// deactivate the gone. Nothing is ever deleted.
import type { FieldChange, ManagerTarget, UserOp } from '../domain/plan.js';
import type { PlanSettings } from '../domain/types.js';
import { diffAttributes } from './attributes.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { managerChange } from './managers.js';
import { compareIds } from './order.js';
import type { Scope } from './scope.js';

const KIND_RANK: Readonly<Record<UserOp['kind'], number>> = { create: 0, update: 1, deactivate: 2 };

export function planUsers(scope: Scope, targets: ReadonlyMap<string, ManagerTarget | null>, index: LeapsomeIndex, settings: PlanSettings): UserOp[] {
  const ops: UserOp[] = [];
  for (const [employeeId, entry] of scope.inScope) {
    const target = targets.get(employeeId) ?? null;
    const user = entry.user;
    if (user === null) {
      ops.push({ kind: 'create', employeeId, attributes: entry.attributes, manager: target, invite: settings.autoInvite ? 'leapsome' : 'pending' });
      continue;
    }
    const changes: FieldChange[] = diffAttributes(entry.attributes, user);
    const reactivate = !user.active;
    if (reactivate) changes.push({ field: 'active', from: false, to: true });
    const manager = managerChange(user, target, index);
    if (changes.length === 0 && manager === null) continue;
    ops.push({
      kind: 'update',
      employeeId,
      leapsomeId: user.id,
      attributes: entry.attributes,
      changes,
      manager,
      takeover: entry.takeover,
      reactivate,
      provenance: 'unknown',
    });
  }
  for (const d of scope.deactivations) {
    ops.push({
      kind: 'deactivate',
      employeeId: d.employeeId,
      leapsomeId: d.user.id,
      userName: d.user.userName,
      name: d.name,
      reason: d.reason,
      provenance: 'unknown',
    });
  }
  return ops.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      compareIds(a.employeeId ?? '', b.employeeId ?? '') ||
      compareIds(a.kind === 'create' ? '' : a.leapsomeId, b.kind === 'create' ? '' : b.leapsomeId),
  );
}
