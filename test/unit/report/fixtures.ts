// Small builders for plans and outcomes in report tests.
import type { Plan, TeamOp, UserOp } from '../../../src/domain/plan.js';
import type { RunOutcome } from '../../../src/run/outcome.js';

export function createOp(i: number, name = `Person ${i}`, email = `p${i}@example.com`): UserOp {
  return {
    kind: 'create',
    employeeId: String(i),
    attributes: {
      userName: email,
      externalId: String(i),
      givenName: 'G',
      familyName: 'F',
      displayName: name,
      profile: { title: 'Engineer', location: 'Berlin', 'start-date': '2025-01-02', 'end-date': null, gender: null },
    },
    manager: { employeeId: '1', email: 'boss@example.com', name: 'Bea Boss', leapsomeId: 'L1' },
    additionalManagers: [],
    invite: 'pending',
  };
}

export function updateOp(i: number, name = `Person ${i}`, email = `p${i}@example.com`): UserOp {
  return {
    kind: 'update',
    employeeId: String(i),
    leapsomeId: `L${i}`,
    attributes: {
      userName: email,
      externalId: String(i),
      givenName: 'G',
      familyName: 'F',
      displayName: name,
      profile: { title: 'Lead', location: null, 'start-date': null, 'end-date': null, gender: null },
    },
    changes: [{ field: 'title', from: 'Engineer', to: 'Lead' }],
    manager: { from: { leapsomeId: 'L1', name: 'Bea Boss' }, to: null },
    additionalManagers: null,
    takeover: null,
    reactivate: false,
    provenance: 'leapsome-edit',
  };
}

export function deactivateOp(i: number, name = `Person ${i}`, email = `p${i}@example.com`): UserOp {
  return {
    kind: 'deactivate',
    employeeId: String(i),
    leapsomeId: `L${i}`,
    userName: email,
    name,
    reason: 'status inactive in Personio',
    provenance: 'personio',
  };
}

export function teamUpdate(name: string, added: string[], removed: string[]): TeamOp {
  const m = (n: string, i: number) => ({ employeeId: String(100 + i), leapsomeId: `T${i}`, name: n });
  return {
    kind: 'update',
    teamId: `team-${name}`,
    externalId: `personio:department:${name.length}`,
    field: 'department',
    sources: [{ field: 'department', id: String(name.length), name }],
    displayName: name,
    rename: null,
    takeover: null,
    members: added.map(m),
    added: added.map(m),
    removed: removed.map(m),
    provenance: 'unknown',
  };
}

export function planOf(users: UserOp[], teams: TeamOp[] = [], extra: Partial<Plan> = {}): Plan {
  return {
    users,
    teams,
    skipped: [],
    clashes: [],
    warnings: [],
    stats: {
      employees: users.length,
      inScope: users.length,
      excluded: 0,
      managedUsers: 0,
      unmanagedUsers: 0,
      managedTeams: 0,
      unmanagedTeams: 0,
    },
    deactivationGuard: { base: 100, limit: 20, planned: 0, exceeded: false },
    supervisorCycles: [],
    preboarding: [],
    ...extra,
  };
}

export function dryRun(plan: Plan, extra: Partial<RunOutcome> = {}): RunOutcome {
  return {
    mode: 'dry-run',
    plan,
    apply: null,
    refusedReason: null,
    startedAt: '2026-11-24T05:17:00.000Z',
    finishedAt: '2026-11-24T05:17:09.000Z',
    requests: null,
    snapshot: null,
    fields: ['title', 'location', 'start-date', 'end-date', 'gender'],
    fingerprints: {
      users: plan.users.map((op) => (op.kind === 'create' ? 'absent' : `sha256:${'a'.repeat(64)}`)),
      teams: plan.teams.map(() => `sha256:${'b'.repeat(64)}`),
    },
    ...extra,
  };
}
