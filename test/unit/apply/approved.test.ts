// Applying an approved plan: fingerprints of the Leapsome records each operation was planned
// against, and the check that skips operations whose record changed since.
import { describe, expect, it } from 'vitest';
import { checkFreshness } from '../../../src/apply/approved.js';
import { ABSENT, fingerprintPlan, teamFingerprint, userFingerprint } from '../../../src/apply/fingerprint.js';
import type { Plan, TeamOp, UserOp } from '../../../src/domain/plan.js';
import type { LeapsomeState, LeapsomeUser } from '../../../src/domain/types.js';
import { leapsomeUser, type UserInput } from '../plan/builders.js';

const user = (id: string, extra: UserInput = {}): LeapsomeUser =>
  leapsomeUser({
    id,
    userName: `${id}@example.com`,
    externalId: id.replace('L', ''),
    givenName: 'G',
    familyName: 'F',
    displayName: `User ${id}`,
    title: 'Engineer',
    teamIds: ['T1'],
    ...extra,
  });
const attrs = (n: string) => ({
  userName: `${n}@example.com`,
  externalId: n,
  givenName: 'G',
  familyName: 'F',
  displayName: `User ${n}`,
  profile: { title: 'Lead' },
});
const create: UserOp = {
  kind: 'create',
  employeeId: '9',
  attributes: attrs('9'),
  manager: null,
  additionalManagers: [],
  invite: 'pending',
};
const update = (n: string): UserOp => ({
  kind: 'update',
  employeeId: n,
  leapsomeId: `L${n}`,
  attributes: attrs(n),
  changes: [{ field: 'title', from: 'Engineer', to: 'Lead' }],
  manager: null,
  additionalManagers: null,
  takeover: null,
  reactivate: false,
  provenance: 'unknown',
});
const deactivate: UserOp = {
  kind: 'deactivate',
  employeeId: '3',
  leapsomeId: 'L3',
  userName: 'L3@example.com',
  name: 'User L3',
  reason: 'left',
  provenance: 'unknown',
};
const teamOp: TeamOp = {
  kind: 'update',
  teamId: 'T1',
  externalId: 'personio:department:1',
  field: 'department',
  sources: [],
  displayName: 'Sales',
  rename: { from: 'Sale', to: 'Sales' },
  takeover: null,
  members: null,
  added: [],
  removed: [],
  provenance: 'unknown',
};
const newTeam: TeamOp = {
  kind: 'create',
  externalId: 'personio:office:2',
  field: 'office',
  sources: [],
  displayName: 'Berlin',
  members: [],
};
const plan: Plan = {
  users: [create, update('1'), update('2'), deactivate],
  teams: [teamOp, newTeam],
  skipped: [],
  clashes: [],
  warnings: [],
  stats: { employees: 4, inScope: 3, excluded: 0, managedUsers: 3, unmanagedUsers: 0, managedTeams: 0, unmanagedTeams: 0 },
  deactivationGuard: { base: 3, limit: 1, planned: 1, exceeded: false },
  supervisorCycles: [],
  preboarding: [],
};
const state: LeapsomeState = {
  users: [user('L1'), user('L2'), user('L3')],
  teams: [{ id: 'T1', displayName: 'Sale', externalId: 'personio:department:1' }],
  rejected: [],
};

describe('fingerprints', () => {
  it('are "absent" for creates and a hash of the record as read otherwise', () => {
    const prints = fingerprintPlan(plan, state);
    expect(prints.users[0]).toBe(ABSENT);
    expect(prints.users[1]).toBe(userFingerprint(user('L1')));
    expect(prints.users[1]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(prints.teams).toEqual([teamFingerprint(state.teams[0]!, ['L1', 'L2', 'L3']), ABSENT]);
  });

  it('change with any field the sync reads, and with a team member set, but not with team ids of a user', () => {
    expect(userFingerprint(user('L1', { title: 'Boss' }))).not.toBe(userFingerprint(user('L1')));
    expect(userFingerprint(user('L1', { managerId: 'L2' }))).not.toBe(userFingerprint(user('L1')));
    expect(userFingerprint(user('L1', { profile: { 'custom.6140868326541a4da586db0b': 'B' } }))).not.toBe(userFingerprint(user('L1')));
    expect(userFingerprint(user('L1', { additionalManagerIds: ['L2'] }))).not.toBe(userFingerprint(user('L1')));
    expect(userFingerprint(user('L1', { additionalManagerIds: ['L2', 'L3'] }))).toBe(
      userFingerprint(user('L1', { additionalManagerIds: ['L3', 'L2'] })),
    );
    expect(userFingerprint(user('L1', { teamIds: [] }))).toBe(userFingerprint(user('L1')));
    expect(teamFingerprint(state.teams[0]!, ['L1'])).not.toBe(teamFingerprint(state.teams[0]!, ['L1', 'L2']));
    expect(teamFingerprint(state.teams[0]!, ['L2', 'L1'])).toBe(teamFingerprint(state.teams[0]!, ['L1', 'L2']));
  });
});

describe('checkFreshness', () => {
  const prints = fingerprintPlan(plan, state);

  it('keeps every operation while Leapsome is as it was planned against', () => {
    const check = checkFreshness(plan, prints, state);
    expect(check.stale).toEqual([]);
    expect(check.fresh).toEqual(plan);
    expect(check.fingerprints).toEqual(prints);
  });

  it('skips and reports operations whose record changed, vanished or now exists', () => {
    const now: LeapsomeState = {
      users: [
        user('L1', { title: 'Edited by hand' }),
        user('L3', { teamIds: [] }),
        user('L9', { userName: '9@EXAMPLE.com', externalId: null }),
      ],
      teams: [
        { id: 'T1', displayName: 'Sale', externalId: 'personio:department:1' },
        { id: 'T2', displayName: 'berlin', externalId: null },
      ],
      rejected: [],
    };
    const check = checkFreshness(plan, prints, now);
    expect(check.stale.map((s) => [s.operation, s.person?.employeeId ?? s.team, s.reason])).toEqual([
      ['create user', '9', 'a Leapsome user with this email exists now'],
      ['update user', '1', 'the Leapsome user changed since the plan was made'],
      ['update user', '2', 'the Leapsome user no longer exists'],
      ['update team', 'Sales', 'the Leapsome team or its members changed since the plan was made'],
      ['create team', 'Berlin', 'a Leapsome team with this name or Personio org unit exists now'],
    ]);
    // L3 lost its team membership only: its own record is unchanged, so its deactivation stays.
    expect(check.fresh.users).toEqual([deactivate]);
    expect(check.fresh.teams).toEqual([]);
    expect(check.fingerprints.users).toEqual([prints.users[3]]);
  });

  it('never applies an operation without a valid fingerprint', () => {
    const check = checkFreshness(plan, { users: ['unknown', 'unknown', 'unknown', 'unknown'], teams: ['unknown', 'unknown'] }, state);
    expect(check.fresh.users).toEqual([]);
    expect(check.fresh.teams).toEqual([]);
    expect(check.stale).toHaveLength(6);
  });
});
