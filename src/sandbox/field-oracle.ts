// An oracle for `fields` on the sample company: what each mapped Leapsome field should hold,
// computed from the sandbox's own records (not our parser, not our planner), and every way the
// sandbox's Leapsome differs from it.
import type { Sandbox, SandboxEmployee } from './index.js';

/** The expected value of one field for an in-scope employee: text, a set of Personio ids (additional managers), or null. */
export type Expectation = (
  e: SandboxEmployee,
  company: ReadonlyMap<number, SandboxEmployee>,
  inScope: (id: number) => boolean,
) => string | readonly number[] | null;

export const SKILLS_ID = '6140868326541a4da586db0b';
export const CONTRACT_ID = '6140868326541a4da586db0c';
export const REMOTE_DAYS_ID = '6140868326541a4da586db0d';

/** The cost center with the highest percentage, the first on a tie. */
export const mainCostCenter = (e: SandboxEmployee): string | null =>
  e.costCenters.reduce<{ name: string; percentage: number } | null>(
    (best, c) => (best === null || c.percentage > best.percentage ? c : best),
    null,
  )?.name ?? null;

/** Mentors as the sandbox stores them (ids and emails) -> the in-scope employees they name, without the person and their supervisor. */
export function mentors(
  e: SandboxEmployee,
  company: ReadonlyMap<number, SandboxEmployee>,
  inScope: (id: number) => boolean,
  key = 'dynamic_1146710',
): number[] {
  const raw = e.dynamic[key];
  if (typeof raw !== 'string') return [];
  const byEmail = new Map([...company.values()].map((x) => [x.email?.toLowerCase() ?? '', x.id]));
  const ids = raw
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? Number(t) : (byEmail.get(t.toLowerCase()) ?? -1)));
  return [...new Set(ids)].filter((id) => id !== e.id && id !== e.supervisorId && inScope(id)).sort((a, b) => a - b);
}

/** Differences between Leapsome and the expectations, for every in-scope employee. */
export function fieldDivergences(
  sandbox: Sandbox,
  expectations: Readonly<Record<string, Expectation>>,
  statuses: readonly string[] = ['active', 'leave'],
): string[] {
  const employees = sandbox.personio.list();
  const company = new Map(employees.map((e) => [e.id, e]));
  const wanted = new Set(statuses);
  const inScope = (id: number): boolean => {
    const e = company.get(id);
    return e !== undefined && wanted.has(e.status) && e.email !== null && e.email !== '';
  };
  const users = sandbox.leapsome.listUsers();
  const byExternalId = new Map(users.flatMap((u) => (u.externalId === null ? [] : [[u.externalId, u] as const])));
  const personioIdOf = new Map(users.map((u) => [u.id, Number(u.externalId ?? -1)]));
  const problems: string[] = [];
  for (const e of employees) {
    if (!inScope(e.id)) continue;
    const user = byExternalId.get(String(e.id));
    if (user === undefined) {
      problems.push(`employee ${e.id} has no Leapsome user`);
      continue;
    }
    for (const [field, expectation] of Object.entries(expectations)) {
      const wantedValue = expectation(e, company, inScope);
      let actual: string | readonly number[] | null;
      if (field === 'additional-managers') {
        actual = user.additionalManagerIds.map((id) => personioIdOf.get(id) ?? -1).sort((a, b) => a - b);
      } else if (field.startsWith('custom.')) actual = user.custom[field.slice(7)] ?? null;
      else {
        const key = {
          level: 'level',
          birthday: 'birthday',
          division: 'division',
          'cost-center': 'costCenter',
          gender: 'gender',
          location: 'location',
          'start-date': 'startDate',
          'end-date': 'endDate',
        }[field];
        actual = key === undefined ? null : ((user as unknown as Record<string, string | null>)[key] ?? null);
      }
      if (JSON.stringify(actual) !== JSON.stringify(wantedValue))
        problems.push(`employee ${e.id}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wantedValue)}`);
    }
  }
  return problems;
}

/** What the benchmark's six extra fields (BENCH_FIELDS) should hold. */
export const BENCH_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  birthday: (e) => (typeof e.dynamic.dynamic_180883 === 'string' ? e.dynamic.dynamic_180883 : null),
  level: (e) =>
    (({ L1: 'Junior', L2: 'Intermediate', L3: 'Senior', L4: 'Lead', L5: 'Principal' }) as Record<string, string>)[
      String(e.dynamic.dynamic_1146703)
    ] ?? 'Unassigned',
  division: (e) => e.subcompany?.name ?? null,
  'cost-center': mainCostCenter,
  'additional-managers': mentors,
  [`custom.${SKILLS_ID}`]: (e) =>
    Array.isArray(e.dynamic.dynamic_1146704) && e.dynamic.dynamic_1146704.length > 0 ? e.dynamic.dynamic_1146704.join(', ') : null,
};
