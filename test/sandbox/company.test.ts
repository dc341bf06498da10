import { describe, expect, it } from 'vitest';
import { berlinMidnight, sampleCompany, type SandboxEmployee } from '../../src/sandbox/index.js';

/** Asserts a single root (the CEO), known supervisors and no cycles; returns the tree depth. */
function checkTree(employees: readonly SandboxEmployee[]): { depth: number } {
  const byId = new Map(employees.map((e) => [e.id, e]));
  const roots = employees.filter((e) => e.supervisorId === null);
  expect(roots).toHaveLength(1);
  expect(roots[0]?.position).toBe('Chief Executive Officer');
  let depth = 0;
  const broken: number[] = [];
  for (const e of employees) {
    let d = 0;
    let c: SandboxEmployee | undefined = e;
    while (c !== undefined && c.supervisorId !== null && d < 50) {
      c = byId.get(c.supervisorId);
      d += 1;
    }
    if (c === undefined || d >= 50) broken.push(e.id);
    depth = Math.max(depth, d);
  }
  expect(broken).toEqual([]);
  return { depth };
}

describe('sampleCompany', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(sampleCompany({ seed: 7 })).toEqual(sampleCompany({ seed: 7 }));
    expect(sampleCompany({ seed: 7 })).not.toEqual(sampleCompany({ seed: 8 }));
  });

  it('makes a realistic small company by default', () => {
    const company = sampleCompany();
    expect(company).toHaveLength(40);
    expect(new Set(company.map((e) => e.email)).size).toBe(40);
    expect(company.every((e) => e.email?.endsWith('@example.com'))).toBe(true);
    const departments = new Set(company.map((e) => e.department?.name));
    for (const name of ['Engineering', 'Product', 'Sales', 'Marketing', 'People', 'Finance']) expect(departments).toContain(name);
    expect(new Set(company.map((e) => e.office?.name)).size).toBe(3);
    expect(new Set(company.map((e) => e.subcompany?.name)).size).toBe(2);
    expect(new Set(company.map((e) => e.team?.name).filter(Boolean)).size).toBeGreaterThan(4);
    const statuses = company.map((e) => e.status);
    for (const s of ['leave', 'onboarding', 'inactive'] as const) expect(statuses).toContain(s);
    expect(statuses.filter((s) => s === 'active').length).toBeGreaterThan(30);
    for (const e of company.filter((x) => x.status === 'inactive')) {
      expect(e.terminationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.hireDate! < e.terminationDate!).toBe(true);
    }
    const genders = new Set(company.map((e) => e.gender));
    expect(genders).toContain('male');
    expect(genders).toContain('female');
    expect([...genders].every((g) => g === 'male' || g === 'female' || g === 'diverse')).toBe(true);
    expect(company.some((e) => e.preferredName !== '')).toBe(true);
    expect(checkTree(company).depth).toBeGreaterThanOrEqual(3);
  });

  it('scales to 20,000 people quickly with large departments and a sound tree', () => {
    const started = performance.now();
    const company = sampleCompany({ size: 20_000, domain: 'big.example' });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(company).toHaveLength(20_000);
    expect(new Set(company.map((e) => e.email)).size).toBe(20_000);
    expect(new Set(company.map((e) => e.id)).size).toBe(20_000);
    expect(company.every((e) => e.email?.endsWith('@big.example'))).toBe(true);
    const sizes = new Map<string, number>();
    for (const e of company) sizes.set(e.department?.name ?? '', (sizes.get(e.department?.name ?? '') ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n > 100).length).toBeGreaterThanOrEqual(5);
    const reports = new Map<number, number>();
    for (const e of company) if (e.supervisorId !== null) reports.set(e.supervisorId, (reports.get(e.supervisorId) ?? 0) + 1);
    expect(Math.max(...reports.values())).toBeLessThan(40); // directors keep spans sane
    expect(checkTree(company).depth).toBeGreaterThanOrEqual(4);
  });

  it('handles tiny sizes', () => {
    expect(sampleCompany({ size: 1 })).toHaveLength(1);
    expect(sampleCompany({ size: 3 })).toHaveLength(3);
    checkTree(sampleCompany({ size: 9 }));
    expect(() => sampleCompany({ size: 0 })).toThrow();
  });
});

describe('berlinMidnight', () => {
  it('uses +01:00 in winter and +02:00 in summer, switching on the DST Sundays', () => {
    expect(berlinMidnight('2021-04-01')).toBe('2021-04-01T00:00:00+02:00');
    expect(berlinMidnight('2014-11-09')).toBe('2014-11-09T00:00:00+01:00');
    // 2025: DST from Sunday 30 March to Sunday 26 October (switches happen at 02:00/03:00 local).
    expect(berlinMidnight('2025-03-30')).toBe('2025-03-30T00:00:00+01:00');
    expect(berlinMidnight('2025-03-31')).toBe('2025-03-31T00:00:00+02:00');
    expect(berlinMidnight('2025-10-26')).toBe('2025-10-26T00:00:00+02:00');
    expect(berlinMidnight('2025-10-27')).toBe('2025-10-27T00:00:00+01:00');
  });
});
