// A fingerprint of the Leapsome record each operation was planned against, so a plan applied later
// (after review) can tell which records changed in the meantime. Users: every field the sync reads
// and owns (not team ids: membership is the team's business). Teams: the team and its current member set.
// Creates: "absent", checked at apply time by looking for the user or team by its keys.
import { createHash } from 'node:crypto';
import type { Plan } from '../domain/plan.js';
import type { LeapsomeState, LeapsomeTeam, LeapsomeUser } from '../domain/types.js';

/** Fingerprint of a create: nothing with the operation's email/externalId (or team name) exists. */
export const ABSENT = 'absent';
/** Fingerprint of an operation whose record was not in the state read (never matches). */
export const UNKNOWN = 'unknown';

/** One fingerprint per operation, in the order of plan.users and plan.teams. */
export interface PlanFingerprints {
  readonly users: readonly string[];
  readonly teams: readonly string[];
}

const sha256 = (parts: readonly unknown[]): string => `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;

export function userFingerprint(user: LeapsomeUser): string {
  return sha256([
    'user/2',
    user.id,
    user.userName,
    user.externalId,
    user.active,
    user.givenName,
    user.familyName,
    user.displayName,
    user.managerId,
    // The owned profile fields as read (the plan file names them, so the apply run reads the same).
    Object.entries(user.profile).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    [...user.additionalManagerIds].sort(),
  ]);
}

export function teamFingerprint(team: LeapsomeTeam, memberIds: readonly string[]): string {
  return sha256(['team/1', team.id, team.displayName, team.externalId, [...memberIds].sort()]);
}

/** Leapsome returns groups without members; a team's members are the users listing it. */
export function teamMembers(state: LeapsomeState): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const user of state.users) {
    for (const teamId of user.teamIds) {
      const list = members.get(teamId);
      if (list === undefined) members.set(teamId, [user.id]);
      else list.push(user.id);
    }
  }
  return members;
}

export function fingerprintPlan(plan: Plan, state: LeapsomeState): PlanFingerprints {
  // Indexed only when some operation needs it: a run with nothing to do (most runs) needs none.
  const users = plan.users.length === 0 ? new Map<string, LeapsomeUser>() : new Map(state.users.map((u) => [u.id, u]));
  const teams = plan.teams.length === 0 ? new Map<string, LeapsomeTeam>() : new Map(state.teams.map((t) => [t.id, t]));
  const members = plan.teams.length === 0 ? new Map<string, string[]>() : teamMembers(state);
  return {
    users: plan.users.map((op) => {
      if (op.kind === 'create') return ABSENT;
      const user = users.get(op.leapsomeId);
      return user === undefined ? UNKNOWN : userFingerprint(user);
    }),
    teams: plan.teams.map((op) => {
      if (op.kind === 'create') return ABSENT;
      const team = teams.get(op.teamId);
      return team === undefined ? UNKNOWN : teamFingerprint(team, members.get(team.id) ?? []);
    }),
  };
}
