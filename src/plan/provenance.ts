// Why each planned change happens, for the reviewer: 'personio' when the snapshot shows that the
// Personio data behind the change moved since the last run, 'leapsome-edit' when that data is
// unchanged (so Leapsome must have been edited by hand and the sync is overriding it), 'unknown'
// without a snapshot or for people the snapshot does not know. Labels only: the plan itself is
// always computed against live Leapsome, never against the snapshot.
//
// One label per operation: an update is 'personio' as soon as any of its changes has a Personio
// cause. Changes caused by new settings (statuses, exclude rules, teams-from) look like manual edits.
import type { FieldRule } from '../domain/fields.js';
import type { FieldChange, Plan, Provenance, TeamMember, TeamOp, UserOp } from '../domain/plan.js';
import type { Employee, IdentityAttributeName, TeamSource } from '../domain/types.js';
import { emailKey } from './emails.js';
import { desiredTokens, sameAttributeValue, sourceValue } from './fields.js';
import { looksLikePersonioId } from './order.js';
import { parseTeamExternalId } from './team-keys.js';
import { teamUnitsOf } from './team-sources.js';
import { compareIds } from './order.js';
import { employeesById } from './digest.js';
import type { Snapshot } from '../domain/snapshot.js';

/** One cause checked against the snapshot. */
type Evidence = 'changed' | 'same' | 'unknown';

type Sides = { readonly prev: Employee; readonly cur: Employee };
type FieldCheck = (s: Sides) => boolean;

const differs =
  <T>(read: (e: Employee) => T): FieldCheck =>
  ({ prev, cur }) =>
    read(prev) !== read(cur);

/** The Personio fields each identity attribute is computed from (see plan/attributes.ts); profile fields follow their rule's source. */
const IDENTITY_SOURCES: Readonly<Record<IdentityAttributeName | 'active', FieldCheck>> = {
  userName: differs((e) => e.email),
  // Only ever changes on adoption, which has its own causes below.
  externalId: () => false,
  givenName: differs((e) => e.firstName),
  familyName: differs((e) => e.lastName),
  displayName: (s) => differs((e) => e.preferredName)(s) || differs((e) => e.firstName)(s) || differs((e) => e.lastName)(s),
  active: differs((e) => e.status),
};

function verdict(evidence: Iterable<Evidence>): Provenance {
  let sawSame = false;
  let sawUnknown = false;
  for (const e of evidence) {
    if (e === 'changed') return 'personio';
    if (e === 'unknown') sawUnknown = true;
    else sawSame = true;
  }
  return sawUnknown || !sawSame ? 'unknown' : 'leapsome-edit';
}

const evidence = (changed: boolean): Evidence => (changed ? 'changed' : 'same');

export function labelProvenance(
  plan: Plan,
  previous: Snapshot | null,
  current: readonly Employee[],
  fields: readonly FieldRule[] = [],
): Plan {
  if (previous === null) {
    return {
      ...plan,
      users: plan.users.map((op) => (op.kind === 'create' ? op : { ...op, provenance: 'unknown' })),
      teams: plan.teams.map((op) => (op.kind === 'create' ? op : { ...op, provenance: 'unknown' })),
    };
  }
  // Nothing to label (a no-op run): skip indexing both employee lists.
  if (plan.users.every((op) => op.kind === 'create') && plan.teams.every((op) => op.kind === 'create')) return plan;
  const before = employeesById(previous.employees);
  const now = employeesById(current);
  const sides = (id: string | null): Sides | null => {
    const prev = id === null ? undefined : before.get(id);
    const cur = id === null ? undefined : now.get(id);
    return prev === undefined || cur === undefined ? null : { prev, cur };
  };
  /** A person's status or presence moved (undefined = not in Personio). */
  const statusMoved = (id: string): boolean => before.get(id)?.status !== now.get(id)?.status;
  const rules = new Map(fields.map((rule) => [rule.field, rule]));
  // A source the previous run did not read tells nothing: its null there is not an empty value.
  const readBefore = new Set(previous.attributes);
  const sourceMoved = (rule: FieldRule | undefined, s: Sides): Evidence =>
    rule === undefined || !readBefore.has(rule.from)
      ? 'unknown'
      : evidence(!sameAttributeValue(sourceValue(s.prev, rule.from), sourceValue(s.cur, rule.from)));

  function changeEvidence(change: FieldChange, s: Sides): Evidence {
    const identity = IDENTITY_SOURCES[change.field as IdentityAttributeName | 'active'] as FieldCheck | undefined;
    return identity === undefined ? sourceMoved(rules.get(change.field as FieldRule['field']), s) : evidence(identity(s));
  }

  const byEmail = (side: ReadonlyMap<string, Employee>): Map<string, Employee> => {
    const map = new Map<string, Employee>();
    for (const e of side.values()) if (e.email !== null && !map.has(emailKey(e.email))) map.set(emailKey(e.email), e);
    return map;
  };
  let emailsBefore: Map<string, Employee> | undefined;
  let emailsNow: Map<string, Employee> | undefined;

  /** Additional managers move with their source, the supervisor (left out of them) and the scope of the people named. */
  function additionalManagersEvidence(s: Sides): Evidence {
    const rule = rules.get('additional-managers');
    const moved = sourceMoved(rule, s);
    if (moved !== 'same' || rule === undefined) return moved;
    if (s.prev.supervisorId !== s.cur.supervisorId) return 'changed';
    const tokens = desiredTokens(rule, sourceValue(s.cur, rule.from));
    if (tokens.kind === 'keep') return 'same';
    for (const token of tokens.tokens) {
      if (looksLikePersonioId(token)) {
        if (statusMoved(token)) return 'changed';
        continue;
      }
      const email = emailKey(token);
      emailsBefore ??= byEmail(before);
      emailsNow ??= byEmail(now);
      const was = emailsBefore.get(email);
      const is = emailsNow.get(email);
      if (was?.id !== is?.id || was?.status !== is?.status) return 'changed';
    }
    return 'same';
  }

  function userEvidence(op: Extract<UserOp, { kind: 'update' }>): Evidence[] {
    const s = sides(op.employeeId);
    if (s === null) return ['unknown'];
    const found: Evidence[] = op.changes.map((change) => changeEvidence(change, s));
    if (op.additionalManagers !== null) found.push(additionalManagersEvidence(s));
    if (op.manager !== null) {
      // A manager changes with the supervisor, or when the supervisor comes into or drops out of scope.
      const supervisors = [s.prev.supervisorId, s.cur.supervisorId].filter((id): id is string => id !== null);
      found.push(evidence(s.prev.supervisorId !== s.cur.supervisorId || supervisors.some(statusMoved)));
    }
    if (op.reactivate) found.push(evidence(s.prev.status !== s.cur.status));
    // A takeover matches by email, among people who are in scope.
    if (op.takeover !== null) found.push(evidence(s.prev.email !== s.cur.email || s.prev.status !== s.cur.status));
    return found;
  }

  function deactivationEvidence(employeeId: string | null): Evidence {
    const prev = employeeId === null ? undefined : before.get(employeeId);
    if (prev === undefined || employeeId === null) return 'unknown';
    const cur = now.get(employeeId);
    return evidence(cur === undefined || cur.status !== prev.status);
  }

  // The names of the units the planned team operations come from, before and now.
  const teamFields = new Set<TeamSource>(plan.teams.flatMap((op) => [op.field, ...op.sources.map((s) => s.field)]));
  const unitsBefore = unitNames(before.values(), teamFields);
  const unitsNow = unitNames(now.values(), teamFields);

  /** The units a person holds for a team's sources, as comparable text. */
  const unitsOf = (e: Employee, fields: readonly TeamSource[]): string =>
    fields
      .map((field) =>
        teamUnitsOf(e, field)
          .map((u) => `${field}:${u.id}`)
          .join(','),
      )
      .join('|');

  function memberEvidence(member: TeamMember, fields: readonly TeamSource[]): Evidence {
    // A member with no Personio record behind them was put there by hand.
    if (member.employeeId === null) return 'same';
    const prev = before.get(member.employeeId);
    const cur = now.get(member.employeeId);
    if (prev === undefined && cur === undefined) return 'unknown';
    if (prev === undefined || cur === undefined) return 'changed';
    return evidence(prev.status !== cur.status || unitsOf(prev, fields) !== unitsOf(cur, fields));
  }

  function teamEvidence(op: Extract<TeamOp, { kind: 'update' }>): Evidence[] {
    const own = parseTeamExternalId(op.externalId);
    if (own === null) return ['unknown'];
    const fields = op.sources.length === 0 ? [own.field] : [...new Set(op.sources.map((s) => s.field))];
    const key = `${own.field}:${own.unitId}`;
    const old = unitsBefore.get(key);
    const found: Evidence[] = [];
    if (op.rename !== null) {
      const name = unitsNow.get(key);
      if (old === undefined) found.push('changed');
      else if (name === undefined) found.push('unknown');
      else if (old !== name) found.push('changed');
      // The name may come from team-names, or from another unit of the same team: not the unit's own.
      else found.push(op.rename.to === name ? 'same' : 'unknown');
    }
    if (op.takeover !== null) found.push(evidence(old === undefined));
    for (const member of [...op.added, ...op.removed]) found.push(memberEvidence(member, fields));
    return found;
  }

  return {
    ...plan,
    users: plan.users.map((op): UserOp => {
      if (op.kind === 'create') return op;
      if (op.kind === 'update') return { ...op, provenance: verdict(userEvidence(op)) };
      return { ...op, provenance: verdict([deactivationEvidence(op.employeeId)]) };
    }),
    teams: plan.teams.map((op): TeamOp => (op.kind === 'create' ? op : { ...op, provenance: verdict(teamEvidence(op)) })),
  };
}

/** `<field>:<unit id>` -> the unit's name, as held by the lowest Personio id (as the planner names teams). */
function unitNames(employees: Iterable<Employee>, fields: ReadonlySet<TeamSource>): Map<string, string> {
  const names = new Map<string, { name: string; holder: string }>();
  for (const employee of employees) {
    for (const field of fields) {
      for (const unit of teamUnitsOf(employee, field)) {
        const key = `${field}:${unit.id}`;
        const seen = names.get(key);
        if (seen === undefined || compareIds(employee.id, seen.holder) < 0) names.set(key, { name: unit.name, holder: employee.id });
      }
    }
  }
  return new Map([...names].map(([key, v]) => [key, v.name]));
}
