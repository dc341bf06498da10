import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmployeeRecord } from '../../../src/personio/employee.js';
import { employeesPage } from '../../../src/personio/wire.js';

const page: unknown = JSON.parse(readFileSync(new URL('./fixtures/employees-page-2.7.json', import.meta.url), 'utf8'));

function records(): unknown[] {
  return employeesPage.parse(page).data;
}

type Attributes = Record<string, unknown>;
function attr(value: unknown, type = 'standard') {
  return { label: 'Label', value, type, universal_id: null };
}
function record(overrides: Attributes = {}, without: string[] = []): unknown {
  const attributes: Attributes = {
    id: attr(1, 'integer'),
    first_name: attr('Ada'),
    last_name: attr('Lovelace'),
    status: attr('active'),
    ...overrides,
  };
  for (const key of without) delete attributes[key];
  return { type: 'Employee', attributes };
}

describe('parseEmployeeRecord with an example page in the documented shape', () => {
  it('maps the first employee completely', () => {
    const [maria] = records();
    expect(parseEmployeeRecord(maria)).toEqual({
      ok: true,
      employee: {
        id: '4711',
        email: 'maria.schneider@example.com',
        firstName: 'Maria',
        lastName: 'Schneider',
        preferredName: 'Mia Schneider',
        status: 'active',
        position: 'Senior Backend Engineer',
        org: {
          department: { field: 'department', id: '281521', name: 'Engineering' },
          team: { field: 'team', id: '59026', name: 'Platform' },
          office: { field: 'office', id: '131014', name: 'Munich' },
          subcompany: { field: 'subcompany', id: '7033', name: 'Example GmbH' },
        },
        supervisorId: '4000',
        hireDate: '2021-04-01',
        hireDateOffsetMinutes: 120,
        terminationDate: null,
        gender: null,
        attributes: {},
      },
    });
  });

  it('maps "" preferred name, null org units, no supervisor and a +01:00 termination date', () => {
    const [, tom] = records();
    const result = parseEmployeeRecord(tom);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.employee).toMatchObject({
      id: '4712',
      preferredName: null,
      status: 'inactive',
      supervisorId: null,
      hireDate: '2019-09-01',
      terminationDate: '2024-12-31',
      org: { team: null, subcompany: null, department: { id: '281530', name: 'Sales' } },
    });
  });
});

describe('parseEmployeeRecord field rules', () => {
  it('accepts a supervisor object that carries only the id', () => {
    const raw = record({ supervisor: attr({ type: 'Employee', attributes: { id: attr(2, 'integer') } }) });
    expect(parseEmployeeRecord(raw)).toMatchObject({ ok: true, employee: { supervisorId: '2' } });
  });

  it('keeps the local date of a midnight +01:00 datetime instead of shifting it to UTC', () => {
    const raw = record({
      hire_date: attr('2024-01-01T00:00:00+01:00', 'date'),
      termination_date: attr('2025-07-01T00:00:00+14:00', 'date'),
    });
    expect(parseEmployeeRecord(raw)).toMatchObject({ ok: true, employee: { hireDate: '2024-01-01', terminationDate: '2025-07-01' } });
  });

  it("keeps the hire date's UTC offset, which says whose calendar the date is in", () => {
    const offset = (value: string) => {
      const result = parseEmployeeRecord(record({ hire_date: attr(value, 'date') }));
      return result.ok ? result.employee.hireDateOffsetMinutes : 'rejected';
    };
    expect(offset('2025-10-01T00:00:00+02:00')).toBe(120);
    expect(offset('2025-10-01T00:00:00+0530')).toBe(330);
    expect(offset('2025-10-01T00:00:00-03:30')).toBe(-210);
    expect(offset('2025-10-01T00:00:00-08')).toBe(-480);
    expect(offset('2025-10-01T00:00:00Z')).toBe(0);
    expect(offset('2025-10-01T00:00:00.000+01:00')).toBe(60);
    // No offset, or one no place on Earth uses: unknown.
    expect(offset('2025-10-01')).toBeNull();
    expect(offset('2025-10-01T00:00:00')).toBeNull();
    expect(offset('2025-10-01T00:00:00+15:00')).toBeNull();
  });

  it('reads plain dates and treats "" and null as no date', () => {
    expect(parseEmployeeRecord(record({ hire_date: attr('2024-02-29', 'date') }))).toMatchObject({ employee: { hireDate: '2024-02-29' } });
    expect(parseEmployeeRecord(record({ hire_date: attr('', 'date'), termination_date: attr(null, 'date') }))).toMatchObject({
      employee: { hireDate: null, terminationDate: null },
    });
  });

  it('rejects an impossible date with the field path', () => {
    expect(parseEmployeeRecord(record({ hire_date: attr('2023-02-30T00:00:00+01:00', 'date') }))).toEqual({
      ok: false,
      rejected: { source: 'personio', recordId: '1', reason: 'attributes.hire_date.value: expected an ISO date (YYYY-MM-DD…)' },
    });
  });

  it('trims emails and reads "" as no email; numeric-string ids become strings', () => {
    expect(parseEmployeeRecord(record({ id: attr('0042'), email: attr('  Ada@Example.com ') }))).toMatchObject({
      employee: { id: '0042', email: 'Ada@Example.com' },
    });
    expect(parseEmployeeRecord(record({ email: attr('') }))).toMatchObject({ employee: { email: null } });
    expect(parseEmployeeRecord(record({ email: attr(null) }))).toMatchObject({ employee: { email: null } });
  });

  it('lower-cases gender and maps unknown values to null', () => {
    expect(parseEmployeeRecord(record({ gender: attr('Female') }))).toMatchObject({ employee: { gender: 'female' } });
    expect(parseEmployeeRecord(record({ gender: attr('diverse') }))).toMatchObject({ employee: { gender: 'diverse' } });
    expect(parseEmployeeRecord(record({ gender: attr('unknown') }))).toMatchObject({ employee: { gender: null } });
    expect(parseEmployeeRecord(record({ gender: attr(null) }))).toMatchObject({ employee: { gender: null } });
  });

  it('reads missing optional attributes as null', () => {
    expect(parseEmployeeRecord(record())).toEqual({
      ok: true,
      employee: {
        id: '1',
        email: null,
        firstName: 'Ada',
        lastName: 'Lovelace',
        preferredName: null,
        status: 'active',
        position: null,
        org: { department: null, team: null, office: null, subcompany: null },
        supervisorId: null,
        hireDate: null,
        hireDateOffsetMinutes: null,
        terminationDate: null,
        gender: null,
        attributes: {},
      },
    });
  });

  it('rejects an unknown status, naming the field and the allowed values', () => {
    expect(parseEmployeeRecord(record({ id: attr(4713, 'integer'), status: attr('fired') }))).toEqual({
      ok: false,
      rejected: {
        source: 'personio',
        recordId: '4713',
        reason: 'attributes.status.value: expected one of active|inactive|onboarding|leave',
      },
    });
  });

  it('rejects a record without a status or id and reports what it can', () => {
    expect(parseEmployeeRecord(record({}, ['status']))).toEqual({
      ok: false,
      rejected: { source: 'personio', recordId: '1', reason: 'attributes.status: missing (expected object)' },
    });
    const noId = parseEmployeeRecord(record({}, ['id']));
    expect(noId).toMatchObject({ ok: false, rejected: { recordId: null, reason: 'attributes.id: missing (expected object)' } });
    expect(parseEmployeeRecord('garbage')).toMatchObject({ ok: false, rejected: { recordId: null, reason: '(root): expected object' } });
  });

  it('rejects a malformed org unit rather than guessing', () => {
    const result = parseEmployeeRecord(record({ department: attr({ type: 'Department', attributes: { id: 'abc', name: 'X' } }) }));
    expect(result).toMatchObject({ ok: false, rejected: { reason: 'attributes.department.value.attributes.id: expected an integer id' } });
  });

  it('one malformed record does not affect the others on the page', () => {
    const all = [...records(), record({ id: attr(4713, 'integer'), status: attr('fired') })];
    const results = all.map((raw) => parseEmployeeRecord(raw));
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
  });
});
