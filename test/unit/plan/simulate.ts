// A tiny in-memory Leapsome: applies a Plan to a LeapsomeState the way a perfect applier would.
// Used to check that planning converges (plan, apply, plan again -> nothing to do).
import type { ManagerTarget, Plan, TeamMember } from '../../../src/domain/plan.js';
import type { LeapsomeState, LeapsomeTeam, LeapsomeUser } from '../../../src/domain/types.js';

type MutableUser = { -readonly [K in keyof LeapsomeUser]: LeapsomeUser[K] } & { teamIds: string[] };
type MutableTeam = { -readonly [K in keyof LeapsomeTeam]: LeapsomeTeam[K] };

export function applyInMemory(state: LeapsomeState, plan: Plan): LeapsomeState {
  const users = new Map<string, MutableUser>(state.users.map((u) => [u.id, { ...u, teamIds: [...u.teamIds] }]));
  const teams = new Map<string, MutableTeam>(state.teams.map((t) => [t.id, { ...t }]));
  const idOf = new Map<string, string>();
  for (const u of users.values()) if (u.externalId !== null) idOf.set(u.externalId, u.id);

  for (const op of plan.users) {
    if (op.kind !== 'create') continue;
    const id = `new-${op.employeeId}`;
    users.set(id, { id, active: true, managerId: null, additionalManagerIds: [], teamIds: [], ...op.attributes });
    idOf.set(op.employeeId, id);
  }
  const managerId = (target: ManagerTarget | null): string | null => {
    if (target === null) return null;
    const id = target.leapsomeId ?? idOf.get(target.employeeId);
    if (id === undefined) throw new Error(`manager ${target.employeeId} unknown`);
    return id;
  };
  for (const op of plan.users) {
    if (op.kind === 'create') {
      const u = users.get(idOf.get(op.employeeId) ?? '');
      if (u !== undefined) u.managerId = managerId(op.manager);
      if (u !== undefined) u.additionalManagerIds = op.additionalManagers.map(managerId).filter((id): id is string => id !== null);
    } else if (op.kind === 'update') {
      const u = users.get(op.leapsomeId);
      if (u === undefined) throw new Error(`update of unknown user ${op.leapsomeId}`);
      const { profile, ...identity } = op.attributes;
      Object.assign(u, identity);
      u.profile = { ...u.profile, ...profile };
      if (op.reactivate) u.active = true;
      if (op.manager !== null) u.managerId = managerId(op.manager.to);
      if (op.additionalManagers !== null)
        u.additionalManagerIds = op.additionalManagers.to.map(managerId).filter((id): id is string => id !== null);
      idOf.set(op.employeeId, u.id);
    } else {
      const u = users.get(op.leapsomeId);
      if (u === undefined) throw new Error(`deactivation of unknown user ${op.leapsomeId}`);
      u.active = false;
    }
  }
  const resolve = (m: TeamMember): string => {
    const id = m.leapsomeId ?? (m.employeeId === null ? undefined : idOf.get(m.employeeId));
    if (id === undefined) throw new Error(`member ${m.name} unknown`);
    return id;
  };
  const setMembers = (teamId: string, members: readonly TeamMember[]): void => {
    for (const u of users.values()) u.teamIds = u.teamIds.filter((t) => t !== teamId);
    for (const m of members) users.get(resolve(m))?.teamIds.push(teamId);
  };
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      const id = `team-${op.externalId}`;
      for (const t of teams.values()) {
        if (t.displayName.toLowerCase() === op.displayName.toLowerCase()) throw new Error(`409: team name ${op.displayName} taken`);
      }
      teams.set(id, { id, displayName: op.displayName, externalId: op.externalId });
      setMembers(id, op.members);
    } else {
      const t = teams.get(op.teamId);
      if (t === undefined) throw new Error(`update of unknown team ${op.teamId}`);
      if (op.rename !== null) t.displayName = op.rename.to;
      if (op.takeover !== null) t.externalId = op.externalId;
      if (op.members !== null) setMembers(t.id, op.members);
    }
  }
  return { users: [...users.values()], teams: [...teams.values()], rejected: state.rejected };
}
