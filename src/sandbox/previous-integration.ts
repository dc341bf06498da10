// A Leapsome organisation that something else has been filling, as most organisations that switch
// to this sync are: Leapsome's built-in Personio integration made the users (externalId = the
// Personio id) and the department teams (marked with its own externalId), some time ago, so a few
// memberships are stale; an admin made a team by hand; another connector (an identity provider)
// provisioned a few accounts under its own externalIds. Used by `npm run demo -- --from-builtin`
// and the switch-over tests. The built-in integration's real externalId format is not documented;
// any value that is not this sync's `personio:<source>:<id>` behaves the same.
import type { SandboxEmployee } from './company.js';
import type { LeapsomeTeamView, LeapsomeUserView, Sandbox } from './types.js';

/** The mark the simulated built-in integration puts on a department team. */
export const builtinTeamMark = (departmentId: number): string => `leapsome-hris:personio:department:${departmentId}`;
/** The externalId the simulated identity-provider connector puts on the accounts it provisioned. */
export const connectorUserMark = (employeeId: number): string => `okta|00u${(employeeId * 7919).toString(36)}`;

export interface PreviousIntegration {
  /** Department teams the built-in integration made, by Personio department id. */
  readonly departmentTeams: ReadonlyMap<number, LeapsomeTeamView>;
  /** A department team someone made by hand before any integration: same name, no externalId. */
  readonly unmarkedDepartmentTeam: LeapsomeTeamView;
  /** A team made by hand in Leapsome ("Book club"); the sync must never touch it. */
  readonly handMadeTeam: LeapsomeTeamView;
  /** Employees the built-in integration left in their old department's team (they moved since). */
  readonly movers: readonly SandboxEmployee[];
  /** An employee who left; the built-in integration had not deactivated them yet. */
  readonly leaver: SandboxEmployee;
  /** Employees whose account another connector provisioned (externalId not the Personio id). */
  readonly connectorUsers: readonly { readonly employee: SandboxEmployee; readonly user: LeapsomeUserView }[];
  /** An employee whose account an admin created by hand (no externalId). */
  readonly unmarkedUser: { readonly employee: SandboxEmployee; readonly user: LeapsomeUserView };
  /** Someone in Leapsome who is not in Personio (a freelancer), in the hand-made team. */
  readonly outsider: LeapsomeUserView;
}

const IN_SCOPE = new Set(['active', 'leave']);

/**
 * Fills the sandbox's Leapsome as the built-in integration (and friends) would have. Deterministic
 * for a given Personio company; needs at least two departments with several people each.
 */
export function seedPreviousIntegration(sandbox: Sandbox): PreviousIntegration {
  const employees = sandbox.personio.list();
  const byId = new Map(employees.map((e) => [e.id, e]));
  const inScope = employees.filter((e) => IN_SCOPE.has(e.status) && e.email !== null && e.email !== '');
  const departments = [
    ...new Map(inScope.flatMap((e) => (e.department === null ? [] : [[e.department.id, e.department] as const]))).values(),
  ].sort((a, b) => a.id - b.id);
  if (departments.length < 3) throw new Error('seedPreviousIntegration: the company needs at least three departments');

  // The last in-scope people without reports are the ones whose story differs from the rest.
  const reportsTo = new Set(employees.map((e) => e.supervisorId));
  const plain = inScope.filter((e) => !reportsTo.has(e.id) && e.department !== null).reverse();
  const pick = (): SandboxEmployee => {
    const next = plain.shift();
    if (next === undefined) throw new Error('seedPreviousIntegration: the company is too small');
    return next;
  };
  const movers = [pick(), pick()];
  const connector = [pick(), pick()];
  const unmarked = pick();
  const leaver = pick();

  // What Personio says now about the leaver; the built-in integration saw them still active.
  sandbox.personio.update(leaver.id, { status: 'inactive', terminationDate: '2025-08-29' });
  const leaverNow = sandbox.personio.get(leaver.id) ?? leaver;

  // The "Management" department's team was made by hand before any integration ran.
  const unmarkedDepartment = departments.find((d) => d.name === 'Management') ?? departments[0];
  const teams = new Map<number, LeapsomeTeamView>();
  for (const d of departments) {
    teams.set(d.id, sandbox.leapsome.addTeam({ displayName: d.name, externalId: d === unmarkedDepartment ? null : builtinTeamMark(d.id) }));
  }
  const handMade = sandbox.leapsome.addTeam({ displayName: 'Book club' });

  /** The department each person was in when the built-in integration last synced. */
  const otherDepartment = (e: SandboxEmployee): number => {
    const other = departments.find((d) => d.id !== e.department?.id && d !== unmarkedDepartment);
    return other?.id ?? e.department?.id ?? 0;
  };
  const teamIdsOf = (e: SandboxEmployee): string[] => {
    const departmentId = movers.includes(e) ? otherDepartment(e) : (e.department?.id ?? null);
    const team = departmentId === null ? undefined : teams.get(departmentId);
    return team === undefined ? [] : [team.id];
  };

  // Supervisors come before their reports in the sample company, so managers resolve by email.
  const users = new Map<number, LeapsomeUserView>();
  const connectorUsers: { employee: SandboxEmployee; user: LeapsomeUserView }[] = [];
  let unmarkedUser: LeapsomeUserView | undefined;
  // `inScope` was read before the leaver left: the built-in integration last saw them active.
  for (const e of inScope) {
    const supervisor = e.supervisorId === null ? undefined : byId.get(e.supervisorId);
    const externalId = connector.includes(e) ? connectorUserMark(e.id) : e === unmarked ? null : String(e.id);
    const user = sandbox.leapsome.addUser({
      userName: e.email ?? '',
      externalId,
      givenName: e.firstName,
      familyName: e.lastName,
      displayName: e.preferredName !== '' ? e.preferredName : `${e.firstName} ${e.lastName}`,
      title: e.position === '' ? null : e.position,
      startDate: e.hireDate,
      endDate: e.terminationDate,
      location: e.office?.name ?? null,
      gender: e.gender,
      ...(supervisor !== undefined && users.has(supervisor.id) ? { manager: supervisor.email ?? null } : {}),
      teamIds: teamIdsOf(e),
    });
    users.set(e.id, user);
    if (connector.includes(e)) connectorUsers.push({ employee: e, user });
    if (e === unmarked) unmarkedUser = user;
  }
  if (unmarkedUser === undefined) throw new Error('seedPreviousIntegration: no unmarked user');

  // A freelancer who is not in Personio, and the hand-made team's members.
  const outsider = sandbox.leapsome.addUser({
    userName: 'freelance.designer@example.com',
    givenName: 'Frida',
    familyName: 'Freelance',
    teamIds: [handMade.id],
  });
  const clubbers = [movers[0], connector[0], inScope[0]].flatMap((e) => (e === undefined ? [] : [users.get(e.id)?.id ?? '']));
  for (const id of clubbers) {
    const user = sandbox.leapsome.getUser(id);
    if (user !== undefined) sandbox.leapsome.editUser(id, { teamIds: [...user.teamIds, handMade.id] });
  }

  return {
    departmentTeams: new Map([...teams].filter(([id]) => id !== unmarkedDepartment?.id)),
    unmarkedDepartmentTeam: teams.get(unmarkedDepartment?.id ?? 0) ?? handMade,
    handMadeTeam: sandbox.leapsome.getTeam(handMade.id) ?? handMade,
    movers,
    leaver: leaverNow,
    // Read back: the hand-made team's memberships were added after the accounts were made.
    connectorUsers: connectorUsers.map(({ employee, user }) => ({ employee, user: sandbox.leapsome.getUser(user.id) ?? user })),
    unmarkedUser: { employee: unmarked, user: sandbox.leapsome.getUser(unmarkedUser.id) ?? unmarkedUser },
    outsider: sandbox.leapsome.getUser(outsider.id) ?? outsider,
  };
}
