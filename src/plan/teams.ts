// Teams from Personio org units. Only teams carrying our externalId (`personio:<field>:<id>`) are
// ever changed; a same-named team without externalId is adopted once; hand-made teams and the
// memberships in them are never touched.
import type { PlanWarning, TeamMember, TeamOp } from '../domain/plan.js';
import type { LeapsomeTeam, LeapsomeUser, OrgField, OrgUnit, PlanSettings } from '../domain/types.js';
import { userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { compareIds, compareText } from './order.js';
import type { InScope, Scope } from './scope.js';

const FIELD_LABEL: Readonly<Record<OrgField, string>> = { department: 'Department', team: 'Team', office: 'Office', subcompany: 'Subcompany' };

export const teamExternalId = (field: OrgField, unitId: string): string => `personio:${field}:${unitId}`;

interface DesiredTeam {
  readonly field: OrgField;
  readonly unitId: string;
  readonly externalId: string;
  readonly name: string;
  readonly members: readonly InScope[];
}

/**
 * One team per org unit that has in-scope members, fields in priority order. Team names must be
 * unique in Leapsome (409 otherwise), so a name an earlier field already uses gets the field
 * appended ("Berlin (Office)"); two units of one field with the same name also get their id.
 */
export function desiredTeams(scope: Scope, fields: readonly OrgField[]): DesiredTeam[] {
  const result: DesiredTeam[] = [];
  const taken = new Map<string, OrgField>();
  for (const field of fields) {
    const units = new Map<string, { unit: OrgUnit; members: InScope[] }>();
    for (const entry of scope.inScope.values()) {
      const unit = entry.employee.org[field];
      if (unit === null) continue;
      const group = units.get(unit.id);
      // The name comes from the lowest employee id holding the unit: stable if records disagree.
      if (group === undefined) units.set(unit.id, { unit, members: [entry] });
      else group.members.push(entry);
    }
    const ordered = [...units.values()].sort((a, b) => compareIds(a.unit.id, b.unit.id));
    for (const { unit, members } of ordered) {
      const owner = taken.get(unit.name.toLowerCase());
      const withId = `${unit.name} (${FIELD_LABEL[field]} ${unit.id})`;
      let name = unit.name;
      if (owner !== undefined) name = owner === field ? withId : `${unit.name} (${FIELD_LABEL[field]})`;
      if (owner !== undefined && taken.has(name.toLowerCase())) name = withId;
      taken.set(name.toLowerCase(), field);
      result.push({ field, unitId: unit.id, externalId: teamExternalId(field, unit.id), name, members });
    }
  }
  return result;
}

export interface TeamPlan {
  readonly ops: TeamOp[];
  readonly warnings: PlanWarning[];
}

interface SortKey {
  readonly rank: number;
  readonly field: number;
  readonly unitId: string;
  readonly teamId: string;
}

export function planTeams(scope: Scope, index: LeapsomeIndex, settings: PlanSettings): TeamPlan {
  const fields = [...new Set(settings.teamsFrom)];
  const desired = desiredTeams(scope, fields);
  const desiredExternalIds = new Set(desired.map((d) => d.externalId));
  const ops: { op: TeamOp; key: SortKey }[] = [];
  const warnings: PlanWarning[] = [];
  const claimed = new Set<string>();

  /** Our field and unit id when the team carries our externalId for a field being synced. */
  const ours = (team: LeapsomeTeam): { field: OrgField; unitId: string } | null => {
    if (team.externalId === null) return null;
    for (const field of fields) {
      const prefix = `personio:${field}:`;
      if (team.externalId.startsWith(prefix)) return { field, unitId: team.externalId.slice(prefix.length) };
    }
    return null;
  };
  const memberOfUser = (user: LeapsomeUser): TeamMember => {
    const employeeId = scope.personioIdOfUser.get(user.id) ?? null;
    const entry = employeeId === null ? undefined : scope.inScope.get(employeeId);
    return { employeeId, leapsomeId: user.id, name: entry?.attributes.displayName ?? userName(user) };
  };
  const memberOf = (entry: InScope): TeamMember => ({ employeeId: entry.employee.id, leapsomeId: entry.user?.id ?? null, name: entry.attributes.displayName });

  /** Compared by Leapsome id; users created in this run are always additions. Frozen users keep their place. */
  const membership = (team: LeapsomeTeam, wanted: readonly InScope[]) => {
    const current = index.membersByTeam.get(team.id) ?? [];
    const currentIds = new Set(current.map((u) => u.id));
    const desiredMembers = wanted.map(memberOf);
    const desiredIds = new Set(desiredMembers.flatMap((m) => (m.leapsomeId === null ? [] : [m.leapsomeId])));
    const kept: TeamMember[] = [];
    const removed: TeamMember[] = [];
    for (const user of current) {
      if (desiredIds.has(user.id)) continue;
      (scope.frozenUserIds.has(user.id) ? kept : removed).push(memberOfUser(user));
    }
    const added = desiredMembers.filter((m) => m.leapsomeId === null || !currentIds.has(m.leapsomeId));
    const changed = added.length > 0 || removed.length > 0;
    return { members: changed ? sortMembers([...desiredMembers, ...kept]) : null, added: sortMembers(added), removed: sortMembers(removed) };
  };

  const update = (d: DesiredTeam, team: LeapsomeTeam, adopt: boolean): void => {
    let rename: { from: string; to: string } | null = null;
    let displayName = d.name;
    if (team.displayName !== d.name) {
      const blocker = (index.teamsByName.get(d.name.toLowerCase()) ?? []).find((t) => t.id !== team.id);
      if (blocker === undefined) rename = { from: team.displayName, to: d.name };
      else {
        // Renaming onto a name another team holds would 409; keep the old name and say why.
        displayName = team.displayName;
        warnings.push({
          person: null,
          message: `Team "${team.displayName}" (${d.externalId}) was not renamed to "${d.name}": Leapsome team ${blocker.id} already has that name (externalId ${blocker.externalId ?? 'none'}).`,
        });
      }
    }
    const { members, added, removed } = membership(team, d.members);
    if (rename === null && !adopt && members === null) return;
    ops.push({
      op: { kind: 'update', teamId: team.id, externalId: d.externalId, field: d.field, displayName, rename, adopt, members, added, removed, provenance: 'unknown' },
      key: { rank: 1, field: fields.indexOf(d.field), unitId: d.unitId, teamId: team.id },
    });
  };

  // Match by externalId first, so that adoption by name can never take a team another unit owns.
  const byExternalId = new Map<string, LeapsomeTeam | null>();
  for (const d of desired) {
    const teams = index.teamsByExternalId.get(d.externalId) ?? [];
    teams.forEach((t) => claimed.add(t.id));
    if (teams.length > 1) {
      byExternalId.set(d.externalId, null);
      warnings.push({ person: null, message: `Leapsome teams ${teams.map((t) => t.id).join(', ')} all carry externalId ${d.externalId}; none of them was changed.` });
    } else if (teams[0] !== undefined) byExternalId.set(d.externalId, teams[0]);
  }

  for (const d of desired) {
    const matched = byExternalId.get(d.externalId);
    if (matched === null) continue;
    if (matched !== undefined) {
      update(d, matched, false);
      continue;
    }
    const holders = index.teamsByName.get(d.name.toLowerCase()) ?? [];
    // Adoptable: no externalId at all, or ours for an org unit that no longer has members
    // (a unit deleted and re-created under the same name keeps its team).
    const adoptable = holders.find((t) => {
      if (claimed.has(t.id)) return false;
      return t.externalId === null || (ours(t) !== null && !desiredExternalIds.has(t.externalId));
    });
    if (adoptable !== undefined) {
      claimed.add(adoptable.id);
      update(d, adoptable, true);
    } else if (holders[0] !== undefined) {
      const holder = holders[0];
      warnings.push({
        person: null,
        message: `Team "${d.name}" (${d.externalId}) was not created: Leapsome team ${holder.id} "${holder.displayName}" already has that name and belongs to something else (externalId ${holder.externalId ?? 'none'}).`,
      });
    } else {
      ops.push({
        op: { kind: 'create', externalId: d.externalId, field: d.field, displayName: d.name, members: sortMembers(d.members.map(memberOf)) },
        key: { rank: 0, field: fields.indexOf(d.field), unitId: d.unitId, teamId: '' },
      });
    }
  }

  // Our teams whose org unit has no in-scope member left are emptied, never deleted.
  for (const team of index.teams) {
    const owned = ours(team);
    if (owned === null || claimed.has(team.id) || desiredExternalIds.has(team.externalId ?? '')) continue;
    const { members, removed } = membership(team, []);
    if (members === null) continue;
    ops.push({
      op: {
        kind: 'update',
        teamId: team.id,
        externalId: team.externalId ?? '',
        field: owned.field,
        displayName: team.displayName,
        rename: null,
        adopt: false,
        members,
        added: [],
        removed,
        provenance: 'unknown',
      },
      key: { rank: 1, field: fields.indexOf(owned.field), unitId: owned.unitId, teamId: team.id },
    });
  }

  ops.sort((a, b) => a.key.rank - b.key.rank || a.key.field - b.key.field || compareIds(a.key.unitId, b.key.unitId) || compareIds(a.key.teamId, b.key.teamId));
  return { ops: ops.map((o) => o.op), warnings };
}

function sortMembers(members: TeamMember[]): TeamMember[] {
  return members.sort(
    (a, b) =>
      compareText(a.name, b.name) ||
      compareIds(a.employeeId ?? '', b.employeeId ?? '') ||
      compareIds(a.leapsomeId ?? '', b.leapsomeId ?? ''),
  );
}
