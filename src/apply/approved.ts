// Applying an approved plan: every operation is checked against Leapsome as it is now. One whose
// record changed since the plan was made is skipped and reported, never applied blindly.
import type { PersonLabel, Plan, TeamOp, UserOp } from '../domain/plan.js';
import type { LeapsomeState } from '../domain/types.js';
import { ABSENT, teamFingerprint, teamMembers, userFingerprint, type PlanFingerprints } from './fingerprint.js';

export interface StaleOperation {
  readonly operation: 'create user' | 'update user' | 'reactivate user' | 'deactivate user' | 'create team' | 'update team';
  readonly person: PersonLabel | null;
  readonly team: string | null;
  readonly reason: string;
}

export interface FreshnessCheck {
  /** The plan reduced to the operations whose records are as they were planned against. */
  readonly fresh: Plan;
  /** Fingerprints of the fresh operations, in their order. */
  readonly fingerprints: PlanFingerprints;
  readonly stale: readonly StaleOperation[];
}

function userOperation(op: UserOp): StaleOperation['operation'] {
  if (op.kind === 'create') return 'create user';
  if (op.kind === 'deactivate') return 'deactivate user';
  return op.reactivate ? 'reactivate user' : 'update user';
}

function userLabel(op: UserOp): PersonLabel {
  if (op.kind === 'deactivate') return { employeeId: op.employeeId, leapsomeId: op.leapsomeId, name: op.name, email: op.userName };
  return {
    employeeId: op.employeeId,
    leapsomeId: op.kind === 'update' ? op.leapsomeId : null,
    name: op.attributes.displayName,
    email: op.attributes.userName,
  };
}

export function checkFreshness(plan: Plan, fingerprints: PlanFingerprints, state: LeapsomeState): FreshnessCheck {
  const usersById = new Map(state.users.map((u) => [u.id, u]));
  const userNames = new Set(state.users.map((u) => u.userName.trim().toLowerCase()));
  const externalIds = new Set(state.users.flatMap((u) => (u.externalId === null ? [] : [u.externalId])));
  const teamsById = new Map(state.teams.map((t) => [t.id, t]));
  const teamKeys = new Set(
    state.teams.flatMap((t) => [t.displayName.trim().toLowerCase(), ...(t.externalId === null ? [] : [`#${t.externalId}`])]),
  );
  const members = teamMembers(state);
  const stale: StaleOperation[] = [];

  const userStale = (op: UserOp, planned: string | undefined): string | null => {
    if (op.kind === 'create') {
      if (planned !== ABSENT) return 'the plan holds no valid fingerprint for this operation';
      if (userNames.has(op.attributes.userName.trim().toLowerCase())) return 'a Leapsome user with this email exists now';
      if (externalIds.has(op.attributes.externalId)) return 'a Leapsome user with this Personio id exists now';
      return null;
    }
    const user = usersById.get(op.leapsomeId);
    if (user === undefined) return 'the Leapsome user no longer exists';
    return userFingerprint(user) === planned ? null : 'the Leapsome user changed since the plan was made';
  };
  const teamStale = (op: TeamOp, planned: string | undefined): string | null => {
    if (op.kind === 'create') {
      if (planned !== ABSENT) return 'the plan holds no valid fingerprint for this operation';
      if (teamKeys.has(`#${op.externalId}`) || teamKeys.has(op.displayName.trim().toLowerCase()))
        return 'a Leapsome team with this name or Personio org unit exists now';
      return null;
    }
    const team = teamsById.get(op.teamId);
    if (team === undefined) return 'the Leapsome team no longer exists';
    return teamFingerprint(team, members.get(team.id) ?? []) === planned
      ? null
      : 'the Leapsome team or its members changed since the plan was made';
  };

  const users: UserOp[] = [];
  const userPrints: string[] = [];
  plan.users.forEach((op, i) => {
    const planned = fingerprints.users[i];
    const reason = userStale(op, planned);
    if (reason === null) {
      users.push(op);
      userPrints.push(planned ?? '');
    } else stale.push({ operation: userOperation(op), person: userLabel(op), team: null, reason });
  });
  const teams: TeamOp[] = [];
  const teamPrints: string[] = [];
  plan.teams.forEach((op, i) => {
    const planned = fingerprints.teams[i];
    const reason = teamStale(op, planned);
    if (reason === null) {
      teams.push(op);
      teamPrints.push(planned ?? '');
    } else stale.push({ operation: op.kind === 'create' ? 'create team' : 'update team', person: null, team: op.displayName, reason });
  });
  return { fresh: { ...plan, users, teams }, fingerprints: { users: userPrints, teams: teamPrints }, stale };
}
