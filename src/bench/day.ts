// "A day in Personio": about `share` of the employees change (titles, departments, supervisors,
// a few leavers and hires), chosen by a seeded PRNG so every run of the benchmark sees the same
// day. Used by the benchmark and the chaos tests.
import { mulberry32, pick } from '../sandbox/random.js';
import type { Sandbox, SandboxEmployee, SandboxOrgUnit } from '../sandbox/index.js';

export interface DayOfChanges {
  readonly titles: readonly number[];
  /** Level and skills (custom attributes) changed, when the day includes them. */
  readonly profiles: readonly number[];
  readonly departments: readonly number[];
  readonly supervisors: readonly number[];
  readonly leavers: readonly number[];
  readonly hires: readonly number[];
}

export interface DayOptions {
  /** Part of the title changes become changes of level and skills (custom attributes), for runs that map them. */
  readonly profiles?: boolean;
}

/** Mutates Personio in the sandbox; returns the Personio ids touched, by kind. */
export function applyDayOfChanges(
  sandbox: Sandbox,
  share: number,
  seed: number,
  today = '2025-09-02',
  options: DayOptions = {},
): DayOfChanges {
  const rand = mulberry32(seed);
  const everyone = sandbox.personio.list();
  const current = everyone.filter((e) => (e.status === 'active' || e.status === 'leave') && e.email !== null && e.email !== '');
  const total = Math.max(5, Math.round(everyone.length * share));
  const leaverCount = Math.max(1, Math.round(total * 0.1));
  const hireCount = Math.max(1, Math.round(total * 0.1));
  const departmentCount = Math.round(total * 0.2);
  const supervisorCount = Math.round(total * 0.2);
  const otherCount = Math.max(0, total - leaverCount - hireCount - departmentCount - supervisorCount);
  const profileCount = options.profiles === true ? Math.round(otherCount / 2) : 0;
  const titleCount = otherCount - profileCount;

  // Each changed employee is picked once (a shuffled prefix), so the counts are exact.
  const order = current
    .map((e) => ({ e, key: rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.e);
  let next = 0;
  const take = (count: number): SandboxEmployee[] => order.slice(next, (next += count));
  const departments = uniqueUnits(everyone.map((e) => e.department));
  // Supervisors always have a lower id than their reports (the generator builds top-down), so
  // picking a new supervisor among lower ids can never create a cycle.
  const byIdAsc = [...current].sort((a, b) => a.id - b.id);
  const lowerThan = (id: number): SandboxEmployee[] => byIdAsc.filter((e) => e.id < id);

  const changes = {
    titles: take(titleCount).map((e) => {
      sandbox.personio.update(e.id, { position: e.position.startsWith('Senior ') ? e.position.slice(7) : `Senior ${e.position}` });
      return e.id;
    }),
    profiles: take(profileCount).map((e, i) => {
      // Alternately a promotion (the next level) and a new skill.
      const level = String(e.dynamic.dynamic_1146703 ?? 'L1');
      const skills = Array.isArray(e.dynamic.dynamic_1146704) ? e.dynamic.dynamic_1146704 : [];
      const next = level === 'L5' ? 'L1' : `L${Number(level.slice(1)) + 1}`;
      const dynamic =
        i % 2 === 0
          ? { ...e.dynamic, dynamic_1146703: next }
          : { ...e.dynamic, dynamic_1146704: skills.includes('Rust') ? skills.filter((x) => x !== 'Rust') : [...skills, 'Rust'] };
      sandbox.personio.update(e.id, { dynamic });
      return e.id;
    }),
    departments: take(departmentCount).flatMap((e) => {
      const others = departments.filter((d) => d.id !== e.department?.id);
      if (others.length === 0) return [];
      sandbox.personio.update(e.id, { department: pick(rand, others) });
      return [e.id];
    }),
    supervisors: take(supervisorCount).flatMap((e) => {
      const candidates = lowerThan(e.id).filter((s) => s.id !== e.supervisorId);
      if (candidates.length === 0) return [];
      sandbox.personio.update(e.id, { supervisorId: pick(rand, candidates).id });
      return [e.id];
    }),
    leavers: take(leaverCount).map((e) => {
      sandbox.personio.update(e.id, { status: 'inactive', terminationDate: today, lastWorkingDay: today, terminationType: 'employee' });
      return e.id;
    }),
    hires: Array.from({ length: hireCount }, (_, i) => {
      const supervisor = pick(rand, current);
      return sandbox.personio.add({
        firstName: 'Hire',
        lastName: `Day${seed}x${i}`,
        status: 'active',
        position: 'Software Engineer',
        department: supervisor.department,
        office: supervisor.office,
        supervisorId: supervisor.id,
        hireDate: today,
      }).id;
    }),
  };
  return changes;
}

function uniqueUnits(units: readonly (SandboxOrgUnit | null)[]): SandboxOrgUnit[] {
  const byId = new Map<number, SandboxOrgUnit>();
  for (const unit of units) if (unit !== null) byId.set(unit.id, unit);
  return [...byId.values()];
}
