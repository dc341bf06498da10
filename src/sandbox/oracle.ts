// An independent oracle for integration, chaos and benchmark runs: reads the sandbox's own records
// (not our parser, not our planner) and lists every way Leapsome differs from what Personio says.
// An empty list means the sync converged.
import type { Sandbox } from './types.js';

export interface OracleOptions {
  readonly statuses?: readonly string[];
  /** Personio ids the sync is expected to leave alone (bad records, exclusions). */
  readonly ignore?: ReadonlySet<number>;
}

export function divergences(sandbox: Sandbox, options: OracleOptions = {}): string[] {
  const statuses = new Set(options.statuses ?? ['active', 'leave']);
  const ignore = options.ignore ?? new Set<number>();
  const problems: string[] = [];
  const employees = sandbox.personio.list();
  const users = sandbox.leapsome.listUsers();
  const byExternalId = new Map<string, (typeof users)[number][]>();
  for (const user of users) {
    if (user.externalId === null) continue;
    byExternalId.set(user.externalId, [...(byExternalId.get(user.externalId) ?? []), user]);
  }
  const byEmail = new Map<string, number>();
  for (const user of users) byEmail.set(user.userName.toLowerCase(), (byEmail.get(user.userName.toLowerCase()) ?? 0) + 1);
  for (const [email, n] of byEmail) if (n > 1) problems.push(`${n} Leapsome users share ${email}`);

  const employeesById = new Map(employees.map((e) => [e.id, e]));
  const inScope = (id: number | null): boolean => {
    if (id === null || ignore.has(id)) return false;
    const e = employeesById.get(id);
    return e !== undefined && statuses.has(e.status) && e.email !== null && e.email !== '';
  };
  const teamsByExternalId = new Map(sandbox.leapsome.listTeams().map((t) => [t.externalId, t]));
  const expectedMembers = new Map<string, Set<string>>();

  for (const e of employees) {
    if (ignore.has(e.id)) continue;
    const matches = byExternalId.get(String(e.id)) ?? [];
    if (matches.length > 1) problems.push(`employee ${e.id} has ${matches.length} Leapsome users`);
    const user = matches[0];
    if (!inScope(e.id)) {
      if (user?.active) problems.push(`employee ${e.id} (${e.status}) still has an active Leapsome user`);
      continue;
    }
    if (user === undefined) {
      problems.push(`employee ${e.id} has no Leapsome user`);
      continue;
    }
    const expect = (field: string, actual: unknown, wanted: unknown) => {
      if ((actual ?? null) !== (wanted ?? null))
        problems.push(`employee ${e.id}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    };
    expect('active', user.active, true);
    expect('userName', user.userName.toLowerCase(), e.email?.toLowerCase());
    expect('givenName', user.givenName, e.firstName);
    expect('familyName', user.familyName, e.lastName);
    expect('displayName', user.displayName, e.preferredName !== '' ? e.preferredName : `${e.firstName} ${e.lastName}`);
    expect('title', user.title ?? 'Colleague', e.position === '' ? 'Colleague' : e.position);
    expect('startDate', user.startDate, e.hireDate);
    expect('endDate', user.endDate, e.terminationDate);
    expect('location', user.location, e.office?.name ?? null);
    const supervisorUser = inScope(e.supervisorId) ? byExternalId.get(String(e.supervisorId))?.[0] : undefined;
    expect('manager', user.managerId, supervisorUser?.id ?? null);
    if (e.department !== null) {
      const key = `personio:department:${e.department.id}`;
      const team = teamsByExternalId.get(key);
      if (team === undefined) problems.push(`no team for department ${e.department.name}`);
      else {
        expect(`team name of ${key}`, team.displayName, e.department.name);
        const set = expectedMembers.get(team.id) ?? new Set<string>();
        set.add(user.id);
        expectedMembers.set(team.id, set);
      }
    }
  }
  // Members the sync must leave alone (ignored records) may stay in its teams.
  const frozen = new Set([...ignore].flatMap((id) => (byExternalId.get(String(id)) ?? []).map((u) => u.id)));
  for (const team of sandbox.leapsome.listTeams()) {
    if (team.externalId === null || !team.externalId.startsWith('personio:department:')) continue;
    const actual = new Set(sandbox.leapsome.teamMembers(team.id));
    const wanted = expectedMembers.get(team.id) ?? new Set<string>();
    for (const id of actual) if (!wanted.has(id) && !frozen.has(id)) problems.push(`team ${team.displayName} has extra member ${id}`);
    for (const id of wanted) if (!actual.has(id)) problems.push(`team ${team.displayName} lacks member ${id}`);
  }
  return problems;
}
