// One pass over the Leapsome state builds every lookup the planner needs, so that no step ever
// scans the user list per employee.
import type { LeapsomeState, LeapsomeTeam, LeapsomeUser } from '../domain/types.js';
import { groupByEmail } from './emails.js';
import { compareIds } from './order.js';

export interface LeapsomeIndex {
  /** Users sorted by Leapsome id. */
  readonly users: readonly LeapsomeUser[];
  readonly teams: readonly LeapsomeTeam[];
  readonly userById: ReadonlyMap<string, LeapsomeUser>;
  /** A list, because nothing stops two users from carrying the same externalId. */
  readonly usersByExternalId: ReadonlyMap<string, readonly LeapsomeUser[]>;
  /** Keyed by userName, as emailKey compares it. */
  readonly usersByEmail: ReadonlyMap<string, readonly LeapsomeUser[]>;
  /** Team id -> users whose `groups[]` include it (Leapsome does not return members on /Groups). */
  readonly membersByTeam: ReadonlyMap<string, readonly LeapsomeUser[]>;
  readonly teamsByExternalId: ReadonlyMap<string, readonly LeapsomeTeam[]>;
  /** Keyed by lower-cased displayName. */
  readonly teamsByName: ReadonlyMap<string, readonly LeapsomeTeam[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function indexLeapsome(state: LeapsomeState): LeapsomeIndex {
  const users = [...state.users].sort((a, b) => compareIds(a.id, b.id));
  const teams = [...state.teams].sort((a, b) => compareIds(a.id, b.id));
  const userById = new Map<string, LeapsomeUser>();
  const usersByExternalId = new Map<string, LeapsomeUser[]>();
  const membersByTeam = new Map<string, LeapsomeUser[]>();
  for (const user of users) {
    userById.set(user.id, user);
    if (user.externalId !== null) push(usersByExternalId, user.externalId, user);
    for (const teamId of new Set(user.teamIds)) push(membersByTeam, teamId, user);
  }
  const teamsByExternalId = new Map<string, LeapsomeTeam[]>();
  const teamsByName = new Map<string, LeapsomeTeam[]>();
  for (const team of teams) {
    if (team.externalId !== null) push(teamsByExternalId, team.externalId, team);
    push(teamsByName, team.displayName.toLowerCase(), team);
  }
  const usersByEmail = groupByEmail(users, (user) => user.userName);
  return { users, teams, userById, usersByExternalId, usersByEmail, membersByTeam, teamsByExternalId, teamsByName };
}
