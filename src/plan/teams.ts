// Teams from Personio sources. Leapsome team names identify teams: every Personio unit whose name
// (after team-names) is the same becomes one team, whose members are the union. A team is the
// sync's when its externalId is `personio:<source>:<unit>`; a same-named team without externalId,
// or (adopt-teams: by-name) one another integration marked, is taken over. Hand-made teams and the
// memberships in them are never touched, and no team is ever created next to a same-named one.
import type { Clash, PlanWarning, TeamMember, TeamOp, TeamSourceRef, Takeover } from '../domain/plan.js';
import type { LeapsomeTeam, LeapsomeUser, PlanSettings, TeamNameMapping, TeamSource } from '../domain/types.js';
import { userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { compareIds, compareText } from './order.js';
import type { InScope, Scope } from './scope.js';
import { nameKey, parseTeamExternalId, teamExternalId } from './team-keys.js';
import { isOrgField, teamUnitsOf } from './team-sources.js';

export { teamExternalId } from './team-keys.js';

/** One Personio unit with in-scope members. */
interface SourceUnit {
  readonly ref: TeamSourceRef;
  readonly externalId: string;
  readonly members: readonly InScope[];
  /** The team-names entry that names its team, if any. */
  readonly mapping: TeamNameMapping | null;
}

export interface DesiredTeam {
  readonly name: string;
  /** In priority order (teams-from, then unit id); the first gives a new or taken-over team its externalId. */
  readonly units: readonly SourceUnit[];
  /** The union of the units' members, sorted by Personio id. */
  readonly members: readonly InScope[];
  /** Named by team-names only: no unit of it is called that in Personio. */
  readonly mappedOnly: boolean;
}

const mappingKey = (source: string, personioName: string): string => `${source}:${nameKey(personioName)}`;

/** How a team-names entry is named in messages: its key, and where it is written. */
export function describeEntry(mapping: TeamNameMapping): string {
  const where = mapping.origin === null ? '' : ` (${mapping.origin.file}:${mapping.origin.line})`;
  return `team-names entry "${mapping.source}:${mapping.personioName.trim()}"${where}`;
}

/** The teams the sync wants, in priority order, and warnings about team-names entries that do nothing. */
export function desiredTeams(
  scope: Scope,
  settings: Pick<PlanSettings, 'teamsFrom' | 'teamNames'>,
): { teams: DesiredTeam[]; warnings: PlanWarning[] } {
  const fields = [...new Set(settings.teamsFrom)];
  const mappings = new Map<string, TeamNameMapping>();
  for (const m of settings.teamNames) mappings.set(mappingKey(m.source, m.personioName), m);
  const used = new Set<TeamNameMapping>();
  const warnings: PlanWarning[] = [];

  const units: SourceUnit[] = [];
  for (const field of fields) {
    const byId = new Map<string, { ref: TeamSourceRef; members: InScope[] }>();
    // scope.inScope is sorted by Personio id: a unit's name comes from the lowest id holding it,
    // which stays stable should records disagree.
    for (const entry of scope.inScope.values()) {
      for (const ref of teamUnitsOf(entry.employee, field)) {
        const group = byId.get(ref.id);
        if (group === undefined) byId.set(ref.id, { ref, members: [entry] });
        else group.members.push(entry);
      }
    }
    for (const { ref, members } of [...byId.values()].sort((a, b) => compareIds(a.ref.id, b.ref.id))) {
      const mapping = mappings.get(mappingKey(field, ref.name)) ?? null;
      if (mapping !== null) used.add(mapping);
      units.push({ ref, externalId: teamExternalId(field, ref.id), members, mapping });
    }
  }

  const groups = new Map<string, SourceUnit[]>();
  for (const unit of units) {
    const name = (unit.mapping?.leapsomeName ?? unit.ref.name).trim();
    if (name === '') {
      warnings.push({
        person: null,
        message: `Personio ${unit.ref.field} ${unit.ref.id} has no name, so it gets no team. Name it in Personio, or give it one with team-names.`,
      });
      continue;
    }
    const group = groups.get(nameKey(name));
    if (group === undefined) groups.set(nameKey(name), [unit]);
    else group.push(unit);
  }
  const teams: DesiredTeam[] = [];
  for (const [key, group] of groups) {
    const mapped = group.find((u) => u.mapping !== null);
    // A name chosen in team-names keeps its spelling; otherwise the first unit's spelling wins.
    const name = (mapped?.mapping?.leapsomeName ?? group[0]?.ref.name ?? '').trim();
    const members = new Map<string, InScope>();
    for (const unit of group) for (const m of unit.members) members.set(m.employee.id, m);
    teams.push({
      name,
      units: group,
      members: [...members.values()].sort((a, b) => compareIds(a.employee.id, b.employee.id)),
      mappedOnly: !group.some((u) => nameKey(u.ref.name) === key),
    });
  }

  for (const m of settings.teamNames) {
    if (used.has(m)) continue;
    const why = fields.includes(m.source)
      ? `matches no Personio ${m.source} with employees in scope`
      : `names a source that is not in teams-from (${fields.join(', ')})`;
    warnings.push({ person: null, message: `${describeEntry(m)} ${why}, so it has no effect.` });
  }
  return { teams, warnings };
}

export interface TeamPlan {
  readonly ops: TeamOp[];
  readonly clashes: Clash[];
  readonly warnings: PlanWarning[];
  /** Existing Leapsome teams the sync manages once this plan is applied. */
  readonly managedTeamIds: ReadonlySet<string>;
}

interface SortKey {
  readonly rank: number;
  readonly field: number;
  readonly unitId: string;
  readonly teamId: string;
}

export function planTeams(scope: Scope, index: LeapsomeIndex, settings: PlanSettings): TeamPlan {
  const fields: readonly TeamSource[] = [...new Set(settings.teamsFrom)];
  const { teams: desired, warnings } = desiredTeams(scope, settings);
  const ops: { op: TeamOp; key: SortKey }[] = [];
  const clashes: Clash[] = [];
  /** Teams matched to a desired team. */
  const claimed = new Set<string>();
  /** Teams sharing one of our externalIds with another: none of them is changed. */
  const blocked = new Set<string>();
  const rankOf = (field: TeamSource): number => {
    const i = fields.indexOf(field);
    return i < 0 ? fields.length : i;
  };

  const memberOfUser = (user: LeapsomeUser): TeamMember => {
    const employeeId = scope.personioIdOfUser.get(user.id) ?? null;
    const entry = employeeId === null ? undefined : scope.inScope.get(employeeId);
    return { employeeId, leapsomeId: user.id, name: entry?.attributes.displayName ?? userName(user) };
  };
  const memberOf = (entry: InScope): TeamMember => ({
    employeeId: entry.employee.id,
    leapsomeId: entry.user?.id ?? null,
    name: entry.attributes.displayName,
  });

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
    return {
      members: changed ? sortMembers([...desiredMembers, ...kept]) : null,
      added: sortMembers(added),
      removed: sortMembers(removed),
    };
  };

  const sortKey = (rank: number, unit: SourceUnit | undefined, teamId: string): SortKey => ({
    rank,
    field: unit === undefined ? fields.length : rankOf(unit.ref.field),
    unitId: unit?.ref.id ?? '',
    teamId,
  });

  /** `unit` is the one whose externalId the team carries (or gets, when taken over). */
  const update = (d: DesiredTeam, team: LeapsomeTeam, unit: SourceUnit, takeover: Takeover | null): void => {
    let rename: { from: string; to: string } | null = null;
    let displayName = d.name;
    if (team.displayName !== d.name) {
      const blocker = (index.teamsByName.get(nameKey(d.name)) ?? []).find((t) => t.id !== team.id);
      if (blocker === undefined) rename = { from: team.displayName, to: d.name };
      else {
        // Renaming onto a name another team holds would 409; keep the old name and say why. When
        // team-names chose the name and a hand-made team has it, that is a configuration error.
        displayName = team.displayName;
        if (blocker.externalId === null && d.mappedOnly) clashes.push(teamClash(d, blocker, 'hand-made'));
        else {
          warnings.push({
            person: null,
            message: `Team "${team.displayName}" (${unit.externalId}) was not renamed to "${d.name}": Leapsome team ${blocker.id} already has that name (externalId ${blocker.externalId ?? 'none'}).`,
          });
        }
      }
    }
    const { members, added, removed } = membership(team, d.members);
    if (rename === null && takeover === null && members === null) return;
    ops.push({
      op: {
        kind: 'update',
        teamId: team.id,
        externalId: unit.externalId,
        field: unit.ref.field,
        sources: d.units.map((u) => u.ref),
        displayName,
        rename,
        takeover,
        members,
        added,
        removed,
        provenance: 'unknown',
      },
      key: sortKey(1, d.units[0], team.id),
    });
  };

  // 1. By externalId: a team keeps its identity through renames and team-names changes. The
  //    first unit (in priority order) that has a team decides; teams of the others are merged away.
  const matched = new Map<DesiredTeam, { team: LeapsomeTeam; unit: SourceUnit; takeover: Takeover | null } | null>();
  const mergedInto = new Map<string, DesiredTeam>();
  for (const d of desired) {
    for (const unit of d.units) {
      mergedInto.set(unit.externalId, d);
      const teams = index.teamsByExternalId.get(unit.externalId) ?? [];
      if (teams.length > 1) {
        teams.forEach((t) => blocked.add(t.id));
        warnings.push({
          person: null,
          message: `Leapsome teams ${teams.map((t) => t.id).join(', ')} all carry externalId ${unit.externalId}; none of them was changed.`,
        });
        if (!matched.has(d)) matched.set(d, null);
      } else if (teams[0] !== undefined && !matched.has(d)) {
        matched.set(d, { team: teams[0], unit, takeover: null });
        claimed.add(teams[0].id);
      }
    }
  }

  // 1b. A custom attribute value renamed in Personio. A value has no id, so the team's key holds the
  //     old value; when exactly the people in that team now hold one new value, it is the same team
  //     under a new name: renamed in place and re-keyed, not a new team next to an emptied one.
  for (const rename of renamedValues(desired, matched, index, scope, fields, claimed, blocked, mergedInto)) {
    matched.set(rename.team, {
      team: rename.from,
      unit: rename.unit,
      takeover: { kind: 'moved', previousExternalId: rename.from.externalId },
    });
    claimed.add(rename.from.id);
  }

  // 2. By name, for the rest: take the team over when the settings allow it, else report a clash.
  for (const d of desired) {
    const match = matched.get(d);
    if (match === null) continue;
    if (match !== undefined) {
      update(d, match.team, match.unit, match.takeover);
      continue;
    }
    const primary = d.units[0];
    if (primary === undefined) continue;
    const named = (index.teamsByName.get(nameKey(d.name)) ?? []).filter((t) => !blocked.has(t.id));
    const holder = named.find((t) => !claimed.has(t.id));
    if (holder === undefined && named[0] !== undefined) {
      const other = named[0];
      warnings.push({
        person: null,
        message: `Team "${d.name}" (${primary.externalId}) was not created: Leapsome team ${other.id} "${other.displayName}" already has that name and is the sync's team for ${other.externalId ?? 'another unit'}.`,
      });
      continue;
    }
    if (holder === undefined) {
      ops.push({
        op: {
          kind: 'create',
          externalId: primary.externalId,
          field: primary.ref.field,
          sources: d.units.map((u) => u.ref),
          displayName: d.name,
          members: sortMembers(d.members.map(memberOf)),
        },
        key: sortKey(0, primary, ''),
      });
      continue;
    }
    const takeover = takeoverOf(holder, d, settings);
    if (takeover.kind === 'clash') {
      clashes.push(teamClash(d, holder, takeover.cause));
      continue;
    }
    claimed.add(holder.id);
    update(d, holder, primary, takeover.takeover);
  }

  // 3. Our teams (of the sources being synced) that no desired team uses are emptied, never deleted.
  for (const team of index.teams) {
    const owned = parseTeamExternalId(team.externalId);
    if (owned === null || !fields.includes(owned.field) || claimed.has(team.id) || blocked.has(team.id)) continue;
    const { members, removed } = membership(team, []);
    if (members === null) continue;
    const into = mergedInto.get(team.externalId ?? '');
    if (into !== undefined) {
      warnings.push({
        person: null,
        message: `Team "${team.displayName}" (${team.externalId ?? ''}) is no longer used: its Personio ${owned.field} now belongs to team "${into.name}", so its members are removed. Leapsome's SCIM API cannot delete teams; delete it in Leapsome if nobody needs it.`,
      });
    }
    ops.push({
      op: {
        kind: 'update',
        teamId: team.id,
        externalId: team.externalId ?? '',
        field: owned.field,
        sources: [],
        displayName: team.displayName,
        rename: null,
        takeover: null,
        members,
        added: [],
        removed,
        provenance: 'unknown',
      },
      key: { rank: 1, field: rankOf(owned.field), unitId: owned.unitId, teamId: team.id },
    });
  }

  ops.sort(
    (a, b) =>
      a.key.rank - b.key.rank ||
      a.key.field - b.key.field ||
      compareIds(a.key.unitId, b.key.unitId) ||
      compareIds(a.key.teamId, b.key.teamId),
  );
  const managedTeamIds = new Set(claimed);
  for (const team of index.teams) if (parseTeamExternalId(team.externalId) !== null && !blocked.has(team.id)) managedTeamIds.add(team.id);
  return { ops: ops.map((o) => o.op), clashes, warnings, managedTeamIds };
}

/**
 * Pairs a desired team that has no Leapsome team yet with one of the sync's teams for a value of
 * the same custom attribute that nobody holds any more, when the people who are that team's
 * members now are exactly the people holding the desired team's value. Only one-to-one pairs
 * count: anything less clear is a new value (a new team; the old one is emptied).
 */
function renamedValues(
  desired: readonly DesiredTeam[],
  matched: ReadonlyMap<DesiredTeam, unknown>,
  index: LeapsomeIndex,
  scope: Scope,
  fields: readonly TeamSource[],
  claimed: ReadonlySet<string>,
  blocked: ReadonlySet<string>,
  desiredKeys: ReadonlyMap<string, unknown>,
): { team: DesiredTeam; unit: SourceUnit; from: LeapsomeTeam }[] {
  const membersOf = (ids: Iterable<string>): string => [...ids].sort(compareIds).join(',');
  const orphans = new Map<string, LeapsomeTeam[]>();
  for (const team of index.teams) {
    const owned = parseTeamExternalId(team.externalId);
    if (owned === null || isOrgField(owned.field) || !fields.includes(owned.field)) continue;
    if (claimed.has(team.id) || blocked.has(team.id) || desiredKeys.has(team.externalId ?? '')) continue;
    const people = (index.membersByTeam.get(team.id) ?? []).flatMap((u) => {
      const id = scope.personioIdOfUser.get(u.id);
      return id === undefined ? [] : [id];
    });
    if (people.length === 0) continue;
    const key = `${owned.field}|${membersOf(people)}`;
    orphans.set(key, [...(orphans.get(key) ?? []), team]);
  }
  const pairs: { team: DesiredTeam; unit: SourceUnit; from: LeapsomeTeam }[] = [];
  for (const d of desired) {
    if (matched.has(d)) continue;
    for (const unit of d.units) {
      if (isOrgField(unit.ref.field)) continue;
      const found = orphans.get(`${unit.ref.field}|${membersOf(unit.members.map((m) => m.employee.id))}`) ?? [];
      if (found.length === 1 && found[0] !== undefined) pairs.push({ team: d, unit, from: found[0] });
    }
  }
  const count = <T>(items: readonly T[]): Map<T, number> => {
    const counts = new Map<T, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    return counts;
  };
  const perTeam = count(pairs.map((p) => p.team));
  const perOrphan = count(pairs.map((p) => p.from));
  return pairs.filter((p) => perTeam.get(p.team) === 1 && perOrphan.get(p.from) === 1);
}

type TakeoverDecision =
  { readonly kind: 'take'; readonly takeover: Takeover } | { readonly kind: 'clash'; readonly cause: 'marked' | 'hand-made' };

/** Whether a same-named team may be taken over for `d`, and as what. */
function takeoverOf(holder: LeapsomeTeam, d: DesiredTeam, settings: PlanSettings): TakeoverDecision {
  if (holder.externalId === null) {
    // A name the user chose in team-names that a hand-made team already has: taking it over would
    // replace its members, so it is a configuration error (reported before any write).
    return d.mappedOnly
      ? { kind: 'clash', cause: 'hand-made' }
      : { kind: 'take', takeover: { kind: 'unmarked', previousExternalId: null } };
  }
  // One of ours for a unit no longer synced (a unit deleted and re-created under the same name).
  if (parseTeamExternalId(holder.externalId) !== null)
    return { kind: 'take', takeover: { kind: 'moved', previousExternalId: holder.externalId } };
  if (settings.adoptTeams === 'by-name') return { kind: 'take', takeover: { kind: 'foreign', previousExternalId: holder.externalId } };
  return { kind: 'clash', cause: 'marked' };
}

function teamClash(d: DesiredTeam, holder: LeapsomeTeam, cause: 'marked' | 'hand-made'): Clash {
  const entry = d.units.find((u) => u.mapping !== null)?.mapping ?? null;
  const base = {
    kind: 'team' as const,
    cause,
    displayName: d.name,
    externalId: d.units[0]?.externalId ?? '',
    holder: { leapsomeId: holder.id, name: holder.displayName, externalId: holder.externalId },
    entry:
      entry === null || entry.origin === null
        ? null
        : { key: `${entry.source}:${entry.personioName.trim()}`, file: entry.origin.file, line: entry.origin.line },
  };
  if (cause === 'hand-made') {
    return {
      ...base,
      resolution: null,
      detail: `${entry === null ? 'The name' : describeEntry(entry)} names Leapsome team "${holder.displayName}", which was made by hand (no externalId); the sync never changes hand-made teams. Choose another name, or rename that team in Leapsome.`,
    };
  }
  return {
    ...base,
    resolution: 'adopt-teams: by-name',
    detail: `Leapsome team "${holder.displayName}" has this name but another integration marked it (externalId ${holder.externalId ?? 'none'}); nothing was written to it and no second team was created.`,
  };
}

function sortMembers(members: TeamMember[]): TeamMember[] {
  return members.sort(
    (a, b) =>
      compareText(a.name, b.name) ||
      compareIds(a.employeeId ?? '', b.employeeId ?? '') ||
      compareIds(a.leapsomeId ?? '', b.leapsomeId ?? ''),
  );
}
