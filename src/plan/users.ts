// User operations: create the missing, update the drifted (attributes, managers, active flag),
// deactivate the gone. Nothing is ever deleted.
import type { FieldChange, PersonLabel, PlanWarning, UserOp } from '../domain/plan.js';
import type { PlanSettings, UserAttributes } from '../domain/types.js';
import { additionalManagersChange, type AdditionalManagers } from './additional-managers.js';
import { desiredProfile, diffAttributes, type KeptField } from './attributes.js';
import { employeeLabel } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { managerChange, type Managers } from './managers.js';
import { compareIds, compareText } from './order.js';
import type { Scope } from './scope.js';

const KIND_RANK: Readonly<Record<UserOp['kind'], number>> = { create: 0, update: 1, deactivate: 2 };
/** People named in one "left unchanged" warning before "and N more". */
const NAMED_PER_WARNING = 5;

export function planUsers(
  scope: Scope,
  managers: Managers,
  additional: AdditionalManagers,
  index: LeapsomeIndex,
  settings: PlanSettings,
): { ops: UserOp[]; warnings: PlanWarning[] } {
  const ops: UserOp[] = [];
  const kept = new KeptFields();
  const additionalRule = settings.fields.find((rule) => rule.field === 'additional-managers');
  for (const [employeeId, entry] of scope.inScope) {
    // On a supervisor loop the manager stays as Leapsome has it (a new user gets none).
    const keepManager = managers.keep.has(employeeId);
    const target = keepManager ? null : (managers.targets.get(employeeId) ?? null);
    const user = entry.user;
    const { profile, kept: keptFields } = desiredProfile(entry.employee, settings.fields, user, entry.takeover !== null);
    if (keptFields.length > 0) kept.add(keptFields, employeeLabel(entry.employee, user?.id ?? null));
    const attributes: UserAttributes = { ...entry.attributes, profile };
    if (user === null) {
      const invite = settings.autoInvite ? 'leapsome' : 'pending';
      ops.push({
        kind: 'create',
        employeeId,
        attributes,
        manager: target,
        additionalManagers: additional.targets.get(employeeId) ?? [],
        invite,
      });
      continue;
    }
    const changes: FieldChange[] = diffAttributes(attributes, user);
    const reactivate = !user.active;
    if (reactivate) changes.push({ field: 'active', from: false, to: true });
    const manager = keepManager ? null : managerChange(user, target, index);
    const onlyIntoEmpty = additionalRule?.apply === 'on-create' && entry.takeover === null;
    const additionalManagers = additionalManagersChange(user, additional.targets.get(employeeId), index, onlyIntoEmpty);
    if (changes.length === 0 && manager === null && additionalManagers === null) continue;
    ops.push({
      kind: 'update',
      employeeId,
      leapsomeId: user.id,
      attributes,
      changes,
      manager,
      additionalManagers,
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
  ops.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      compareIds(a.employeeId ?? '', b.employeeId ?? '') ||
      compareIds(a.kind === 'create' ? '' : a.leapsomeId, b.kind === 'create' ? '' : b.leapsomeId),
  );
  return { ops, warnings: kept.warnings() };
}

/** Fields left unchanged, one warning per field and reason, naming the first few people. */
class KeptFields {
  private readonly byReason = new Map<string, { field: string; reason: string; people: PersonLabel[] }>();

  add(fields: readonly KeptField[], person: PersonLabel): void {
    for (const { field, reason } of fields) {
      const key = `${field}\n${reason}`;
      const group = this.byReason.get(key);
      if (group === undefined) this.byReason.set(key, { field, reason, people: [person] });
      else group.people.push(person);
    }
  }

  warnings(): PlanWarning[] {
    return [...this.byReason.values()]
      .sort((a, b) => compareText(a.field, b.field) || compareText(a.reason, b.reason))
      .map(({ field, reason, people }) => {
        const named = people.slice(0, NAMED_PER_WARNING).map((p) => `${p.name} (${p.employeeId ?? '?'})`);
        const more = people.length - named.length;
        return {
          person: people.length === 1 ? (people[0] ?? null) : null,
          message: `\`${field}\`: ${reason}; left unchanged for ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
        };
      });
  }
}
