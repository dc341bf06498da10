// The least traffic a run can get away with, derived from the data alone (never from our planner):
// compare Leapsome before and after a run (which must have converged) and count what any client
// would have had to send for that difference, given the API's rules:
//   - POST /Users carries only core fields, so a new user whose manager, location or enterprise
//     fields are set needs one PATCH after the POST (the "2N" for a first sync);
//   - every existing user whose stored state changed needs one PATCH (deactivations included);
//   - a new team needs one POST; memberships go ≤ 100 per PATCH: a team of ≤ 100 members needs
//     one PATCH for any change, a larger one ⌈added/100⌉ when nobody left, else ⌈members/100⌉.
// Reads: Personio 1 auth + 1 attribute check + ⌈employees/100⌉ pages; SCIM ⌈users/5000⌉ user
// pages and ⌈teams/1000⌉ group pages (at least one of each).
import type { LeapsomeUserView, Sandbox } from '../sandbox/index.js';

export interface LeapsomeSnapshot {
  /** Leapsome id -> comparable user state (teams excluded: they change through /Groups). */
  readonly users: ReadonlyMap<string, { readonly state: string; readonly needsPatchAfterPost: boolean; readonly active: boolean }>;
  /** Leapsome id -> team name and members. */
  readonly teams: ReadonlyMap<string, { readonly name: string; readonly members: ReadonlySet<string> }>;
}

export interface WriteCounts {
  postUsers: number;
  patchUsers: number;
  postGroups: number;
  patchGroups: number;
}

export interface Minimum {
  readonly writes: WriteCounts;
  /** Of patchUsers: users deactivated (their own phase, after everything else). */
  readonly deactivations: number;
  readonly personioPages: number;
  /** Auth + attribute check. */
  readonly personioOverhead: number;
  readonly scimUserPages: number;
  readonly scimGroupPages: number;
}

const PAGE = 100;
const SCIM_USERS_PAGE = 5_000;
const SCIM_GROUPS_PAGE = 1_000;
const MEMBERS_PER_PATCH = 100;

export function snapshotLeapsome(sandbox: Sandbox): LeapsomeSnapshot {
  const users = new Map<string, { state: string; needsPatchAfterPost: boolean; active: boolean }>();
  for (const user of sandbox.leapsome.listUsers()) {
    users.set(user.id, { state: comparable(user), needsPatchAfterPost: needsPatchAfterPost(user), active: user.active });
  }
  const teams = new Map<string, { name: string; members: ReadonlySet<string> }>();
  for (const team of sandbox.leapsome.listTeams()) teams.set(team.id, { name: team.displayName, members: new Set(team.memberIds) });
  return { users, teams };
}

export function minimumFor(before: LeapsomeSnapshot, after: LeapsomeSnapshot, personioEmployees: number): Minimum {
  const writes: WriteCounts = { postUsers: 0, patchUsers: 0, postGroups: 0, patchGroups: 0 };
  let deactivations = 0;
  for (const [id, now] of after.users) {
    const was = before.users.get(id);
    if (was === undefined) {
      writes.postUsers++;
      if (now.needsPatchAfterPost) writes.patchUsers++;
    } else if (was.state !== now.state) {
      writes.patchUsers++;
      if (was.active && !now.active) deactivations++;
    }
  }
  for (const [id, now] of after.teams) {
    const was = before.teams.get(id);
    if (was === undefined) {
      writes.postGroups++;
      writes.patchGroups += Math.ceil(now.members.size / MEMBERS_PER_PATCH);
      continue;
    }
    const added = [...now.members].filter((m) => !was.members.has(m)).length;
    const removed = [...was.members].some((m) => !now.members.has(m));
    if (added === 0 && !removed) writes.patchGroups += was.name === now.name ? 0 : 1;
    else if (now.members.size <= MEMBERS_PER_PATCH) writes.patchGroups += 1;
    else writes.patchGroups += removed ? Math.ceil(now.members.size / MEMBERS_PER_PATCH) : Math.ceil(added / MEMBERS_PER_PATCH);
  }
  return {
    writes,
    deactivations,
    personioPages: Math.max(1, Math.ceil(personioEmployees / PAGE)),
    personioOverhead: 2,
    scimUserPages: Math.max(1, Math.ceil(before.users.size / SCIM_USERS_PAGE)),
    scimGroupPages: Math.max(1, Math.ceil(before.teams.size / SCIM_GROUPS_PAGE)),
  };
}

export function totalWrites(w: WriteCounts): number {
  return w.postUsers + w.patchUsers + w.postGroups + w.patchGroups;
}

/** Everything a PATCH /Users can change, as one string; ids, timestamps and teams left out. */
function comparable(user: LeapsomeUserView): string {
  const { created: _c, lastModified: _m, version: _v, teamIds: _t, ...state } = user;
  return JSON.stringify(state);
}

/** Fields POST /Users ignores (manager, location, the enterprise extension with custom attributes). */
function needsPatchAfterPost(user: LeapsomeUserView): boolean {
  const extension = [
    user.managerId,
    user.location,
    user.department,
    user.costCenter,
    user.division,
    user.level,
    user.startDate,
    user.endDate,
    user.birthday,
    user.gender,
  ];
  return extension.some((value) => value !== null) || user.additionalManagerIds.length > 0 || Object.keys(user.custom).length > 0;
}
